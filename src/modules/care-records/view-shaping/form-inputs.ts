/**
 * Between the care-records HTML forms and the service: each form's body to the service's input, with
 * GOV.UK date inputs, yes/no radios, checkboxes and money in pounds. A value that cannot be read is passed
 * on as typed, so the service's validation reports it against its field with the rest.
 */
import { dateField, textField, yesNoField, type FormBody } from '../../register/view-shaping/forms.ts';

export interface FormSpec {
  dateFields: string[];
  toInput(body: FormBody): Record<string, unknown>;
  fieldFor?: (path: string) => string;
}

/** "£1,250.50" → 125050 pence; blank → undefined; unreadable → the text (reported by validation). */
export function poundsField(body: FormBody, name: string): number | string | undefined {
  const value = textField(body, name);
  if (value === undefined) return undefined;
  const cleaned = value.replace(/[£,\s]/g, '');
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? Math.round(Number(cleaned) * 100) : value;
}

export function numberField(body: FormBody, name: string): number | string | undefined {
  const value = textField(body, name);
  if (value === undefined) return undefined;
  return /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** Checkbox values: one (a string) or several (an array). */
export function listField(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

/** Lines of a textarea (who was involved, who a plan was sent to). */
function linesOf(body: FormBody, name: string): string[] | undefined {
  const lines = (textField(body, name) ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return lines.length ? lines : undefined;
}

const version = (body: FormBody) => textField(body, 'version');

export const newPlanForm: FormSpec = {
  dateFields: [],
  toInput: (body) => ({ dutyId: textField(body, 'dutyId'), coordinatingFramework: textField(body, 'coordinatingFramework'), involved: linesOf(body, 'involved'), copyFromPlanId: textField(body, 'copyFromPlanId') }),
};
export const needForm: FormSpec = {
  dateFields: [],
  toInput: (body) => ({ version: version(body), description: textField(body, 'description'), relatedToMentalDisorder: yesNoField(body, 'relatedToMentalDisorder'), category: textField(body, 'category') }),
};
export const agreePlanForm: FormSpec = {
  dateFields: ['agreedOn', 'reviewDue'],
  toInput: (body) => ({ version: version(body), agreedOn: dateField(body, 'agreedOn'), reviewDue: dateField(body, 'reviewDue') }),
};
export const reviewPlanForm: FormSpec = { dateFields: ['reviewedOn'], toInput: (body) => ({ version: version(body), reviewedOn: dateField(body, 'reviewedOn') }) };
export const sharePlanForm: FormSpec = {
  dateFields: ['sentOn'],
  toInput: (body) => ({ version: version(body), sentTo: linesOf(body, 'sentTo') ?? [], sentOn: dateField(body, 'sentOn'), channel: textField(body, 'channel') }),
};

const accommodationPlusKeys = ['relatedToOriginalCondition', 'enhancedSpecialised', 'reducesRisk'] as const;
export const serviceForm: FormSpec = {
  dateFields: ['start', 'end'],
  toInput: (body) => {
    const answers = Object.fromEntries(accommodationPlusKeys.map((key) => [key, yesNoField(body, key)]).filter(([, value]) => value !== undefined));
    return {
      dutyId: textField(body, 'dutyId'),
      needIds: listField(body, 'needIds'),
      description: textField(body, 'description'),
      kind: textField(body, 'kind'),
      providerId: textField(body, 'providerId'),
      start: dateField(body, 'start'),
      end: dateField(body, 'end'),
      status: textField(body, 'status'),
      weeklyCostPence: poundsField(body, 'weeklyCost'),
      aftercare: yesNoField(body, 'aftercare'),
      classificationReason: textField(body, 'classificationReason'),
      ...(Object.keys(answers).length ? { accommodationPlus: answers } : {}),
    };
  },
  fieldFor: (path) => (path === 'weeklyCostPence' ? 'weeklyCost' : path.replace(/^accommodationPlus\./, '')),
};
/** Changing a service: the same answers as a new one, except its duty, with the record's version. */
export const changeServiceForm: FormSpec = {
  dateFields: serviceForm.dateFields,
  toInput: (body) => {
    const { dutyId: _d, ...answers } = serviceForm.toInput(body);
    return { version: version(body), ...answers };
  },
  fieldFor: serviceForm.fieldFor,
};
export const endServiceForm: FormSpec = { dateFields: ['end'], toInput: (body) => ({ version: version(body), end: dateField(body, 'end') }) };
export const endChargeForm: FormSpec = { dateFields: ['to'], toInput: (body) => ({ version: version(body), to: dateField(body, 'to') }) };
/** Removing a need: only the plan's version; a refusal (an agreed plan) is shown at the top of the page. */
export const removeNeedForm: FormSpec = { dateFields: [], toInput: (body) => ({ version: version(body) }) };
export const fundingShareForm: FormSpec = {
  dateFields: ['from', 'to'],
  toInput: (body) => ({
    version: version(body),
    from: dateField(body, 'from'),
    to: dateField(body, 'to'),
    localAuthorityPercent: numberField(body, 'localAuthorityPercent'),
    healthBodyPercent: numberField(body, 'healthBodyPercent'),
    panelRequestId: textField(body, 'panelRequestId'),
    agreementReference: textField(body, 'agreementReference'),
  }),
};
export const topUpForm: FormSpec = {
  dateFields: ['from', 'to', 'dateOfBirth'],
  toInput: (body) => ({
    version: version(body),
    payer: textField(body, 'payer'),
    weeklyPence: poundsField(body, 'weekly'),
    from: dateField(body, 'from'),
    to: dateField(body, 'to'),
    preferredAccommodationChosen: yesNoField(body, 'preferredAccommodationChosen'),
    suitableAlternativeOffered: yesNoField(body, 'suitableAlternativeOffered'),
    usualWeeklyCostPence: poundsField(body, 'usualWeeklyCost'),
  }),
  fieldFor: (path) => ({ weeklyPence: 'weekly', usualWeeklyCostPence: 'usualWeeklyCost', form: 'payer' })[path] ?? path,
};
export const chargeForm: FormSpec = {
  dateFields: ['from', 'to'],
  toInput: (body) => ({
    serviceId: textField(body, 'serviceId'),
    payer: textField(body, 'payer'),
    kind: textField(body, 'kind'),
    from: dateField(body, 'from'),
    to: dateField(body, 'to'),
    weeklyPence: poundsField(body, 'weekly'),
  }),
  fieldFor: (path) => (path === 'weeklyPence' ? 'weekly' : path),
};
export const refundForm: FormSpec = {
  dateFields: ['refundDate'],
  toInput: (body) => ({ version: version(body), refundDate: dateField(body, 'refundDate'), annualRatePercent: numberField(body, 'annualRatePercent'), method: textField(body, 'method') }),
};
export const offerForm: FormSpec = {
  dateFields: ['offeredOn', 'respondedOn', 'reviewOn'],
  toInput: (body) => ({
    dutyId: textField(body, 'dutyId'),
    kind: textField(body, 'kind'),
    offeredOn: dateField(body, 'offeredOn'),
    weeklyPence: poundsField(body, 'weekly'),
    response: textField(body, 'response') ?? 'pending',
    respondedOn: dateField(body, 'respondedOn'),
    reviewOn: dateField(body, 'reviewOn'),
  }),
  fieldFor: (path) => (path === 'weeklyPence' ? 'weekly' : path),
};
export const offerResponseForm: FormSpec = {
  dateFields: ['respondedOn', 'reviewOn'],
  toInput: (body) => ({ version: version(body), response: textField(body, 'response'), respondedOn: dateField(body, 'respondedOn'), reviewOn: dateField(body, 'reviewOn') }),
};
export const proposeEndingForm: FormSpec = {
  dateFields: ['writtenReasonsSentOn'],
  toInput: (body) => ({
    version: version(body),
    grounds: listField(body, 'grounds'),
    reviewMeetingId: textField(body, 'reviewMeetingId'),
    personInvolved: yesNoField(body, 'personInvolved'),
    writtenReasonsSentOn: dateField(body, 'writtenReasonsSentOn'),
    moveOnPlanInPlace: yesNoField(body, 'moveOnPlanInPlace'),
    legalSignOff: yesNoField(body, 'legalSignOff'),
  }),
  // A refusal about the workflow's state is shown against the reasons, the first question.
  fieldFor: (path) => (path === 'state' || path === 'form' ? 'grounds' : path),
};
export const signOffForm: FormSpec = {
  dateFields: ['date'],
  toInput: (body) => ({ version: version(body), body: textField(body, 'body'), date: dateField(body, 'date') }),
  // A sign-off refused for the ending's own answers is shown against the sign-off date (the field on this page).
  fieldFor: (path) => (['body', 'date', 'staffId'].includes(path) ? path : 'date'),
};
export const withdrawEndingForm: FormSpec = { dateFields: [], toInput: (body) => ({ version: version(body) }) };
export const reinstateForm: FormSpec = {
  dateFields: ['decidedOn'],
  toInput: (body) => ({ version: version(body), decidedOn: dateField(body, 'decidedOn'), reason: textField(body, 'reason') }),
};
