/**
 * Every change coordination makes to a person's case. Each runs through the case writer (permission, the
 * person visible to the actor, the work, then the case-change listeners such as the alert refresh — one
 * transaction), validates with zod reporting every error together with the references it names, applies
 * the domain rule from src/domain/coordination, writes, and records the audit event.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { ConflictError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import type { Permission } from '../../platform/permissions.ts';
import type { PanelRequest } from '../../domain/case-file/schema.ts';
import { checkResubmission, decidePanelRequest } from '../../domain/coordination/panel-requests.ts';
import { cancelMeeting, recordMeetingHeld } from '../../domain/coordination/meetings.ts';
import type { CaseWriter, PersonRow } from '../register/case-write.ts';
import { compact as compactRecord } from '../register/case-file-mapping.ts';
import { ensureStaffRecord, workersOf } from '../register/repository.ts';
import { throwIfIssues, today, validateInput } from '../register/use-case.ts';
import * as input from './api-schemas.ts';
import { loadCoordinationCase, type CoordinationCase } from './case-reads.ts';
import { referenceIssues, type ReferenceCheck } from './references.ts';
import { findRecord, insertRecords, listProviders, updateRecord } from './repository.ts';
import { sectionDefinitions, type CoordinationSection } from './sections.ts';

export type Written = { id: string; version: number };
type Work = (tx: Tx, c: CoordinationCase, known: KnownIds) => Promise<Written>;
interface KnownIds {
  providers: Set<string>;
  staff: Set<string>;
}

/** Drops undefined fields so a stored record is exactly its contract shape. */
const compact = <T extends Record<string, unknown>>(record: T): T => compactRecord(record) as T;

/** A change made from a stale page is a conflict, before any rule is applied to what is stored now. */
function assertFresh(record: { version: number }, version: number, attempted: Record<string, unknown>): void {
  if (record.version !== version) throw new ConflictError(record, { ...attempted, version });
}

/** A domain rule's refusals as issues on the form field each is about. */
function refusalIssues(refusals: string[], fieldOf: (message: string) => string): ValidationIssue[] {
  return refusals.map((message) => ({ path: fieldOf(message), message }));
}

