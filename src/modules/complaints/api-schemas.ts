/**
 * Request schemas (zod) for complaints, Ombudsman cases, remedies and review cohorts. The service
 * validates every write with these and reports every error at once; messages are written for the person
 * filling in the form, and the API reports the same messages against field paths.
 */
import { z } from 'zod';
import { isCivilDate } from '../../domain/calendar/civil-date.ts';
import { remedyKinds } from '../../domain/case-file/schema.ts';
import { COHORT_CRITERIA, type CohortCriterion } from '../../domain/complaints/review-cohorts.ts';
import { version } from '../register/api-schemas.ts';

export { version };

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const text = (missing: string, max = 2000) => z.preprocess(trimmed, z.string({ error: missing }).min(1, missing).max(max, `Must be ${max} characters or fewer`));
const optionalText = (max = 2000) => z.preprocess(blankToUndefined, z.string().max(max, `Must be ${max} characters or fewer`).optional());
const capitalise = (what: string) => what.replace(/^(the |a |an )/, '').replace(/^./, (c) => c.toUpperCase());
const date = (what: string) => z.string({ error: `Enter ${what}` }).refine(isCivilDate, { message: `${capitalise(what)} must be a real date` });
const optionalDate = (what: string) => z.preprocess(blankToUndefined, date(what).optional());
const reference = (missing: string) => z.preprocess(trimmed, z.string({ error: missing }).min(1, missing).max(200));
const optionalReference = z.preprocess(blankToUndefined, z.string().max(200).optional());

export const procedures = ['statutory_2009', 'corporate', 'other'] as const;
export const outcomes = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export const ombudsmanBodies = ['LGSCO', 'PHSO', 'joint', 'PSOW'] as const;
export const findings = ['fault', 'service_failure', 'no_fault', 'injustice'] as const;
export const dueWithins = ['P1M', 'P2M', 'P3M', 'P6M'] as const;
export const cohortCriteria = Object.keys(COHORT_CRITERIA) as [CohortCriterion, ...CohortCriterion[]];

export const complaintInput = z
  .strictObject({
    receivedOn: date('the date the complaint was received'),
    complainant: reference('Select who made the complaint'),
    organisationIds: z.array(z.string().min(1), { error: 'Select the bodies the complaint is about' }).min(1, 'Select the bodies the complaint is about'),
    leadOrganisationId: optionalReference,
    procedure: z.enum(procedures, { error: 'Select the complaints procedure' }),
    corporateStage: z.preprocess(blankToUndefined, z.coerce.number().int().min(1, 'Select stage 1 or stage 2').max(2, 'Select stage 1 or stage 2').optional()),
    responseDue: optionalDate('the agreed response date'),
    responseSignedBy: optionalText(200),
    points: z.array(text('Enter the point', 2000)).max(50).optional(),
  });
export type ComplaintInput = z.infer<typeof complaintInput>;

/**
 * The complaint's checks across fields, run on the fields as given even when others are wrong (zod skips an
 * object's refinements when any field fails), so the form reports every problem at once.
 */
export function complaintFieldIssues(given: Record<string, unknown>): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const ids = Array.isArray(given.organisationIds) ? given.organisationIds : [];
  const lead = typeof given.leadOrganisationId === 'string' && given.leadOrganisationId !== '' ? given.leadOrganisationId : undefined;
  if (ids.length > 1 && !lead) issues.push({ path: 'leadOrganisationId', message: 'Select the body that leads the response to this joint complaint' });
  if (lead && ids.length > 0 && !ids.includes(lead)) issues.push({ path: 'leadOrganisationId', message: 'The lead body must be one of the bodies the complaint is about' });
  if (given.procedure === 'corporate' && (given.corporateStage === undefined || given.corporateStage === '')) issues.push({ path: 'corporateStage', message: 'Select stage 1 or stage 2' });
  const { receivedOn, responseDue } = given;
  if (isCivilDate(receivedOn) && isCivilDate(responseDue) && responseDue < receivedOn) {
    issues.push({ path: 'responseDue', message: 'The agreed response date must be on or after the date the complaint was received' });
  }
  return issues;
}

export const pointInput = z.strictObject({ text: text('Enter the point the complainant makes') });
export const pointAnswerInput = z
  .strictObject({ answered: z.boolean({ error: 'Select whether the response answers this point' }), answer: optionalText(5000), version })
  .superRefine((value, ctx) => {
    if (value.answered && !value.answer) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'Enter the answer the response gives to this point' });
  });

