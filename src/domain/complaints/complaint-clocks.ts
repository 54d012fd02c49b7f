/**
 * Complaint clocks (s117-rules §6). Each procedure has its own clock:
 * - statutory_2009 (2009 Regulations): acknowledge by the 3rd working day after receipt (CMP-04); respond by
 *   the agreed date, else 6 months after receipt (CMP-06), with a letter explaining the delay when that passes;
 *   complaints are made within 12 months of the event or of coming to notice (CMP-03).
 * - corporate (LGSCO Complaint Handling Code, §6.2): stage 1 acknowledge in 5 working days, respond 10 working
 *   days after acknowledgement (extension of no more than 10 more); stage 2 acknowledge in 5, respond 20 after.
 * - other: no acknowledgement clock; the response is due on the agreed date, else 6 months after receipt.
 * "Has passed" means strictly before asOf, as in the alerts complaint-not-acknowledged and
 * complaint-response-overdue (alert-rules "Counting"), so a complaint is on time on its due date. Statutory and
 * other complaints are overdue exactly when those alerts are raised; a corporate complaint is overdue by the
 * Code's shorter clock, well before the alert's 6-month backstop.
 */
import { addMonths, daysBetween, maxDate, type CivilDate } from '../calendar/civil-date.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { Complaint } from '../case-file/schema.ts';
import { defaultRulesConfig, type RulesConfig } from '../rules/config.ts';

export type ComplaintClockState =
  | 'awaiting_acknowledgement' | 'acknowledgement_overdue' | 'in_time' | 'response_overdue' | 'responded' | 'withdrawn';

export type CorporateStage = 1 | 2;

export interface ComplaintClock {
  state: ComplaintClockState;
  acknowledgementDue: CivilDate | null;
  /** The date the response is due: agreed, or the procedure's default. */
  responseDue: CivilDate | null;
  responseDueBasis: 'agreed' | 'six_months' | 'code_stage_1' | 'code_stage_2' | 'none';
  acknowledgementOverdue: boolean;
  responseOverdue: boolean;
  /** Days past the response date (0 when not overdue). */
  daysResponseOverdue: number;
  /** CMP-06: statutory complaints only. The letter explaining the delay is needed once this date has passed. */
  delayLetter: { neededAfter: CivilDate; needed: boolean } | null;
  /** Corporate complaints only: the latest date an extension may run to under the Code. */
  latestExtendedResponse: CivilDate | null;
  ruleIds: string[];
  reasons: string[];
}

export interface ClockOptions {
  corporateStage?: CorporateStage;
  config?: RulesConfig;
}

// LGSCO Complaint Handling Code timescales (§6.2), in working days.
const CODE = { acknowledge: 5, stage1Respond: 10, stage1Extension: 10, stage2Respond: 20 } as const;

function dated(date: CivilDate | undefined, asOf: CivilDate): CivilDate | undefined {
  return date !== undefined && date <= asOf ? date : undefined;
}

