/**
 * Each coordination form's fields turned into the service's input. The service validates; these only read
 * the boxes, radios, checkboxes and date inputs as typed, so every mistake comes back against its field.
 */
import { dateField, textField, yesNoField, type FormBody } from '../../register/view-shaping/forms.ts';

const version = (body: FormBody) => textField(body, 'version');
/** Checkboxes: one value is a string, several an array. */
export function listField(body: FormBody, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}
/** Pounds and pence as typed ("1,850.00", "£1850") → whole pence; anything else is left for the schema to refuse. */
export function penceField(body: FormBody, name: string): number | string | undefined {
  const text = textField(body, name)?.replace(/[£,\s]/g, '');
  if (!text) return undefined;
  return /^\d+(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : text;
}

export interface FormReader { dateFields: string[]; toInput: (body: FormBody) => Record<string, unknown> }

export const forms: Record<string, FormReader> = {
  newPanelRequest: {
    dateFields: ['submittedOn'],
    toInput: (b) => ({ dutyId: textField(b, 'dutyId'), submittedOn: dateField(b, 'submittedOn'), proposal: textField(b, 'proposal'), providerId: textField(b, 'providerId'), weeklyCostPence: penceField(b, 'weeklyCost'), supportingNotes: textField(b, 'supportingNotes'), resubmissionOf: textField(b, 'resubmissionOf') }),
  },
  decidePanelRequest: { dateFields: ['decidedOn'], toInput: (b) => ({ decision: textField(b, 'decision'), decidedOn: dateField(b, 'decidedOn'), reasons: textField(b, 'reasons') ?? '', version: version(b) }) },
  newPlacementSearch: { dateFields: ['approachedOn', 'outcomeOn'], toInput: (b) => ({ dutyId: textField(b, 'dutyId'), providerId: textField(b, 'providerId'), approachedOn: dateField(b, 'approachedOn'), outcome: textField(b, 'outcome'), outcomeOn: dateField(b, 'outcomeOn'), reason: textField(b, 'reason') }) },
  placementOutcome: { dateFields: ['outcomeOn'], toInput: (b) => ({ outcome: textField(b, 'outcome'), outcomeOn: dateField(b, 'outcomeOn'), reason: textField(b, 'reason'), version: version(b) }) },
  newMeeting: { dateFields: ['date'], toInput: (b) => ({ dutyId: textField(b, 'dutyId'), date: dateField(b, 'date'), kind: textField(b, 'kind'), invited: listField(b, 'invited') }) },
  meetingHeld: { dateFields: [], toInput: (b) => ({ attended: listField(b, 'attended'), minutes: textField(b, 'minutes') ?? '', version: version(b) }) },
  cancelMeeting: { dateFields: [], toInput: (b) => ({ version: version(b) }) },
  newDecision: { dateFields: ['date', 'reviewBy'], toInput: (b) => ({ date: dateField(b, 'date'), text: textField(b, 'text'), kind: textField(b, 'kind'), affectsPerson: yesNoField(b, 'affectsPerson'), meetingId: textField(b, 'meetingId'), dutyId: textField(b, 'dutyId'), premise: textField(b, 'premise'), reviewBy: dateField(b, 'reviewBy') }) },
  premiseFailed: { dateFields: ['premiseFailedOn'], toInput: (b) => ({ premiseFailedOn: dateField(b, 'premiseFailedOn'), version: version(b) }) },
  newAction: { dateFields: ['due'], toInput: (b) => ({ text: textField(b, 'text'), ownerId: textField(b, 'ownerId'), due: dateField(b, 'due'), meetingId: textField(b, 'meetingId'), decisionId: textField(b, 'decisionId') }) },
  completeAction: { dateFields: ['completedOn'], toInput: (b) => ({ completedOn: dateField(b, 'completedOn'), evidence: textField(b, 'evidence'), version: version(b) }) },
  newCommunicationPlan: { dateFields: ['from', 'reviewBy'], toInput: (b) => ({ from: dateField(b, 'from'), route: textField(b, 'route'), viaContactId: textField(b, 'viaContactId'), agreedWithPerson: yesNoField(b, 'agreedWithPerson'), reviewBy: dateField(b, 'reviewBy'), reason: textField(b, 'reason'), meetingId: textField(b, 'meetingId') }) },
  newCommunication: { dateFields: ['date'], toInput: (b) => ({ date: dateField(b, 'date'), direction: textField(b, 'direction'), channel: textField(b, 'channel'), with: listField(b, 'with'), aboutDecisionIds: listField(b, 'aboutDecisionIds'), summary: textField(b, 'summary') }) },
  newAppointment: { dateFields: ['date'], toInput: (b) => ({ date: dateField(b, 'date'), staffId: textField(b, 'staffId'), with: listField(b, 'with'), purpose: textField(b, 'purpose') }) },
  appointmentOutcome: { dateFields: [], toInput: (b) => ({ outcome: textField(b, 'outcome'), version: version(b) }) },
};
