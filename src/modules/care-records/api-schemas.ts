/**
 * Care records' request schemas (zod). The service validates every write with these and reports every
 * error at once; the `/api/v1` routes declare them for the OpenAPI document. Money is whole pence in the
 * API (the pages convert pounds). Messages are GOV.UK error-message style.
 */
import { z } from 'zod';
import { isCivilDate } from '../../domain/calendar/civil-date.ts';
import { chargeKinds, endingGrounds, needCategories, serviceKinds } from '../../domain/case-file/schema.ts';
import { coordinatingFrameworks } from '../../domain/care-records/care-plan.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const capitalise = (value: string) => value.replace(/^(the |a |an )/, '').replace(/^./, (c) => c.toUpperCase());

const text = (missing: string, max = 500) => z.preprocess(trimmed, z.string({ error: missing }).min(1, missing).max(max, `Must be ${max} characters or fewer`));
const date = (what: string) => z.string({ error: `Enter ${what}` }).refine(isCivilDate, { message: `${capitalise(what)} must be a real date` });
const optionalDate = (what: string) => z.preprocess(blankToUndefined, date(what).optional());
const choice = <T extends readonly [string, ...string[]]>(values: T, missing: string) => z.enum(values, { error: missing });
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, missing: string) => z.preprocess(blankToUndefined, z.enum(values, { error: missing }).optional());
const referenceId = (missing: string) => z.preprocess(trimmed, z.string({ error: missing }).min(1, missing).max(200));
const optionalReferenceId = z.preprocess(blankToUndefined, z.string().max(200).optional());
const yesNo = (missing: string) => z.boolean({ error: missing });
const pence = (what: string) => z.number({ error: `Enter ${what} in pounds and pence, like 150.00` }).int(`Enter ${what} in pounds and pence, like 150.00`).min(0, `${capitalise(what)} must be £0 or more`).max(100_000_000_00);
const optionalPence = (what: string) => z.preprocess(blankToUndefined, pence(what).optional());
const percent = (what: string) => z.number({ error: `Enter ${what} as a number from 0 to 100` }).min(0, `Enter ${what} as a number from 0 to 100`).max(100, `Enter ${what} as a number from 0 to 100`);
export const version = z.coerce.number({ error: 'Version is missing' }).int().positive();

/** End after start, reported against the end field (the one a user would change). */
const ordered = <T extends z.ZodType>(schema: T, start: string, end: string, message: string) =>
  schema.superRefine((value, ctx) => {
    const record = value as Record<string, unknown>;
    const from = record[start];
    const to = record[end];
    if (typeof from === 'string' && typeof to === 'string' && isCivilDate(from) && isCivilDate(to) && to <= from) ctx.addIssue({ code: 'custom', path: [end], message });
  });

// Aftercare plans (PLAN-01…05)
export const newPlanInput = z.strictObject({
  dutyId: referenceId('Select the duty the plan is for'),
  coordinatingFramework: optionalChoice(coordinatingFrameworks, 'Select the framework that coordinates the person’s care'),
  /** Who took part in making the plan: "person", contacts, staff, or names. */
  involved: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
  /** A new version of an agreed plan starts from its needs. */
  copyFromPlanId: optionalReferenceId,
});
export const needInput = z.strictObject({
  version,
  description: text('Describe the need'),
  relatedToMentalDisorder: yesNo('Select whether the need arises from or relates to the person’s mental disorder'),
  category: optionalChoice(needCategories, 'Select the kind of need'),
});
/** Changing a need of a draft plan: the need's fields, as adding one. */
export const changeNeedInput = needInput;
export const removeNeedInput = z.strictObject({ version });
export const agreePlanInput = z.strictObject({ version, agreedOn: date('the date the plan was agreed'), reviewDue: optionalDate('the date the review is due') });
export const planReviewInput = z.strictObject({ version, reviewedOn: date('the date of the review') });
export const planShareInput = z.strictObject({
  version,
  sentTo: z.array(z.string().trim().min(1).max(200), { error: 'Enter who the plan was sent to' }).min(1, 'Enter who the plan was sent to').max(20),
  sentOn: date('the date the plan was sent'),
  channel: optionalChoice(['letter', 'email', 'visit', 'meeting', 'other'] as const, 'Select how the plan was sent'),
});