export const stepKinds = ['acknowledge', 'respond', 'close', 'withdraw', 'agree_response_date'] as const;
export const stepInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('acknowledge'), on: date('the date the complaint was acknowledged'), version }),
    z.strictObject({ kind: z.literal('respond'), on: date('the date the response was sent'), signedBy: optionalText(200), version }),
    z.strictObject({ kind: z.literal('close'), outcome: z.enum(outcomes, { error: 'Select the outcome' }), version }),
    z.strictObject({ kind: z.literal('withdraw'), version }),
    z.strictObject({ kind: z.literal('agree_response_date'), due: date('the agreed response date'), version }),
  ],
  { error: 'Select a step' },
);
export type StepInput = z.infer<typeof stepInput>;

const ombudsmanCaseFields = {
  body: z.enum(ombudsmanBodies, { error: 'Select the Ombudsman' }),
  reference: text('Enter the Ombudsman’s reference', 100),
  complaintId: optionalReference,
  enquiryOn: optionalDate('the date of the Ombudsman’s enquiry'),
  draftDecisionOn: optionalDate('the date of the draft decision'),
  finalDecisionOn: optionalDate('the date of the final decision'),
  findings: z.array(z.enum(findings, { error: 'Select the findings from the list' })).default([]),
};
const datesInOrder = <T extends z.ZodType>(schema: T) =>
  schema.superRefine((value, ctx) => {
    const v = value as { enquiryOn?: string; draftDecisionOn?: string; finalDecisionOn?: string };
    if (v.draftDecisionOn && v.finalDecisionOn && v.finalDecisionOn < v.draftDecisionOn) {
      ctx.addIssue({ code: 'custom', path: ['finalDecisionOn'], message: 'The final decision must be on or after the draft decision' });
    }
    if (v.enquiryOn && v.draftDecisionOn && v.draftDecisionOn < v.enquiryOn) {
      ctx.addIssue({ code: 'custom', path: ['draftDecisionOn'], message: 'The draft decision must be on or after the enquiry' });
    }
  });
export const ombudsmanCaseInput = datesInOrder(z.strictObject(ombudsmanCaseFields));
export const ombudsmanCaseUpdate = datesInOrder(z.strictObject({ ...ombudsmanCaseFields, version }));
export type OmbudsmanCaseInput = z.infer<typeof ombudsmanCaseInput>;

export const remedyInput = z
  .strictObject({
    text: text('Enter what the body agreed to do'),
    kind: z.enum(remedyKinds, { error: 'Select the kind of remedy' }),
    dueWithin: z.preprocess(blankToUndefined, z.enum(dueWithins, { error: 'Select when it is due' }).optional()),
    due: optionalDate('the date it is due'),
    amountPence: z.preprocess(blankToUndefined, z.number({ error: 'Enter the amount in pounds and pence, like 250.00' }).int().min(0).optional()),
    ownerId: optionalReference,
  })
  .superRefine((value, ctx) => {
    if (value.due && value.dueWithin) ctx.addIssue({ code: 'custom', path: ['due'], message: 'Give a due date or a period after the final decision, not both' });
    if ((value.kind === 'payment' || value.kind === 'refund') && value.amountPence === undefined) {
      ctx.addIssue({ code: 'custom', path: ['amountPence'], message: 'Enter the amount to pay' });
    }
  });
export type RemedyInput = z.infer<typeof remedyInput>;

export const remedyProgressInput = z
  .strictObject({
    completedOn: optionalDate('the date it was done'),
    evidenceSentOn: optionalDate('the date evidence was sent to the Ombudsman'),
    evidence: optionalText(500),
    version,
  })
  .superRefine((value, ctx) => {
    if (value.evidenceSentOn && !value.completedOn) ctx.addIssue({ code: 'custom', path: ['completedOn'], message: 'Enter the date it was done before the date evidence was sent' });
    if (value.evidenceSentOn && value.completedOn && value.evidenceSentOn < value.completedOn) {
      ctx.addIssue({ code: 'custom', path: ['evidenceSentOn'], message: 'Evidence must be sent on or after the date it was done' });
    }
  });

export const cohortInput = z.strictObject({ criterion: z.enum(cohortCriteria, { error: 'Select who the review covers' }) });
export const cohortReviewInput = z.strictObject({
  memberPersonId: reference('Select the person reviewed'),
  memberDutyId: reference('Select the duty reviewed'),
  reviewedOn: date('the date of the review'),
});

export const remedyStates = ['due', 'overdue', 'done_awaiting_evidence', 'closed'] as const;
export const complianceQuery = z.object({
  asOf: z.preprocess(blankToUndefined, z.string().refine(isCivilDate).optional()),
  state: z.preprocess(blankToUndefined, z.enum(remedyStates).optional()),
  owner: optionalReference,
});
export type ComplianceQuery = z.infer<typeof complianceQuery>;