export function createCaseWrites({ caseWriter }: { caseWriter: CaseWriter }) {
  function write(ctx: ServiceContext, personId: string, permission: Permission, work: Work): Promise<Written> {
    return caseWriter.writeCase(ctx, personId, permission, async (tx, person: PersonRow) => {
      const c = await loadCoordinationCase(tx, person);
      const providers = new Set((await listProviders(tx)).map((p) => p.organisation.id));
      const staff = new Set([
        ...(ctx.actor.organisationId ? (await workersOf(tx, ctx.actor.organisationId)).map((w) => w.id) : []),
        ...Object.keys(c.names),
      ]);
      return work(tx, c, { providers, staff });
    });
  }
  async function validate<T extends z.ZodType>(schema: T, raw: unknown, c: CoordinationCase, known: KnownIds, checks: (given: Record<string, unknown>) => ReferenceCheck[]) {
    return validateInput(schema, raw, async (given) => referenceIssues(c, checks(given), known.providers, known.staff));
  }
  async function create(tx: Tx, ctx: ServiceContext, personId: string, section: CoordinationSection, record: Record<string, unknown>): Promise<Written> {
    const stored = compact(record);
    await insertRecords(tx, section, personId, [stored]);
    await recordAudit(tx, ctx, { action: `${sectionDefinitions[section].recordType}.create`, recordType: sectionDefinitions[section].recordType, recordId: stored.id as string, personId, before: null, after: stored });
    return { id: stored.id as string, version: 1 };
  }
  async function change(tx: Tx, ctx: ServiceContext, personId: string, section: CoordinationSection, before: Record<string, unknown> & { version: number }, after: Record<string, unknown>, expected: number, action = 'update'): Promise<Written> {
    const { version: _v, ...was } = before;
    const stored = compact(after);
    const version = await updateRecord(tx, section, personId, expected, stored, ctx.now);
    const recordType = sectionDefinitions[section].recordType;
    await recordAudit(tx, ctx, { action: `${recordType}.${action}`, recordType, recordId: stored.id as string, personId, before: was, after: stored });
    return { id: stored.id as string, version };
  }
  /** A staff member named on a record becomes a staff record, so an export names them (the contract's Staff). */
  async function keepStaff(tx: Tx, ids: (string | undefined)[]): Promise<void> {
    for (const id of ids) if (id && id !== 'person') await ensureStaffRecord(tx, id);
  }
  const dutyCheck = (id: unknown): ReferenceCheck => ({ path: 'dutyId', id, among: 'duty', message: 'Select a duty of this person' });
  const providerCheck = (id: unknown): ReferenceCheck => ({ path: 'providerId', id, among: 'provider', message: 'Select a provider from the directory' });

  return {
    raisePanelRequest: (ctx: ServiceContext, personId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const data = await validate(input.panelRequestInput, raw, c, known, (g) => [
          dutyCheck(g.dutyId), providerCheck(g.providerId),
          { path: 'resubmissionOf', id: g.resubmissionOf, among: 'panelRequest', message: 'Select an earlier request of this person' },
        ]);
        const { supportingNotes, ...fields } = data;
        const request = compact({ id: randomUUID(), ...fields, ...(supportingNotes ? { ext: { supportingNotes } } : {}) }) as PanelRequest;
        const earlier = c.panelRequests.find((r) => r.id === request.resubmissionOf);
        if (earlier) throwIfIssues(refusalIssues(checkResubmission(request, earlier), (m) => (/submitted on or after/.test(m) ? 'submittedOn' : /same duty/.test(m) ? 'dutyId' : 'resubmissionOf')));
        return create(tx, ctx, personId, 'panelRequests', request);
      }),

    decidePanelRequest: (ctx: ServiceContext, personId: string, requestId: string, raw: unknown) =>
      write(ctx, personId, 'panel:decide', async (tx, c, known) => {
        const request = await findRecord(tx, 'panelRequests', personId, requestId);
        const { version, ...decision } = await validate(input.panelDecisionInput, raw, c, known, () => []);
        assertFresh(request, version, decision);
        const result = decidePanelRequest(request, decision);
        if (!result.ok) throw new ValidationError(refusalIssues(result.refusals, (m) => (/reasons/.test(m) ? 'reasons' : /date/.test(m) ? 'decidedOn' : 'decision')));
        const { version: _v, ...decided } = result.request as typeof request;
        return change(tx, ctx, personId, 'panelRequests', request, decided, version, 'decide');
      }),

    addPlacementSearch: (ctx: ServiceContext, personId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const data = await validate(input.placementSearchInput, raw, c, known, (g) => [dutyCheck(g.dutyId), providerCheck(g.providerId)]);
        if (data.outcome !== 'pending' && !data.outcomeOn) throwIfIssues([{ path: 'outcomeOn', message: 'Enter the date of the outcome' }]);
        return create(tx, ctx, personId, 'placementSearches', { id: randomUUID(), ...data });
      }),

    recordPlacementOutcome: (ctx: ServiceContext, personId: string, searchId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const search = await findRecord(tx, 'placementSearches', personId, searchId);
        const { version, ...data } = await validate(input.placementOutcomeInput, raw, c, known, () => []);
        assertFresh(search, version, data);
        if (data.outcomeOn < search.approachedOn) throwIfIssues([{ path: 'outcomeOn', message: `The outcome date must be on or after the date the provider was approached (${search.approachedOn})` }]);
        const { version: _v, ...was } = search;
        return change(tx, ctx, personId, 'placementSearches', search, { ...was, ...data }, version, 'outcome');
      }),

    planMeeting: (ctx: ServiceContext, personId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const data = await validate(input.meetingInput, raw, c, known, (g) => [dutyCheck(g.dutyId), { path: 'invited', id: g.invited, among: 'ref', message: 'Select people recorded on the case or staff of your organisation' }]);
        await keepStaff(tx, data.invited.filter((ref) => known.staff.has(ref)));
        return create(tx, ctx, personId, 'meetings', { id: randomUUID(), ...data, status: 'planned', attended: [] });
      }),

    recordMeetingHeld: (ctx: ServiceContext, personId: string, meetingId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const meeting = await findRecord(tx, 'meetings', personId, meetingId);
        const { version, attended, minutes } = await validate(input.meetingHeldInput, raw, c, known, (g) => [{ path: 'attended', id: g.attended, among: 'ref', message: 'Select people recorded on the case or staff of your organisation' }]);
        assertFresh(meeting, version, { attended, minutes });
        const result = recordMeetingHeld(meeting, { attended, minutes, today: today(ctx) });
        if (!result.ok) throw new ValidationError(refusalIssues(result.refusals, (m) => (/attended/.test(m) ? 'attended' : /minutes/.test(m) ? 'minutes' : 'date')));
        await keepStaff(tx, attended.filter((ref) => known.staff.has(ref)));
        const { version: _v, ...held } = result.meeting as typeof meeting;
        return change(tx, ctx, personId, 'meetings', meeting, held, version, 'held');
      }),

    cancelMeeting: (ctx: ServiceContext, personId: string, meetingId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const meeting = await findRecord(tx, 'meetings', personId, meetingId);
        const { version } = await validate(input.meetingCancelInput, raw, c, known, () => []);
        assertFresh(meeting, version, { status: 'cancelled' });
        const result = cancelMeeting(meeting);
        if (!result.ok) throw new ValidationError(refusalIssues(result.refusals, () => 'status'));
        const { version: _v, ...cancelled } = result.meeting as typeof meeting;
        return change(tx, ctx, personId, 'meetings', meeting, cancelled, version, 'cancel');
      }),

    recordDecision: (ctx: ServiceContext, personId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const data = await validate(input.decisionInput, raw, c, known, (g) => [
          dutyCheck(g.dutyId), { path: 'meetingId', id: g.meetingId, among: 'meeting', message: 'Select a meeting of this person' },
        ]);
        return create(tx, ctx, personId, 'decisions', { id: randomUUID(), ...data });
      }),

    recordPremiseFailed: (ctx: ServiceContext, personId: string, decisionId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const decision = await findRecord(tx, 'decisions', personId, decisionId);
        const { version, premiseFailedOn } = await validate(input.premiseFailedInput, raw, c, known, () => []);
        assertFresh(decision, version, { premiseFailedOn });
        const issues: ValidationIssue[] = [];
        if (!decision.premise) issues.push({ path: 'premiseFailedOn', message: 'This decision has no premise recorded' });
        if (premiseFailedOn < decision.date) issues.push({ path: 'premiseFailedOn', message: `The date must be on or after the decision (${decision.date})` });
        throwIfIssues(issues);
        const { version: _v, ...was } = decision;
        return change(tx, ctx, personId, 'decisions', decision, { ...was, premiseFailedOn }, version, 'premise_failed');
      }),

    addAction: (ctx: ServiceContext, personId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const data = await validate(input.actionInput, raw, c, known, (g) => [
          { path: 'ownerId', id: g.ownerId, among: 'ref', message: 'Select the person, a contact or a member of staff' },
          { path: 'meetingId', id: g.meetingId, among: 'meeting', message: 'Select a meeting of this person' },
          { path: 'decisionId', id: g.decisionId, among: 'decision', message: 'Select a decision of this person' },
        ]);
        await keepStaff(tx, [known.staff.has(data.ownerId) ? data.ownerId : undefined]);
        return create(tx, ctx, personId, 'actions', { id: randomUUID(), ...data });
      }),

    completeAction: (ctx: ServiceContext, personId: string, actionId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const action = await findRecord(tx, 'actions', personId, actionId);
        const { version, ...data } = await validate(input.actionCompleteInput, raw, c, known, () => []);
        assertFresh(action, version, data);
        if (action.completedOn) throwIfIssues([{ path: 'completedOn', message: `This action was completed on ${action.completedOn}` }]);
        const { version: _v, ...was } = action;
        return change(tx, ctx, personId, 'actions', action, { ...was, ...data }, version, 'complete');
      }),

    /**
     * A new communication plan ends the one in force and is itself a communication_arrangement decision that
     * affects the person, so "who has been told" asks for it to reach the person and their representatives.
     */
    changeCommunicationPlan: (ctx: ServiceContext, personId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const data = await validate(input.communicationPlanInput, raw, c, known, (g) => [
          { path: 'viaContactId', id: g.viaContactId, among: 'contact', message: 'Select a contact of this person' },
          { path: 'meetingId', id: g.meetingId, among: 'meeting', message: 'Select a meeting of this person' },
        ]);
        const later = c.communicationPlans.find((p) => p.from > data.from);
        if (later) throwIfIssues([{ path: 'from', message: `A plan starting on ${later.from} is already recorded. The new plan must start on or after it` }]);
        const current = c.communicationPlans.filter((p) => p.from <= data.from && (!p.to || p.to > data.from));
        for (const plan of current) {
          const { version, ...was } = plan;
          await change(tx, ctx, personId, 'communicationPlans', plan, { ...was, to: data.from }, version, 'end');
        }
        const contact = c.contacts.find((k) => k.id === data.viaContactId);
        const how = data.route === 'direct' ? 'Contact the person directly.' : data.route === 'via_contact' ? `Contact the person through ${contact?.name ?? 'a named contact'}.` : 'The person asked not to be contacted.';
        const decision = await create(tx, ctx, personId, 'decisions', {
          id: randomUUID(), date: data.from, kind: 'communication_arrangement', affectsPerson: true, meetingId: data.meetingId,
          text: `${how} ${data.reason}`, premise: data.reason, reviewBy: data.reviewBy,
        });
        return create(tx, ctx, personId, 'communicationPlans', {
          id: randomUUID(), from: data.from, route: data.route, viaContactId: data.route === 'via_contact' ? data.viaContactId : undefined,
          agreedWithPerson: data.agreedWithPerson, decisionId: decision.id, reviewBy: data.reviewBy,
        });
      }),

    recordCommunication: (ctx: ServiceContext, personId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const data = await validate(input.communicationInput, raw, c, known, (g) => [
          { path: 'with', id: g.with, among: 'ref', message: 'Select the person, a contact or a member of staff' },
          { path: 'aboutDecisionIds', id: g.aboutDecisionIds, among: 'decision', message: 'Select decisions of this person' },
        ]);
        const staffId = data.staffId ?? (ctx.actor.kind === 'user' ? ctx.actor.id : undefined);
        await keepStaff(tx, [staffId]);
        return create(tx, ctx, personId, 'communications', { id: randomUUID(), ...data, staffId, aboutDecisionIds: data.aboutDecisionIds?.length ? data.aboutDecisionIds : undefined });
      }),

    addAppointment: (ctx: ServiceContext, personId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const data = await validate(input.appointmentInput, raw, c, known, (g) => [
          { path: 'staffId', id: g.staffId, among: 'ref', message: 'Select a member of staff' },
          { path: 'with', id: g.with, among: 'ref', message: 'Select the person or a contact' },
        ]);
        await keepStaff(tx, [data.staffId]);
        return create(tx, ctx, personId, 'appointments', { id: randomUUID(), ...data });
      }),

    recordAppointmentOutcome: (ctx: ServiceContext, personId: string, appointmentId: string, raw: unknown) =>
      write(ctx, personId, 'case:write', async (tx, c, known) => {
        const appointment = await findRecord(tx, 'appointments', personId, appointmentId);
        const { version, outcome } = await validate(input.appointmentOutcomeInput, raw, c, known, () => []);
        assertFresh(appointment, version, { outcome });
        if (appointment.date > today(ctx) && outcome !== 'cancelled_by_person' && outcome !== 'cancelled_by_staff') {
          throwIfIssues([{ path: 'outcome', message: `This appointment is on ${appointment.date}. Record what happened once it has taken place` }]);
        }
        const { version: _v, ...was } = appointment;
        return change(tx, ctx, personId, 'appointments', appointment, { ...was, outcome }, version, 'outcome');
      }),

    /** Records the outbound letter a generated letter is (one communication naming every addressee). */
    recordLetter: (ctx: ServiceContext, personId: string, letter: { date: string; with: string[]; decisionId: string; summary: string }) =>
      write(ctx, personId, 'case:write', async (tx) => {
        const staffId = ctx.actor.kind === 'user' ? ctx.actor.id : undefined;
        await keepStaff(tx, [staffId]);
        return create(tx, ctx, personId, 'communications', {
          id: randomUUID(), date: letter.date, direction: 'outbound', channel: 'letter', with: letter.with, staffId, aboutDecisionIds: [letter.decisionId], summary: letter.summary,
        });
      }),
  };
}