// Services meeting needs (SERV-01, SERV-04, SERV-06, SERV-12)
const accommodationPlus = z.strictObject({
  relatedToOriginalCondition: z.boolean().optional(),
  enhancedSpecialised: z.boolean().optional(),
  reducesRisk: z.boolean().optional(),
});
const serviceFields = {
    description: text('Describe the service', 200),
    kind: choice(serviceKinds, 'Select the kind of service'),
    providerId: optionalReferenceId,
    start: optionalDate('the date the service started'),
    end: optionalDate('the date the service ended'),
    status: choice(['planned', 'active', 'ended'] as const, 'Select the service’s status'),
    weeklyCostPence: optionalPence('the weekly cost'),
    aftercare: yesNo('Select whether the service is section 117 aftercare'),
    classificationReason: z.preprocess(blankToUndefined, z.string().max(1000).optional()),
    accommodationPlus: accommodationPlus.optional(),
};
const serviceEndMessage = 'The date the service ended must be after the date it started';
export const serviceInput = ordered(
  z.strictObject({
    dutyId: referenceId('Select the duty the service is for'),
    needIds: z.array(z.string().min(1).max(200)).max(50).default([]),
    ...serviceFields,
  }),
  'start',
  'end',
  serviceEndMessage,
);
/** A changed service: every field as a new service has, except the duty it is for (needs may change). */
export const changeServiceInput = ordered(
  z.strictObject({ version, needIds: z.array(z.string().min(1).max(200)).max(50).optional(), ...serviceFields }),
  'start',
  'end',
  serviceEndMessage,
);
/** Ending a service: the end date (on or after it started, checked by the service) and status `ended`. */
export const endServiceInput = z.strictObject({ version, end: date('the date the service ended') });
export const fundingShareInput = ordered(
  z.strictObject({
    version,
    from: date('the date the share starts'),
    to: optionalDate('the date the share ends'),
    localAuthorityPercent: percent('the council’s share'),
    healthBodyPercent: percent('the health body’s share'),
    panelRequestId: optionalReferenceId,
    agreementReference: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  }),
  'from',
  'to',
  'The date the share ends must be after the date it starts',
);
export const topUpInput = z.strictObject({
  version,
  payer: referenceId('Enter who pays the top-up'),
  weeklyPence: pence('the weekly top-up'),
  from: date('the date the top-up starts'),
  to: optionalDate('the date the top-up ends'),
  preferredAccommodationChosen: yesNo('Select whether the person chose a dearer place'),
  suitableAlternativeOffered: yesNo('Select whether a suitable place at the usual rate was offered'),
  usualWeeklyCostPence: optionalPence('what the authority usually pays a week'),
});

// Money (SERV-05, SERV-10, SERV-11)
export const chargeInput = ordered(
  z.strictObject({
    serviceId: optionalReferenceId,
    payer: referenceId('Enter who pays the charge'),
    kind: choice(chargeKinds, 'Select the kind of charge'),
    from: date('the date the charge starts'),
    to: optionalDate('the date the charge ends'),
    weeklyPence: optionalPence('the weekly amount'),
  }),
  'from',
  'to',
  'The date the charge ends must be after the date it starts',
);
/** Ending a charge: its `to` date (on or after it started, checked against the stored charge). */
export const endChargeInput = z.strictObject({ version, to: date('the date the charge ends') });
export const refundTerms = z.strictObject({
  refundDate: date('the refund date'),
  annualRatePercent: z.preprocess(blankToUndefined, percent('the annual interest rate').optional()),
  method: optionalChoice(['simple_daily', 'simple_weekly'] as const, 'Select how interest is worked out'),
});
/** The calculator's terms; the refund date defaults to today. */
export const refundQuery = refundTerms.extend({ refundDate: optionalDate('the refund date'), chargeIds: z.array(z.string().min(1)).optional() });
export const recordRefundInput = refundTerms.extend({ version });
export const offerInput = z.strictObject({
  dutyId: optionalReferenceId,
  kind: choice(['direct_payment', 'personal_health_budget'] as const, 'Select what was offered'),
  offeredOn: date('the date of the offer'),
  weeklyPence: optionalPence('the weekly amount'),
  response: choice(['pending', 'accepted', 'declined'] as const, 'Select the person’s answer').default('pending'),
  respondedOn: optionalDate('the date the person answered'),
  reviewOn: optionalDate('the date to review the offer'),
});
export const offerResponseInput = z.strictObject({
  version,
  response: choice(['pending', 'accepted', 'declined'] as const, 'Select the person’s answer'),
  respondedOn: optionalDate('the date the person answered'),
  reviewOn: optionalDate('the date to review the offer'),
});

// Ending a duty (END-01…05)
export const proposeEndingInput = z.strictObject({
  version,
  grounds: z.array(z.enum(endingGrounds, { error: 'Select a reason from the list' }), { error: 'Select the reasons for ending aftercare' }).min(1, 'Select the reasons for ending aftercare'),
  reviewMeetingId: optionalReferenceId,
  personInvolved: yesNo('Select whether the person was involved in the decision'),
  writtenReasonsSentOn: optionalDate('the date the written reasons were sent'),
  moveOnPlanInPlace: z.boolean().optional(),
  legalSignOff: z.boolean().optional(),
});
export const signOffInput = z.strictObject({
  version,
  body: choice(['local_authority', 'health_body'] as const, 'Select which body is signing off'),
  date: date('the date of the sign-off'),
  staffId: optionalReferenceId,
});
export const withdrawEndingInput = z.strictObject({ version });
export const reinstateInput = z.strictObject({ version, decidedOn: date('the date of the decision to reinstate'), reason: text('Explain why the ending was wrong', 2000) });

export type ServiceInput = z.infer<typeof serviceInput>;
