/**
 * Ending a duty, as an explicit state machine (END-01): open → proposed → council signed off or health body
 * signed off (either may sign first) → ended, when the second body signs off. Each step is checked by
 * `checkEnding` (END-02, END-03, END-04). A flawed ending can be reinstated: the duty carries on from its
 * end date as if it had not ended, and the change returned keeps the ending for the history.
 * Functions return new records; they never change the ones passed in.
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import { maxDate } from '../calendar/civil-date.ts';
import type { Duty, EndingDecision } from '../case-file/schema.ts';
import { checkEnding, type EndingContext } from './ending-checks.ts';
import type { Outcome, RuleReason } from './rule-result.ts';
import { formatDate } from './wording.ts';

export { checkEnding, improperEndingGrounds, involvesAccommodation, type EndingCheck, type EndingContext } from './ending-checks.ts';

export type EndingState = 'open' | 'proposed' | 'council_signed_off' | 'health_body_signed_off' | 'ended';
export type SigningBody = 'local_authority' | 'health_body';
export type EndingProposal = Omit<EndingDecision, 'localAuthoritySignOff' | 'healthBodySignOff'>;
export interface SignOff {
  staffId: string;
  date: CivilDate;
}

export function endingState(duty: Pick<Duty, 'end' | 'ending'>): EndingState {
  if (duty.end !== undefined) return 'ended';
  if (!duty.ending) return 'open';
  const council = duty.ending.localAuthoritySignOff !== undefined;
  const healthBody = duty.ending.healthBodySignOff !== undefined;
  if (council && healthBody) return 'ended';
  if (council) return 'council_signed_off';
  if (healthBody) return 'health_body_signed_off';
  return 'proposed';
}

const bodyName: Record<SigningBody, string> = { local_authority: 'The council', health_body: 'The health body' };

/**
 * Propose ending the duty. Refused outright while a CTO is in force (END-02) or on grounds that cannot end
 * aftercare (END-03(b)). When allowed, `reasons` lists what is still missing before either body can sign off
 * (empty when nothing is), and `flags` the points a person must see (END-04).
 */
export function proposeEnding(duty: Duty, proposal: EndingProposal, context: EndingContext): Outcome<{ duty: Duty; flags: string[] }> {
  const state = endingState(duty);
  if (state !== 'open') return { allowed: false, reasons: [stateRefusal(state)] };
  const check = checkEnding(proposal, context);
  const blocking = check.allowed ? [] : check.reasons.filter((r) => r.ruleId === 'END-02' || r.field === 'grounds');
  if (blocking.length > 0) return { allowed: false, reasons: blocking };
  const outstanding = check.allowed ? [] : check.reasons;
  // Only the proposal's own fields: a proposal never carries a sign-off.
  const ending: EndingDecision = { grounds: [...proposal.grounds], personInvolved: proposal.personInvolved };
  if (proposal.reviewMeetingId !== undefined) ending.reviewMeetingId = proposal.reviewMeetingId;
  if (proposal.writtenReasonsSentOn !== undefined) ending.writtenReasonsSentOn = proposal.writtenReasonsSentOn;
  if (proposal.moveOnPlanInPlace !== undefined) ending.moveOnPlanInPlace = proposal.moveOnPlanInPlace;
  if (proposal.ext !== undefined) ending.ext = proposal.ext;
  return { allowed: true, result: { duty: { ...duty, ending }, flags: check.flags }, reasons: outstanding };
}

/**
 * One body signs off the proposed ending. Each sign-off needs every END-02/03/04 condition met on its date.
 * The second sign-off ends the duty on the later of the two dates, with reason `joint_decision` (END-01).
 */
