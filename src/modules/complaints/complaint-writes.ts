/**
 * Writes to a person's complaints, each through the case-change frame (permission, the person visible to
 * the actor, the work, the case-change listeners — one transaction) with its audit event. The rules are
 * the domain's: who may complain (`checkComplainant`), which step fits the complaint's state
 * (`applyComplaintStep`). A stale `version` is a conflict, never an overwrite.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import type { Complaint } from '../../domain/case-file/schema.ts';
import { applyComplaintStep, checkComplainant, type ComplaintStep } from '../../domain/complaints/complaint-workflow.ts';
import { contactFromRow } from '../register/case-file-mapping.ts';
import type { CaseWriter } from '../register/case-write.ts';
import { contacts } from '../register/tables.ts';
import { organisationIssues, parseInput, validateInput } from '../register/use-case.ts';
import { complaintFieldIssues, complaintInput, pointAnswerInput, pointInput, stepInput } from './api-schemas.ts';
import { complaintToRow, pointToRow } from './mapping.ts';
import { findComplaint } from './repository.ts';
import { complaintPoints, complaints } from './tables.ts';

type Written = { id: string; version: number };
export const MANAGE = 'complaints:manage' as const;

export function createComplaintWrites({ caseWriter }: { caseWriter: CaseWriter }) {
  const { writeCase } = caseWriter;
  const audit = (tx: Tx, ctx: ServiceContext, personId: string, action: string, recordId: string, before: unknown, after: unknown) =>
    recordAudit(tx, ctx, { action, recordType: action.split('.')[0], recordId, personId, before, after });

  async function requireComplaint(tx: Tx, personId: string, complaintId: string) {
    const found = await findComplaint(tx, personId, complaintId);
    if (!found) throw new NotFoundError('No such complaint');
    return found;
  }

  /** The bodies named exist; the complainant is the person or a contact with authority to act (domain rule). */
  async function referenceIssues(tx: Tx, personId: string, candidate: Record<string, unknown>): Promise<ValidationIssue[]> {
    const ids = Array.isArray(candidate.organisationIds) ? candidate.organisationIds : [];
    const issues = complaintFieldIssues(candidate);
    issues.push(...await organisationIssues(tx, [
      ...ids.map((id, i) => ({ path: `organisationIds[${i}]`, id, kinds: ['local_authority', 'icb', 'lhb', 'nhs_trust'], label: 'a council, ICB or NHS trust' })),
      { path: 'leadOrganisationId', id: candidate.leadOrganisationId, label: 'the lead body' },
    ]));
    const complainant = candidate.complainant;
    if (typeof complainant === 'string' && complainant !== '' && typeof candidate.receivedOn === 'string') {
      const rows = await tx.select().from(contacts).where(eq(contacts.personId, personId));
      const problems = checkComplainant({ complainant, receivedOn: candidate.receivedOn } as Complaint, rows.map(contactFromRow));
      issues.push(...problems.map((message) => ({ path: 'complainant', message })));
    }
    // The error summary links to one box for the list of bodies.
    return issues.map((issue) => (issue.path.startsWith('organisationIds[') ? { ...issue, path: 'organisationIds' } : issue));
  }

  return {
    recordComplaint: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, MANAGE, async (tx) => {
        const data = await validateInput(complaintInput, input, (c) => referenceIssues(tx, personId, c));
        const complaint: Complaint = {
          id: randomUUID(),
          receivedOn: data.receivedOn,
          complainant: data.complainant,
          organisationIds: data.organisationIds,
          ...(data.leadOrganisationId ? { leadOrganisationId: data.leadOrganisationId } : {}),
          procedure: data.procedure,
          ...(data.responseDue ? { responseDue: data.responseDue } : {}),
          points: (data.points ?? []).map((text) => ({ id: randomUUID(), text, answered: false })),
          ext: {
            ...(data.procedure === 'corporate' ? { corporateStage: data.corporateStage } : {}),
            ...(data.responseSignedBy ? { responseSignedBy: data.responseSignedBy } : {}),
          },
        };
        await tx.insert(complaints).values(complaintToRow(personId, complaint));
        if (complaint.points.length) await tx.insert(complaintPoints).values(complaint.points.map((p, i) => pointToRow(personId, complaint.id, i, p)));
        await audit(tx, ctx, personId, 'complaint.create', complaint.id, null, complaint);
        return { id: complaint.id, version: 1 };
      }),

    addPoint: (ctx: ServiceContext, personId: string, complaintId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, MANAGE, async (tx) => {
        await requireComplaint(tx, personId, complaintId);
        const data = parseInput(pointInput, input);
        const where = and(eq(complaintPoints.personId, personId), eq(complaintPoints.complaintId, complaintId));
        const [last] = await tx.select({ position: max(complaintPoints.position) }).from(complaintPoints).where(where);
        const point = { id: randomUUID(), text: data.text, answered: false };
        await tx.insert(complaintPoints).values(pointToRow(personId, complaintId, (last?.position ?? -1) + 1, point));
        await audit(tx, ctx, personId, 'complaint_point.create', point.id, null, { complaintId, ...point });
        return { id: point.id, version: 1 };
      }),

    /** Records whether the response answers a point, and the answer the letter gives. */
    answerPoint: (ctx: ServiceContext, personId: string, complaintId: string, pointId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, MANAGE, async (tx) => {
        const where = and(eq(complaintPoints.personId, personId), eq(complaintPoints.complaintId, complaintId), eq(complaintPoints.id, pointId));
        const [before] = await tx.select().from(complaintPoints).where(where);
        if (!before) throw new NotFoundError('No such point');
        const data = parseInput(pointAnswerInput, input);
        const values = { answered: data.answered, answer: data.answer ?? null, updatedAt: ctx.now };
        const updated = await updateVersioned(tx, complaintPoints, where, data.version, values);
        await audit(tx, ctx, personId, 'complaint_point.answer', pointId, { answered: before.answered, answer: before.answer }, { answered: updated.answered, answer: updated.answer });
        return { id: pointId, version: updated.version };
      }),

    /** A step of the complaint workflow; refused in plain English when it does not fit the state. Returns the domain's warnings. */
    applyStep: (ctx: ServiceContext, personId: string, complaintId: string, input: unknown): Promise<Written & { warnings: string[] }> =>
      writeCase(ctx, personId, MANAGE, async (tx) => {
        const current = await requireComplaint(tx, personId, complaintId);
        const data = parseInput(stepInput, input);
        const step = toStep(data);
        const result = applyComplaintStep(current.record, step);
        if (!result.ok) throw new ValidationError(result.refusals.map((message) => ({ path: stepField(data.kind), message })));
        const next = result.complaint;
        const signedBy = data.kind === 'respond' && data.signedBy ? { responseSignedBy: data.signedBy } : {};
        const where = and(eq(complaints.personId, personId), eq(complaints.id, complaintId));
        const values = {
          acknowledgedOn: next.acknowledgedOn ?? null,
          responseDue: next.responseDue ?? null,
          respondedOn: next.respondedOn ?? null,
          outcome: next.outcome ?? null,
          ...signedBy,
          updatedAt: ctx.now,
        };
        const updated = await updateVersioned(tx, complaints, where, data.version, values);
        await audit(tx, ctx, personId, `complaint.${data.kind}`, complaintId, current.record, { ...next, ...signedBy });
        return { id: complaintId, version: updated.version, warnings: result.warnings };
      }),
  };
}

function toStep(data: ReturnType<typeof stepInput.parse>): ComplaintStep {
  switch (data.kind) {
    case 'acknowledge':
    case 'respond':
      return { kind: data.kind, on: data.on };
    case 'close':
      return { kind: 'close', outcome: data.outcome };
    case 'withdraw':
      return { kind: 'withdraw' };
    case 'agree_response_date':
      return { kind: 'agree_response_date', due: data.due };
  }
}

/** The form field a refusal belongs to, so the error summary links somewhere useful. */
function stepField(kind: ComplaintStep['kind']): string {
  return { acknowledge: 'on', respond: 'on', close: 'outcome', withdraw: 'kind', agree_response_date: 'due' }[kind];
}
