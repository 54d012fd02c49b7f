/**
 * Writes to a person's Ombudsman cases and their remedies, each through the case-change frame with its
 * audit event. A remedy's due date and state are the domain's (`remedyDueDate`, `remedyCompliance`); this
 * file only records what was agreed and what was done, with a conflict on a stale `version`.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { NotFoundError, type ValidationIssue } from '../../platform/errors.ts';
import type { OmbudsmanCase, Remedy } from '../../domain/case-file/schema.ts';
import type { CaseWriter } from '../register/case-write.ts';
import { compact } from '../register/case-file-mapping.ts';
import { contacts, staff } from '../register/tables.ts';
import { organisationsByIds } from '../register/repository.ts';
import { parseInput, validateInput } from '../register/use-case.ts';
import { ombudsmanCaseInput, ombudsmanCaseUpdate, remedyInput, remedyProgressInput } from './api-schemas.ts';
import { MANAGE } from './complaint-writes.ts';
import { ombudsmanCaseToRow, remedyFromRow, remedyToRow } from './mapping.ts';
import { findComplaint, findOmbudsmanCase } from './repository.ts';
import { ombudsmanCases, ombudsmanRemedies } from './tables.ts';

type Written = { id: string; version: number };

export function createOmbudsmanWrites({ caseWriter }: { caseWriter: CaseWriter }) {
  const { writeCase } = caseWriter;
  const audit = (tx: Tx, ctx: ServiceContext, personId: string, action: string, recordId: string, before: unknown, after: unknown) =>
    recordAudit(tx, ctx, { action, recordType: action.split('.')[0], recordId, personId, before, after });

  async function complaintIssues(tx: Tx, personId: string, candidate: Record<string, unknown>): Promise<ValidationIssue[]> {
    const id = candidate.complaintId;
    if (typeof id !== 'string' || id === '') return [];
    return (await findComplaint(tx, personId, id)) ? [] : [{ path: 'complaintId', message: 'Select a complaint of this person' }];
  }

  /** A remedy's owner is a worker, an organisation or one of the person's contacts (a case-file Ref). */
  async function ownerIssues(tx: Tx, personId: string, candidate: Record<string, unknown>): Promise<ValidationIssue[]> {
    const id = candidate.ownerId;
    if (typeof id !== 'string' || id === '') return [];
    const [worker] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.id, id));
    if (worker) return [];
    if ((await organisationsByIds(tx, [id])).length) return [];
    const [contact] = await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.personId, personId), eq(contacts.id, id)));
    return contact ? [] : [{ path: 'ownerId', message: 'Select who owns this action from the list' }];
  }

  async function requireCase(tx: Tx, personId: string, caseId: string) {
    const found = await findOmbudsmanCase(tx, personId, caseId);
    if (!found) throw new NotFoundError('No such Ombudsman case');
    return found;
  }

  const caseRecord = (id: string, data: ReturnType<typeof ombudsmanCaseInput.parse>): Omit<OmbudsmanCase, 'remedies'> =>
    compact({
      id,
      body: data.body,
      reference: data.reference,
      complaintId: data.complaintId,
      finalDecisionOn: data.finalDecisionOn,
      findings: data.findings,
      ext: data.enquiryOn || data.draftDecisionOn ? compact({ enquiryOn: data.enquiryOn, draftDecisionOn: data.draftDecisionOn }) : undefined,
    }) as Omit<OmbudsmanCase, 'remedies'>;

  return {
    recordOmbudsmanCase: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, MANAGE, async (tx) => {
        const data = await validateInput(ombudsmanCaseInput, input, (c) => complaintIssues(tx, personId, c));
        const record = caseRecord(randomUUID(), data);
        await tx.insert(ombudsmanCases).values(ombudsmanCaseToRow(personId, record));
        await audit(tx, ctx, personId, 'ombudsman_case.create', record.id, null, record);
        return { id: record.id, version: 1 };
      }),

    /** Changes the case's dates, reference and findings (the whole form); the `ext` the case came with is kept. */
    updateOmbudsmanCase: (ctx: ServiceContext, personId: string, caseId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, MANAGE, async (tx) => {
        const current = await requireCase(tx, personId, caseId);
        const { version, ...data } = await validateInput(ombudsmanCaseUpdate, input, (c) => complaintIssues(tx, personId, c));
        const { remedies: _remedies, ...before } = current.record;
        const record = caseRecord(caseId, data);
        const keptExt = { ...(before.ext ?? {}) };
        delete keptExt.enquiryOn;
        delete keptExt.draftDecisionOn;
        const merged = { ...record, ext: { ...keptExt, ...(record.ext ?? {}) } };
        const { personId: _p, id: _i, ...values } = ombudsmanCaseToRow(personId, merged);
        const where = and(eq(ombudsmanCases.personId, personId), eq(ombudsmanCases.id, caseId));
        const updated = await updateVersioned(tx, ombudsmanCases, where, version, { ...values, updatedAt: ctx.now });
        await audit(tx, ctx, personId, 'ombudsman_case.update', caseId, before, merged);
        return { id: caseId, version: updated.version };
      }),

    addRemedy: (ctx: ServiceContext, personId: string, caseId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, MANAGE, async (tx) => {
        await requireCase(tx, personId, caseId);
        const data = await validateInput(remedyInput, input, (c) => ownerIssues(tx, personId, c));
        const remedy = compact({ id: randomUUID(), ...data }) as Remedy;
        const where = and(eq(ombudsmanRemedies.personId, personId), eq(ombudsmanRemedies.caseId, caseId));
        const [last] = await tx.select({ position: max(ombudsmanRemedies.position) }).from(ombudsmanRemedies).where(where);
        await tx.insert(ombudsmanRemedies).values(remedyToRow(personId, caseId, (last?.position ?? -1) + 1, remedy));
        await audit(tx, ctx, personId, 'remedy.create', remedy.id, null, { caseId, ...remedy });
        return { id: remedy.id, version: 1 };
      }),

    /** Records that a remedy was done and the evidence sent (the whole progress form: an empty box clears). */
    recordRemedyProgress: (ctx: ServiceContext, personId: string, caseId: string, remedyId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, MANAGE, async (tx) => {
        const where = and(eq(ombudsmanRemedies.personId, personId), eq(ombudsmanRemedies.caseId, caseId), eq(ombudsmanRemedies.id, remedyId));
        const [row] = await tx.select().from(ombudsmanRemedies).where(where);
        if (!row) throw new NotFoundError('No such remedy');
        const data = parseInput(remedyProgressInput, input);
        const values = { completedOn: data.completedOn ?? null, evidenceSentOn: data.evidenceSentOn ?? null, evidence: data.evidence ?? null, updatedAt: ctx.now };
        const updated = await updateVersioned(tx, ombudsmanRemedies, where, data.version, values);
        await audit(tx, ctx, personId, 'remedy.progress', remedyId, remedyFromRow(row), remedyFromRow(updated));
        return { id: remedyId, version: updated.version };
      }),
  };
}