export function signOff(duty: Duty, body: SigningBody, by: SignOff, context: Omit<EndingContext, 'on'>): Outcome<{ duty: Duty; state: EndingState; flags: string[] }> {
  const state = endingState(duty);
  const ending = duty.ending;
  if (state === 'open' || state === 'ended' || !ending) return { allowed: false, reasons: [stateRefusal(state)] };
  const already = body === 'local_authority' ? ending.localAuthoritySignOff : ending.healthBodySignOff;
  if (already) {
    return { allowed: false, reasons: [{ ruleId: 'END-01', field: 'signOff', reason: `${bodyName[body]} already signed off this ending on ${formatDate(already.date)}.` }] };
  }
  if (by.date < duty.start) {
    return { allowed: false, reasons: [{ ruleId: 'END-01', field: 'date', reason: `The sign-off date must be on or after the duty started, ${formatDate(duty.start)}.` }] };
  }
  const check = checkEnding(ending, { ...context, on: by.date });
  if (!check.allowed) return { allowed: false, reasons: check.reasons };

  const signed: EndingDecision = body === 'local_authority' ? { ...ending, localAuthoritySignOff: by } : { ...ending, healthBodySignOff: by };
  const other = body === 'local_authority' ? ending.healthBodySignOff : ending.localAuthoritySignOff;
  if (!other) {
    const waitingFor = body === 'local_authority' ? 'the health body' : 'the council';
    const next: Duty = { ...duty, ending: signed };
    return { allowed: true, result: { duty: next, state: endingState(next), flags: check.flags }, reasons: [{ ruleId: 'END-01', reason: `Aftercare has not ended yet. It ends when ${waitingFor} also signs off.` }, ...check.reasons.slice(1)] };
  }
  const end = maxDate(other.date, by.date);
  const ended: Duty = { ...duty, ending: signed, end, endReason: 'joint_decision' };
  return { allowed: true, result: { duty: ended, state: 'ended', flags: check.flags }, reasons: [{ ruleId: 'END-01', reason: `The council and the health body have both signed off. Aftercare ended on ${formatDate(end)}.` }, ...check.reasons.slice(1)] };
}

/** Withdraw a proposal that has not ended the duty (for example after a refused sign-off). */
export function withdrawEnding(duty: Duty): Outcome<{ duty: Duty; withdrawn: EndingDecision }> {
  const state = endingState(duty);
  if (state === 'open' || state === 'ended' || !duty.ending) return { allowed: false, reasons: [stateRefusal(state)] };
  const { ending, ...open } = duty;
  return { allowed: true, result: { duty: open, withdrawn: ending }, reasons: [{ ruleId: 'END-01', reason: 'The proposal to end aftercare is withdrawn. The duty continues.' }] };
}

export interface Reinstatement {
  dutyId: string;
  /** The duty continues from this date, its former end, with no gap. */
  continuesFrom: CivilDate;
  decidedOn: CivilDate;
  reason: string;
  previous: { end: CivilDate; endReason?: Duty['endReason'] | undefined; ending?: EndingDecision | undefined };
}

/** Reinstate an ended duty found to have ended wrongly (B&NES 06/B/16774: ending on flawed criteria is fault). */
export function reinstateDuty(duty: Duty, decision: { decidedOn: CivilDate; reason: string }): Outcome<{ duty: Duty; change: Reinstatement }> {
  const refusals: RuleReason[] = [];
  if (duty.end === undefined) refusals.push({ ruleId: 'END-03', reason: 'This duty has not ended, so there is nothing to reinstate.' });
  else if (duty.endReason === 'death') refusals.push({ ruleId: 'END-06', reason: 'This duty ended because the person died. If the death was recorded in error, correct the person’s record first.' });
  else if (decision.decidedOn < duty.end) refusals.push({ ruleId: 'END-03', field: 'decidedOn', reason: `The date of the decision to reinstate must be on or after the duty ended, ${formatDate(duty.end)}.` });
  if (decision.reason.trim() === '') refusals.push({ ruleId: 'END-03', field: 'reason', reason: 'Explain why the ending was wrong.' });
  if (refusals.length > 0 || duty.end === undefined) return { allowed: false, reasons: refusals };

  const { end, endReason, ending, ...continuing } = duty;
  const change: Reinstatement = { dutyId: duty.id, continuesFrom: end, decidedOn: decision.decidedOn, reason: decision.reason.trim(), previous: { end, endReason, ending } };
  return {
    allowed: true,
    result: { duty: continuing, change },
    reasons: [{ ruleId: 'END-03', reason: `The duty is reinstated. Aftercare continues from ${formatDate(end)} as if it had not ended. The earlier ending stays in the history.` }],
  };
}

function stateRefusal(state: EndingState): RuleReason {
  const reason =
    state === 'ended' ? 'This duty has already ended.'
    : state === 'open' ? 'Propose ending the duty first.'
    : 'An ending has already been proposed for this duty. Sign it off or withdraw it.';
  return { ruleId: 'END-01', field: 'state', reason };
}