export function clockState(complaint: Complaint, asOf: CivilDate, options: ClockOptions = {}): ComplaintClock {
  const thresholds = (options.config ?? defaultRulesConfig).thresholds;
  const acknowledgedOn = dated(complaint.acknowledgedOn, asOf);
  const respondedOn = dated(complaint.respondedOn, asOf);
  const ruleIds: string[] = [];
  const reasons: string[] = [];
  let acknowledgementDue: CivilDate | null = null;
  let responseDue: CivilDate | null = complaint.responseDue ?? null;
  let basis: ComplaintClock['responseDueBasis'] = complaint.responseDue ? 'agreed' : 'none';
  let delayLetter: ComplaintClock['delayLetter'] = null;
  let latestExtendedResponse: CivilDate | null = null;

  if (complaint.procedure === 'statutory_2009') {
    acknowledgementDue = addWorkingDays(complaint.receivedOn, thresholds.complaintAcknowledgeWorkingDays);
    const sixMonths = addMonths(complaint.receivedOn, thresholds.complaintResponseMonths);
    if (!responseDue) {
      responseDue = sixMonths;
      basis = 'six_months';
    }
    // CMP-06: a longer period may be agreed; an earlier agreed date does not bring the letter forward.
    const neededAfter = maxDate(sixMonths, responseDue);
    delayLetter = { neededAfter, needed: !respondedOn && neededAfter < asOf && complaint.outcome !== 'withdrawn' };
    ruleIds.push('CMP-04', 'CMP-06');
    reasons.push(`Acknowledge by ${acknowledgementDue}: 3 working days after the complaint was received (CMP-04).`);
    reasons.push(
      basis === 'agreed'
        ? `Respond by ${responseDue}, the date agreed with the complainant (CMP-06).`
        : `Respond by ${responseDue}: 6 months after the complaint was received (CMP-06).`,
    );
    if (delayLetter.needed) reasons.push(`No response by ${neededAfter}. Write to explain the delay and respond as soon as you can (CMP-06).`);
  } else if (complaint.procedure === 'corporate') {
    const stage = options.corporateStage ?? 1;
    acknowledgementDue = addWorkingDays(complaint.receivedOn, CODE.acknowledge);
    // Response days run from the acknowledgement; until there is one, from the date it was due.
    const from = acknowledgedOn ?? acknowledgementDue;
    const codeDue = addWorkingDays(from, stage === 1 ? CODE.stage1Respond : CODE.stage2Respond);
    if (stage === 1) latestExtendedResponse = addWorkingDays(codeDue, CODE.stage1Extension);
    if (!responseDue) {
      responseDue = codeDue;
      basis = stage === 1 ? 'code_stage_1' : 'code_stage_2';
    }
    reasons.push(`Acknowledge by ${acknowledgementDue}: 5 working days after the complaint was received (Complaint Handling Code, stage ${stage}).`);
    reasons.push(`Respond by ${responseDue}: ${stage === 1 ? 10 : 20} working days after acknowledgement${basis === 'agreed' ? ', as extended' : ''}.`);
    if (latestExtendedResponse && responseDue > latestExtendedResponse) {
      reasons.push(`The agreed date is later than the Code allows (${latestExtendedResponse}). Explain why in writing.`);
    }
  } else if (!responseDue) {
    responseDue = addMonths(complaint.receivedOn, thresholds.complaintResponseMonths);
    basis = 'six_months';
    reasons.push(`Respond by ${responseDue}: 6 months after the complaint was received.`);
  }

  // As complaint-not-acknowledged: a response does not stand in for the acknowledgement; withdrawal stops both.
  const open = complaint.outcome !== 'withdrawn';
  const acknowledgementOverdue = open && !acknowledgedOn && acknowledgementDue !== null && acknowledgementDue < asOf;
  const responseOverdue = open && !respondedOn && responseDue !== null && responseDue < asOf;
  const daysResponseOverdue = responseOverdue && responseDue ? daysBetween(responseDue, asOf) : 0;

  let state: ComplaintClockState;
  if (complaint.outcome === 'withdrawn') state = 'withdrawn';
  else if (respondedOn) state = 'responded';
  else if (responseOverdue) state = 'response_overdue';
  else if (acknowledgementOverdue) state = 'acknowledgement_overdue';
  else if (!acknowledgedOn && acknowledgementDue !== null) state = 'awaiting_acknowledgement';
  else state = 'in_time';

  if (respondedOn && responseDue && respondedOn > responseDue) {
    reasons.push(`The response was sent on ${respondedOn}, ${daysBetween(responseDue, respondedOn)} days after it was due.`);
  }
  return {
    state, acknowledgementDue, responseDue, responseDueBasis: basis, acknowledgementOverdue,
    responseOverdue, daysResponseOverdue, delayLetter, latestExtendedResponse, ruleIds, reasons,
  };
}

export interface TimeLimitCheck {
  inTime: boolean;
  /** The last day a complaint can be made without needing a good reason for the delay. */
  limit: CivilDate;
  countsFrom: 'event' | 'came_to_notice';
  ruleIds: ['CMP-03'];
  reason: string;
}

/**
 * CMP-03: a complaint is made within 12 months of the event, or of when it came to the complainant's notice
 * if that is later. A late complaint must still be considered if there was good reason for the delay and a
 * fair investigation is still possible: this check only says which.
 */
export function timeLimitCheck(receivedOn: CivilDate, eventOn: CivilDate, cameToNoticeOn?: CivilDate): TimeLimitCheck {
  const countsFrom = cameToNoticeOn && cameToNoticeOn > eventOn ? 'came_to_notice' : 'event';
  const start = countsFrom === 'came_to_notice' ? (cameToNoticeOn as CivilDate) : eventOn;
  const limit = addMonths(start, 12);
  const inTime = receivedOn <= limit;
  const what = countsFrom === 'came_to_notice' ? `the complainant found out on ${start}` : `it happened on ${start}`;
  const reason = inTime
    ? `Made in time: received on ${receivedOn}, within 12 months of when ${what} (CMP-03).`
    : `Made late: received on ${receivedOn}, more than 12 months after ${what}. Consider it if there was a good reason for the delay and a fair investigation is still possible (CMP-03).`;
  return { inTime, limit, countsFrom, ruleIds: ['CMP-03'], reason };
}
