/**
 * Service improvements that reach other people (CMP-14): a service-improvement remedy defines a review
 * cohort from the register rows the actor may see, fixed when defined (`defineCohort`), and the cohort
 * becomes a worklist whose progress is the domain's (`cohortProgress`).
 */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import { COHORT_CRITERIA, cohortProgress, defineCohort, type CohortCriterion, type CohortProgress, type ReviewCohort } from '../../domain/complaints/review-cohorts.ts';
import type { CaseWriter } from '../register/case-write.ts';
import { parseInput, requireVisiblePerson } from '../register/use-case.ts';
import { cohortInput, cohortReviewInput } from './api-schemas.ts';
import { MANAGE } from './complaint-writes.ts';
import { remedyFromRow } from './mapping.ts';
import { peopleNames } from './repository.ts';
import { registerRowsFor } from './register-rows.ts';
import { cohortReviews, ombudsmanRemedies, reviewCohorts } from './tables.ts';

export interface CohortWorklist {
  remedy: { id: string; caseId: string; text: string; kind: string };
  cohort: ReviewCohort | null;
  progress: CohortProgress | null;
  members: { personId: string; dutyId: string; name: string | null; reviewedOn: string | null }[];
  /** The criteria offered when defining one, with why any is unavailable. */
  criteria: { value: CohortCriterion; label: string; unavailable?: string }[];
  version: number | null;
}

export function createCohorts({ db, caseWriter }: { db: Db; caseWriter: CaseWriter }) {
  const { writeCase } = caseWriter;

  async function remedyOf(dbOrTx: DbOrTx, personId: string, caseId: string, remedyId: string) {
    const where = and(eq(ombudsmanRemedies.personId, personId), eq(ombudsmanRemedies.caseId, caseId), eq(ombudsmanRemedies.id, remedyId));
    const [row] = await dbOrTx.select().from(ombudsmanRemedies).where(where);
    if (!row) throw new NotFoundError('No such remedy');
    return row;
  }

  return {
    async cohortWorklist(ctx: ServiceContext, personId: string, caseId: string, remedyId: string): Promise<CohortWorklist> {
      assertPermission(ctx.actor, 'case:read');
      await requireVisiblePerson(db, ctx.actor, personId);
      const row = await remedyOf(db, personId, caseId, remedyId);
      const [stored] = await db.select().from(reviewCohorts).where(and(eq(reviewCohorts.personId, personId), eq(reviewCohorts.remedyId, remedyId)));
      const asOf = todayInLondon(ctx.now);
      const { unavailable } = stored ? { unavailable: {} as Record<string, string> } : await registerRowsFor(db, ctx.actor, asOf);
      const criteria = (Object.keys(COHORT_CRITERIA) as CohortCriterion[]).map((value) => ({
        value,
        label: COHORT_CRITERIA[value].label,
        ...(unavailable[value] ? { unavailable: unavailable[value] } : {}),
      }));
      const remedy = { id: row.id, caseId, text: row.text, kind: row.kind };
      if (!stored) return { remedy, cohort: null, progress: null, members: [], criteria, version: null };
      const cohort: ReviewCohort = { remedyId, criterion: stored.criterion as CohortCriterion, label: stored.label, definedOn: stored.definedOn, members: stored.members };
      const reviews = await db.select().from(cohortReviews).where(and(eq(cohortReviews.personId, personId), eq(cohortReviews.remedyId, remedyId)));
      const progress = cohortProgress(cohort, reviews.map((r) => ({ personId: r.memberPersonId, dutyId: r.memberDutyId, reviewedOn: r.reviewedOn })), asOf);
      // Members the actor may not see are listed without a name (their existence stays private to their case).
      const names = await peopleNames(db, ctx.actor, cohort.members.map((m) => m.personId));
      const reviewedOn = new Map(reviews.map((r) => [`${r.memberPersonId}\u0000${r.memberDutyId}`, r.reviewedOn]));
      const members = cohort.members.map((m) => {
        const person = names.get(m.personId);
        return { ...m, name: person ? `${person.givenName} ${person.familyName}` : null, reviewedOn: reviewedOn.get(`${m.personId}\u0000${m.dutyId}`) ?? null };
      });
      return { remedy, cohort, progress, members, criteria, version: stored.version };
    },

    async defineReviewCohort(ctx: ServiceContext, personId: string, caseId: string, remedyId: string, input: unknown): Promise<{ members: number }> {
      // The person (in writeCase) and the remedy are found first: someone who may not see them learns nothing from the input's errors.
      return writeCase(ctx, personId, MANAGE, async (tx) => {
        const row = await remedyOf(tx, personId, caseId, remedyId);
        const data = parseInput(cohortInput, input);
        const on = todayInLondon(ctx.now);
        const { rows, unavailable } = await registerRowsFor(tx, ctx.actor, on);
        const why = unavailable[data.criterion];
        if (why) throw new ValidationError([{ path: 'criterion', message: why }]);
        const result = defineCohort(remedyFromRow(row), data.criterion, rows, on);
        if (!result.ok) throw new ValidationError([{ path: 'criterion', message: result.refusal }]);
        const [existing] = await tx.select().from(reviewCohorts).where(and(eq(reviewCohorts.personId, personId), eq(reviewCohorts.remedyId, remedyId)));
        if (existing) throw new ValidationError([{ path: 'criterion', message: 'This remedy already has a review. Its members are fixed so that progress can be measured.' }]);
        const { cohort } = result;
        await tx.insert(reviewCohorts).values({ personId, remedyId, criterion: cohort.criterion, label: cohort.label, definedOn: cohort.definedOn, members: cohort.members, definedByOrganisationId: ctx.actor.organisationId });
        await recordAudit(tx, ctx, { action: 'review_cohort.create', recordType: 'review_cohort', recordId: remedyId, personId, after: { criterion: cohort.criterion, members: cohort.members.length } });
        return { members: cohort.members.length };
      });
    },

    async recordCohortReview(ctx: ServiceContext, personId: string, caseId: string, remedyId: string, input: unknown): Promise<{ recorded: boolean }> {
      return writeCase(ctx, personId, MANAGE, async (tx) => {
        await remedyOf(tx, personId, caseId, remedyId);
        const data = parseInput(cohortReviewInput, input);
        const [stored] = await tx.select().from(reviewCohorts).where(and(eq(reviewCohorts.personId, personId), eq(reviewCohorts.remedyId, remedyId)));
        if (!stored) throw new NotFoundError('This remedy has no review');
        if (!stored.members.some((m) => m.personId === data.memberPersonId && m.dutyId === data.memberDutyId)) {
          throw new ValidationError([{ path: 'memberPersonId', message: 'This person is not in the review' }]);
        }
        if (data.reviewedOn < stored.definedOn) throw new ValidationError([{ path: 'reviewedOn', message: `The review must be on or after ${stored.definedOn}, when the review began` }]);
        const inserted = await tx
          .insert(cohortReviews)
          .values({ personId, remedyId, memberPersonId: data.memberPersonId, memberDutyId: data.memberDutyId, reviewedOn: data.reviewedOn, reviewedBy: ctx.actor.id })
          .onConflictDoNothing()
          .returning();
        if (inserted.length) await recordAudit(tx, ctx, { action: 'review_cohort.review', recordType: 'review_cohort', recordId: remedyId, personId, after: data });
        return { recorded: inserted.length > 0 };
      });
    },
  };
}
