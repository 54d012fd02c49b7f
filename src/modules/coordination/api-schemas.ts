/**
 * Coordination's request schemas (zod). The service validates every write with these (every error at once)
 * and the `/api/v1` routes declare them for the OpenAPI document. Messages follow the GOV.UK error message
 * style; the API reports the same messages against field paths.
 */
import { z } from 'zod';
import { isCivilDate } from '../../domain/calendar/civil-date.ts';
import { appointmentOutcomes, decisionKinds, meetingKinds, panelDecisions, placementOutcomes } from '../../domain/case-file/schema.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const capitalise = (value: string) => value.replace(/^(the |a |an )/, '').replace(/^./, (c) => c.toUpperCase());

const text = (missing: string, max = 2000) => z.preprocess(trimmed, z.string({ error: missing }).min(1, missing).max(max, `Must be ${max} characters or fewer`));
const optionalText = (max = 2000) => z.preprocess(blankToUndefined, z.string().max(max, `Must be ${max} characters or fewer`).optional());
const date = (what: string) => z.string({ error: `Enter ${what}` }).refine(isCivilDate, { message: `${capitalise(what)} must be a real date` });
const optionalDate = (what: string) => z.preprocess(blankToUndefined, date(what).optional());
const choice = <T extends readonly [string, ...string[]]>(values: T, missing: string) => z.enum(values, { error: missing });
const referenceId = (missing: string) => z.preprocess(trimmed, z.string({ error: missing }).min(1, missing).max(200));
const optionalReferenceId = z.preprocess(blankToUndefined, z.string().max(200).optional());
const refs = (missing: string) => z.array(z.string().min(1).max(200), { error: missing }).min(1, missing);
const yesNo = (missing: string) => z.boolean({ error: missing });
const pence = z.preprocess(blankToUndefined, z.number({ error: 'Enter the weekly cost in pounds and pence, like 1250.00' }).int().min(0).optional());
export const version = z.coerce.number({ error: 'Version is missing' }).int().positive();

export const panelRequestInput = z.object({
  dutyId: referenceId('Select the duty this request is for'),
  submittedOn: date('the date the request goes to the panel'),
  proposal: text('Enter the proposed service'),
  providerId: optionalReferenceId,
  weeklyCostPence: pence,
  supportingNotes: optionalText(),
  resubmissionOf: optionalReferenceId,
});
export const panelDecisionInput = z.object({
  decision: choice(panelDecisions, 'Select the panel’s decision'),
  decidedOn: date('the date of the decision'),
  // Blank reasons reach the panel rule, which refuses them with its own message.
  reasons: z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().max(5000)),
  version,
});

export const placementSearchInput = z.object({
  dutyId: referenceId('Select the duty this search is for'),
  providerId: optionalReferenceId,
  approachedOn: date('the date the provider was approached'),
  outcome: z.preprocess((v) => blankToUndefined(v) ?? 'pending', choice(placementOutcomes, 'Select the outcome')),
  outcomeOn: optionalDate('the date of the outcome'),
  reason: optionalText(),
});
export const placementOutcomeInput = z.object({
  outcome: choice(placementOutcomes, 'Select the outcome'),
  outcomeOn: date('the date of the outcome'),
  reason: optionalText(),
  version,
});

export const meetingInput = z.object({
  dutyId: optionalReferenceId,
  date: date('the date of the meeting'),
  kind: choice(meetingKinds, 'Select the kind of meeting'),
  invited: refs('Select who is invited'),
});
export const meetingHeldInput = z.object({ attended: z.array(z.string()).default([]), minutes: z.string().default(''), version });
export const meetingCancelInput = z.object({ version });

export const decisionInput = z.object({
  date: date('the date of the decision'),
  text: text('Enter the decision'),
  kind: choice(decisionKinds, 'Select the kind of decision'),
  affectsPerson: yesNo('Select yes if the decision affects the person'),
  meetingId: optionalReferenceId,
  dutyId: optionalReferenceId,
  premise: optionalText(),
  reviewBy: optionalDate('the review date'),
});
export const premiseFailedInput = z.object({ premiseFailedOn: date('the date the premise stopped being true'), version });

export const actionInput = z.object({
  text: text('Enter the action'),
  ownerId: referenceId('Select who owns the action'),
  due: date('the due date'),
  meetingId: optionalReferenceId,
  decisionId: optionalReferenceId,
});
export const actionCompleteInput = z.object({ completedOn: date('the date it was done'), evidence: optionalText(), version });

export const communicationPlanRoutes = ['direct', 'via_contact', 'no_contact_requested'] as const;
export const communicationPlanInput = z.object({
  from: date('the date the plan starts'),
  route: choice(communicationPlanRoutes, 'Select how to contact the person'),
  viaContactId: optionalReferenceId,
  agreedWithPerson: yesNo('Select yes if the person agreed this plan'),
  reviewBy: optionalDate('the review date'),
  reason: text('Enter why the plan is changing'),
  meetingId: optionalReferenceId,
}).superRefine((value, ctx) => {
  if (value.route === 'via_contact' && !value.viaContactId) ctx.addIssue({ code: 'custom', path: ['viaContactId'], message: 'Select the contact to go through' });
});

export const communicationChannels = ['letter', 'email', 'phone', 'visit', 'meeting', 'text', 'other'] as const;
export const communicationInput = z.object({
  date: date('the date of the contact'),
  direction: choice(['outbound', 'inbound'] as const, 'Select whether we contacted them or they contacted us'),
  channel: choice(communicationChannels, 'Select how the contact was made'),
  with: refs('Select who the contact was with'),
  staffId: optionalReferenceId,
  aboutDecisionIds: z.array(z.string().min(1)).optional(),
  summary: text('Enter a summary of the contact'),
});

export const appointmentInput = z.object({
  date: date('the date of the appointment'),
  staffId: referenceId('Select the member of staff'),
  with: refs('Select who the appointment is with'),
  purpose: optionalText(500),
});
export const appointmentOutcomeInput = z.object({ outcome: choice(appointmentOutcomes, 'Select what happened'), version });

export const letterInput = z.object({ decisionId: referenceId('Select the decision the letter is about'), date: optionalDate('the date of the letter') });
