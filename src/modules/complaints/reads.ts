/**
 * Reads: a person's complaints and Ombudsman cases with their clocks and remedy states, the response
 * letter, and the compliance view across every case the actor may see. Every figure comes from the
 * domain (`clockState`, `complaintStatus`, `availableSteps`, `remedyCompliance`, `earlierRemedies`,
 * `responseLetter`); a read of one person's case is audited (`case.view`).
 */
import { eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { todayInLondon, type CivilDate } from '../../domain/calendar/civil-date.ts';
import type { Complaint, OmbudsmanCase, Organisation } from '../../domain/case-file/schema.ts';
import { clockState, type ComplaintClock, type CorporateStage } from '../../domain/complaints/complaint-clocks.ts';
import { pointsUnansweredAfterResponse, responseLetter, type ComplaintResponseLetter } from '../../domain/complaints/complaint-points.ts';
import { availableSteps, complaintStatus, type ComplaintStatus, type ComplaintStep } from '../../domain/complaints/complaint-workflow.ts';
import { earlierRemedies, remedyCompliance, remedyDueDate, remedyWorklist, type EarlierRemedy, type RemedyCompliance, type RemedyDue } from '../../domain/complaints/remedies.ts';
import { organisationFromRow } from '../register/case-file-export.ts';
import { contactFromRow } from '../register/case-file-mapping.ts';
import { organisationsByIds } from '../register/repository.ts';
import { contacts, staff } from '../register/tables.ts';
import { requireVisiblePerson } from '../register/use-case.ts';
import { complianceQuery } from './api-schemas.ts';
import * as repository from './repository.ts';

export interface ComplaintView {
  complaint: Complaint;
  version: number;
  pointVersions: Record<string, number>;
  status: ComplaintStatus;
  clock: ComplaintClock;
  corporateStage: CorporateStage | null;
  steps: ComplaintStep['kind'][];
  unansweredAfterResponse: string[];
}

export interface RemedyView {
  remedy: OmbudsmanCase['remedies'][number];
  version: number;
  due: RemedyDue;
  compliance: RemedyCompliance;
}

export interface OmbudsmanCaseView {
  ombudsmanCase: OmbudsmanCase;
  version: number;
  remedies: RemedyView[];
  /** Remedies of the person's earlier Ombudsman cases and how late each was (a repeat complaint). */
  earlier: EarlierRemedy[];
}

export interface PersonComplaints {
  asOf: CivilDate;
  complaints: ComplaintView[];
  ombudsmanCases: OmbudsmanCaseView[];
}

export function corporateStageOf(complaint: Complaint): CorporateStage | null {
  const stage = complaint.ext?.corporateStage;
  return stage === 1 || stage === 2 ? stage : null;
}

export function complaintView(entry: repository.Versioned<Complaint>, asOf: CivilDate): ComplaintView {
  const complaint = entry.record;
  const corporateStage = corporateStageOf(complaint);
  return {
    complaint,
    version: entry.version,
    pointVersions: entry.versions,
    status: complaintStatus(complaint, asOf),
    clock: clockState(complaint, asOf, corporateStage ? { corporateStage } : {}),
    corporateStage,
    steps: availableSteps(complaint),
    unansweredAfterResponse: pointsUnansweredAfterResponse(complaint, asOf).map((p) => p.id),
  };
}

/** When a case began, for deciding which of the person's other cases came before it. */
function caseStart(c: OmbudsmanCase, asOf: CivilDate): CivilDate {
  const ext = c.ext ?? {};
  const dates = [ext.enquiryOn, ext.draftDecisionOn, c.finalDecisionOn].filter((d): d is string => typeof d === 'string');
  return dates.sort()[0] ?? asOf;
}

export function ombudsmanCaseViews(entries: repository.Versioned<OmbudsmanCase>[], asOf: CivilDate): OmbudsmanCaseView[] {
  const all = entries.map((e) => e.record);
  return entries.map((entry) => {
    const c = entry.record;
    const others = all.filter((other) => other.id !== c.id);
    return {
      ombudsmanCase: c,
      version: entry.version,
      remedies: c.remedies.map((remedy) => ({
        remedy,
        version: entry.versions[remedy.id] ?? 1,
        due: remedyDueDate(remedy, c, asOf),
        compliance: remedyCompliance(remedy, c, asOf),
      })),
      earlier: earlierRemedies(others, asOf, caseStart(c, asOf)).filter((r) => r.finalDecisionOn !== null && r.finalDecisionOn < caseStart(c, asOf)),
    };
  });
}

async function organisationsOf(db: DbOrTx, ids: string[]): Promise<Organisation[]> {
  return (await organisationsByIds(db, [...new Set(ids)])).map((row) => organisationFromRow(row));
}

export interface ComplianceRemedyRow extends RemedyCompliance {
  personId: string;
  personName: string;
  caseId: string;
  reference: string;
  text: string;
  ownerId: string | null;
  ownerName: string | null;
}

export interface ComplianceComplaintRow {
  personId: string;
  personName: string;
  complaintId: string;
  receivedOn: CivilDate;
  procedure: Complaint['procedure'];
  clock: ComplaintClock;
}

export function createComplaintReads({ db }: { db: Db }) {
  return {
    async personComplaints(ctx: ServiceContext, personId: string): Promise<PersonComplaints> {
      assertPermission(ctx.actor, 'case:read');
      const asOf = todayInLondon(ctx.now);
      return db.transaction(async (tx) => {
        await requireVisiblePerson(tx, ctx.actor, personId);
        const complaints = (await repository.complaintsOf(tx, personId)).map((entry) => complaintView(entry, asOf));
        const ombudsmanCases = ombudsmanCaseViews(await repository.ombudsmanCasesOf(tx, personId), asOf);
        await recordAudit(tx, ctx, { action: 'case.view', recordType: 'complaints', recordId: personId, personId });
        return { asOf, complaints, ombudsmanCases };
      });
    },

    /** The response letter (CMP-05): every point with its answer, the outcome and the right to go to the Ombudsman. */
    async responseLetter(ctx: ServiceContext, personId: string, complaintId: string) {
      assertPermission(ctx.actor, 'case:read');
      return db.transaction(async (tx) => {
        const person = await requireVisiblePerson(tx, ctx.actor, personId);
        const found = await repository.findComplaint(tx, personId, complaintId);
        if (!found) throw new NotFoundError('No such complaint');
        const complaint = found.record;
        const organisations = await organisationsOf(tx, complaint.organisationIds);
        const answers = Object.fromEntries(complaint.points.map((p) => [p.id, typeof p.ext?.answer === 'string' ? p.ext.answer : '']));
        const signedBy = typeof complaint.ext?.responseSignedBy === 'string' ? complaint.ext.responseSignedBy : undefined;
        const letter: ComplaintResponseLetter = responseLetter(complaint, organisations, { answers, ...(signedBy ? { signedBy } : {}) });
        const contactRows = await tx.select().from(contacts).where(eq(contacts.personId, personId));
        const complainant = complaint.complainant === 'person' ? null : (contactRows.map(contactFromRow).find((c) => c.id === complaint.complainant) ?? null);
        await recordAudit(tx, ctx, { action: 'case.view', recordType: 'complaint_letter', recordId: complaintId, personId });
        return { letter, person: { givenName: person.givenName, familyName: person.familyName, address: person.address ?? [], communicationNeeds: person.communicationNeeds ?? [] }, complainant, organisations };
      });
    },

    /** Every remedy of the cases the actor may see, with its state on `asOf` (default: not yet closed). */
    async remedyCompliance(ctx: ServiceContext, rawQuery: unknown): Promise<{ asOf: CivilDate; rows: ComplianceRemedyRow[] }> {
      assertPermission(ctx.actor, 'complaints:manage');
      const query = complianceQuery.parse(rawQuery ?? {});
      const asOf = query.asOf ?? todayInLondon(ctx.now);
      const entries = await repository.visibleOmbudsmanCases(db, ctx.actor);
      const names = await repository.peopleNames(db, ctx.actor, entries.map((e) => e.personId));
      const rows = entries.flatMap((entry) => {
        // remedyWorklist sorts overdue first; closed remedies are added only when asked for.
        const open = remedyWorklist([entry.record], asOf);
        const closed = query.state === 'closed'
          ? entry.record.remedies.map((r) => ({ ...remedyCompliance(r, entry.record, asOf), caseId: entry.record.id, reference: entry.record.reference, text: r.text, ownerId: r.ownerId ?? null })).filter((r) => r.state === 'closed')
          : [];
        return [...open, ...closed].map((row) => ({ ...row, personId: entry.personId }));
      });
      const owners = await ownerNames(db, rows.map((r) => r.ownerId).filter((id): id is string => id !== null));
      const stateOrder = { overdue: 0, done_awaiting_evidence: 1, due: 2, closed: 3 } as const;
      const shown = rows
        .filter((row) => (query.state ? row.state === query.state : true))
        .filter((row) => (query.owner ? row.ownerId === query.owner : true))
        .map((row) => {
          const person = names.get(row.personId);
          return { ...row, personName: person ? `${person.givenName} ${person.familyName}` : row.personId, ownerName: row.ownerId ? (owners.get(row.ownerId) ?? row.ownerId) : null };
        })
        .sort((a, b) => stateOrder[a.state] - stateOrder[b.state] || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.remedyId.localeCompare(b.remedyId));
      return { asOf, rows: shown };
    },

    /** Every complaint of the people the actor may see, with its clock on `asOf`. */
    async complaintClocks(ctx: ServiceContext, rawQuery: unknown): Promise<{ asOf: CivilDate; rows: ComplianceComplaintRow[] }> {
      assertPermission(ctx.actor, 'complaints:manage');
      const query = complianceQuery.parse(rawQuery ?? {});
      const asOf = query.asOf ?? todayInLondon(ctx.now);
      const entries = await repository.visibleComplaints(db, ctx.actor);
      const names = await repository.peopleNames(db, ctx.actor, entries.map((e) => e.personId));
      const rows = entries
        .filter((entry) => entry.record.receivedOn <= asOf)
        .map((entry) => {
          const view = complaintView(entry, asOf);
          const person = names.get(entry.personId);
          return {
            personId: entry.personId,
            personName: person ? `${person.givenName} ${person.familyName}` : entry.personId,
            complaintId: entry.record.id,
            receivedOn: entry.record.receivedOn,
            procedure: entry.record.procedure,
            clock: view.clock,
          };
        });
      return { asOf, rows };
    },
  };
}

/** Names for remedy owners: a worker or an organisation (a contact owner shows as its id). */
async function ownerNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const workers = await db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, unique));
  const organisations = await organisationsByIds(db, unique);
  return new Map([...organisations.map((o) => [o.id, o.name] as const), ...workers.map((w) => [w.id, w.name] as const)]);
}
