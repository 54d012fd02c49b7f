/**
 * May a section 117 duty end now? END-01: only when the council and the health body are both satisfied the
 * person no longer needs aftercare. END-02: never while a CTO is in force. END-03 (engine rule): refused on
 * grounds the Code of Practice rules out (§1.5), and without a needs-based review with the person involved,
 * written reasons and, where accommodation is involved, a move-on plan. END-04: while the person is
 * conditionally discharged, only with a recorded legal sign-off (and a flag for a person to see).
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { CommunityTreatmentOrder, EndingDecision, Meeting, Service } from '../case-file/schema.ts';
import { isAccommodationService } from './aftercare-classification.ts';
import { periodCovers } from './periods.ts';
import type { RuleReason } from './rule-result.ts';
import { formatDate } from './wording.ts';

export type EndingGround = EndingDecision['grounds'][number];

/** Code of Practice ch.33 (§1.5) and TC-12/TC-13: none of these shows that the needs have gone. */
export const improperEndingGrounds: Readonly<Partial<Record<EndingGround, string>>> = Object.freeze({
  disengaged: 'Not engaging with services is not a reason to end aftercare. Review the person’s needs, keep the offer open and think about an advocate.',
  refused_services: 'Refusing services does not on its own mean the person no longer needs aftercare. Record whether the refusal was informed, and keep the offer open.',
  time_elapsed: 'Aftercare cannot end just because time has passed since it started.',
  discharged_from_specialist_services: 'Discharge from specialist mental health services, for example from the community mental health team to a GP, is not a reason to end aftercare.',
  deprived_of_liberty: 'Being deprived of liberty under the Mental Capacity Act is not a reason to end aftercare.',
  readmitted_informally_or_s2: 'Going back into hospital informally or under section 2 is not a reason to end aftercare.',
  cto_or_leave_ended: 'The end of a community treatment order (CTO) or of section 17 leave is not a reason to end aftercare.',
  moved_area: 'Moving to another area does not end aftercare. The same council and health body stay responsible.',
  in_prison: 'Going to prison does not on its own end aftercare. Plan the aftercare the person will need when they are released.',
});

export interface EndingContext {
  /** The date the ending would be decided and take effect. */
  on: CivilDate;
  /** The person's CTOs: no ending while any is in force (s117(2): "a community patient"). */
  ctos: readonly Pick<CommunityTreatmentOrder, 'start' | 'end'>[];
  /** The meeting `reviewMeetingId` points at, where the caller found it. */
  reviewMeeting?: Pick<Meeting, 'date' | 'status'> | undefined;
  /** The duty has aftercare accommodation in progress (see `involvesAccommodation`). */
  accommodationInvolved: boolean;
  /** The person is conditionally discharged on `on` (END-04). */
  conditionallyDischarged: boolean;
  /** Legal advice was taken and signed off (recorded beside the ending, in its `ext`). */
  legalSignOffRecorded: boolean;
}

export interface EndingCheck {
  allowed: boolean;
  /** Every refusal, or when allowed the rules that allow it. */
  reasons: RuleReason[];
  /** Points a person must see: "END-04:CONDITIONAL_DISCHARGE". */
  flags: string[];
}

export function checkEnding(ending: Pick<EndingDecision, 'grounds' | 'reviewMeetingId' | 'personInvolved' | 'writtenReasonsSentOn' | 'moveOnPlanInPlace'>, context: EndingContext): EndingCheck {
  const refusals: RuleReason[] = [];
  const flags: string[] = [];

  const cto = context.ctos.find((order) => periodCovers({ from: order.start, to: order.end }, context.on));
  if (cto) {
    refusals.push({ ruleId: 'END-02', field: 'date', reason: `You cannot end aftercare while the person is on a community treatment order (CTO). Their CTO started on ${formatDate(cto.start)} and is still in force on ${formatDate(context.on)}.` });
  }

  if (!ending.grounds.includes('needs_no_longer_arise')) {
    refusals.push({ ruleId: 'END-03', field: 'grounds', reason: 'Aftercare can only end when the council and the health body are both satisfied the person no longer needs it for their mental health. Record that their needs no longer arise, and the evidence.' });
  }
  for (const ground of ending.grounds) {
    const reason = improperEndingGrounds[ground];
    if (reason) refusals.push({ ruleId: 'END-03', field: 'grounds', reason });
  }

  if (ending.reviewMeetingId === undefined) {
    refusals.push({ ruleId: 'END-03', field: 'reviewMeetingId', reason: 'Hold a review of the person’s needs before ending aftercare, and record the review meeting.' });
  } else if (context.reviewMeeting && (context.reviewMeeting.status !== 'held' || context.reviewMeeting.date > context.on)) {
    refusals.push({ ruleId: 'END-03', field: 'reviewMeetingId', reason: `The review meeting on ${formatDate(context.reviewMeeting.date)} has not been held. Record it as held before ending aftercare.` });
  }
  if (!ending.personInvolved) {
    refusals.push({ ruleId: 'END-03', field: 'personInvolved', reason: 'Involve the person in the decision to end their aftercare, and record how they took part.' });
  }
  if (ending.writtenReasonsSentOn === undefined) {
    refusals.push({ ruleId: 'END-03', field: 'writtenReasonsSentOn', reason: 'Record the date you sent the person the written reasons for ending their aftercare.' });
  }
  if (context.accommodationInvolved && ending.moveOnPlanInPlace !== true) {
    refusals.push({ ruleId: 'END-03', field: 'moveOnPlanInPlace', reason: 'The person lives in aftercare accommodation. Put a move-on plan in place before aftercare ends.' });
  }

  if (context.conditionallyDischarged) {
    if (!context.legalSignOffRecorded) {
      refusals.push({ ruleId: 'END-04', field: 'legalSignOff', reason: 'The person is conditionally discharged and can be recalled to hospital. Get legal advice and record the legal sign-off before ending aftercare.' });
    } else {
      flags.push('END-04:CONDITIONAL_DISCHARGE');
    }
  }

  if (refusals.length > 0) return { allowed: false, reasons: refusals, flags };
  const reasons: RuleReason[] = [{ ruleId: 'END-01', reason: 'A review found the person no longer needs aftercare. It ends when both the council and the health body have signed off.' }];
  if (flags.length > 0) reasons.push({ ruleId: 'END-04', reason: 'The person is conditionally discharged. Legal sign-off is recorded.' });
  return { allowed: true, reasons, flags };
}

/** END-03(d): does the duty have aftercare accommodation in progress on `on` (started, not planned, not ended)? */
export function involvesAccommodation(services: readonly Pick<Service, 'dutyId' | 'kind' | 'aftercare' | 'status' | 'start' | 'end'>[], dutyId: string, on: CivilDate): boolean {
  return services.some(
    (service) =>
      service.dutyId === dutyId &&
      service.aftercare &&
      isAccommodationService(service) &&
      service.status !== 'planned' &&
      service.start !== undefined &&
      periodCovers({ from: service.start, to: service.end }, on),
  );
}
