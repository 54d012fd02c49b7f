/**
 * Ending a duty as a workflow (END-01…04), on the duty's `ending` as the case file holds it: propose →
 * the council and the health body sign off, in either order → ended on the later sign-off with reason
 * `joint_decision`. Every step is decided by src/domain/care-records/duty-ending.ts; a refusal becomes the
 * error summary naming why (a CTO in force, improper grounds by name, a missing review, involvement,
 * written reasons or move-on plan). Withdrawing a proposal and reinstating an ended duty keep the history in
 * the duty's `ext` (endingHistory), as well as in the audit trail.
 */
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { Duty, Meeting } from '../../domain/case-file/schema.ts';
import { proposeEnding, reinstateDuty, signOff, withdrawEnding, type EndingContext } from '../../domain/care-records/duty-ending.ts';
import { involvesAccommodation } from '../../domain/care-records/ending-checks.ts';
import { periodCovers } from '../../domain/care-records/periods.ts';
import * as registerMap from '../register/case-file-mapping.ts';
import type { CaseWriter } from '../register/case-write.ts';
import { ensureStaffRecord } from '../register/repository.ts';
import { meetings } from '../coordination/tables.ts';
import { ctos, duties, residences } from '../register/tables.ts';
import { parseInput, throwIfIssues } from '../register/use-case.ts';
import { proposeEndingInput, reinstateInput, signOffInput, withdrawEndingInput } from './api-schemas.ts';
import * as map from './mapping.ts';
import { dutyWhere, requireRow } from './repository.ts';
import { careServices } from './tables.ts';
import { audit, refusal, type Written } from './use-case.ts';

export function createEndingWrites({ caseWriter }: { caseWriter: CaseWriter }) {
  const { writeCase } = caseWriter;

  async function loadDuty(tx: Tx, personId: string, dutyId: string): Promise<Duty> {
    return registerMap.dutyFromRow(await requireRow(tx.select().from(duties).where(dutyWhere(personId, dutyId))));
  }
  async function saveDuty(tx: Tx, ctx: ServiceContext, personId: string, version: number, before: Duty, after: Duty, action: string): Promise<Written> {
    const { personId: _p, id: _i, ...values } = registerMap.dutyToRow(personId, after);
    const updated = await updateVersioned(tx, duties, dutyWhere(personId, before.id), version, { ...values, updatedAt: ctx.now });
    await audit(tx, ctx, personId, action, before.id, before, after);
    return { id: before.id, version: updated.version };
  }

  /** What the ending checks need to know about the case on a date. */
  async function endingContext(tx: Tx, personId: string, duty: Duty, on: string, meetingId = duty.ending?.reviewMeetingId): Promise<Omit<EndingContext, 'on'>> {
    // Any CTO in force blocks the ending (s117(2): the person is a community patient), whichever detention it follows.
    const ctoRows = await tx.select().from(ctos).where(eq(ctos.personId, personId));
    const residenceRows = await tx.select().from(residences).where(eq(residences.personId, personId));
    const services = (await tx.select().from(careServices).where(eq(careServices.personId, personId))).map(map.serviceFromRow);
    // The review meeting, where coordination holds it: it must have been held by the date of the step.
    const meeting = meetingId ? (await tx.select().from(meetings).where(and(eq(meetings.personId, personId), eq(meetings.id, meetingId))))[0] : undefined;
    return {
      ctos: ctoRows.map((cto) => ({ start: cto.start, end: cto.end ?? undefined })),
      reviewMeeting: meeting ? (meeting.record as Pick<Meeting, 'date' | 'status'>) : undefined,
      accommodationInvolved: involvesAccommodation(services, duty.id, on),
      conditionallyDischarged: residenceRows.some((r) => r.legalCondition === 'conditional_discharge' && periodCovers({ from: r.from, to: r.to ?? undefined }, on)),
      legalSignOffRecorded: duty.ending?.ext?.legalSignOff === true,
    };
  }

  const withHistory = (duty: Duty, entry: Record<string, unknown>): Duty => ({
    ...duty,
    ext: { ...duty.ext, endingHistory: [...((duty.ext?.endingHistory as unknown[] | undefined) ?? []), entry] },
  });

  return {
    proposeEnding: (ctx: ServiceContext, personId: string, dutyId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadDuty(tx, personId, dutyId);
        const { version, legalSignOff, ...proposal } = parseInput(proposeEndingInput, input);
        const on = todayInLondon(ctx.now);
        const context = { ...(await endingContext(tx, personId, before, on, proposal.reviewMeetingId)), legalSignOffRecorded: legalSignOff === true, on };
        const outcome = proposeEnding(before, { ...proposal, ...(legalSignOff ? { ext: { legalSignOff } } : {}) }, context);
        if (!outcome.allowed) throw refusal(outcome.reasons);
        return saveDuty(tx, ctx, personId, version, before, outcome.result.duty, 'duty.propose_ending');
      }),

    /** One body signs off; the actor must belong to that body (the system actor may record either). */
    signOffEnding: (ctx: ServiceContext, personId: string, dutyId: string, input: unknown): Promise<Written & { ended: boolean }> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadDuty(tx, personId, dutyId);
        const { version, body, date, staffId } = parseInput(signOffInput, input);
        const bodyId = body === 'local_authority' ? before.localAuthorityId : before.healthBodyId;
        const signer = await ensureStaffRecord(tx, staffId ?? ctx.actor.id);
        throwIfIssues([
          ...(ctx.actor.kind !== 'system' && ctx.actor.organisationId !== bodyId ? [{ path: 'body', message: body === 'local_authority' ? 'Only someone from the responsible council can sign off for the council' : 'Only someone from the responsible health body can sign off for the health body' }] : []),
          ...(signer ? [] : [{ path: 'staffId', message: 'Select the member of staff who signed off' }]),
        ]);
        const outcome = signOff(before, body, { staffId: signer?.id ?? '', date }, await endingContext(tx, personId, before, date));
        if (!outcome.allowed) throw refusal(outcome.reasons);
        const written = await saveDuty(tx, ctx, personId, version, before, outcome.result.duty, outcome.result.state === 'ended' ? 'duty.end' : 'duty.sign_off_ending');
        return { ...written, ended: outcome.result.state === 'ended' };
      }),

    withdrawEnding: (ctx: ServiceContext, personId: string, dutyId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadDuty(tx, personId, dutyId);
        const { version } = parseInput(withdrawEndingInput, input);
        const outcome = withdrawEnding(before);
        if (!outcome.allowed) throw refusal(outcome.reasons);
        const after = withHistory(outcome.result.duty, { withdrawn: outcome.result.withdrawn, on: todayInLondon(ctx.now), by: ctx.actor.name });
        return saveDuty(tx, ctx, personId, version, before, after, 'duty.withdraw_ending');
      }),

    /** An ended duty found to have ended wrongly continues from its end date; the ending is kept in the history. */
    reinstateDuty: (ctx: ServiceContext, personId: string, dutyId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadDuty(tx, personId, dutyId);
        const { version, ...decision } = parseInput(reinstateInput, input);
        const outcome = reinstateDuty(before, decision);
        if (!outcome.allowed) throw refusal(outcome.reasons);
        const after = withHistory(outcome.result.duty, { reinstated: outcome.result.change, by: ctx.actor.name });
        return saveDuty(tx, ctx, personId, version, before, after, 'duty.reinstate');
      }),
  };
}
