/**
 * Each complaints form's fields turned into the service's input. These only read the boxes as typed; the
 * service validates, so every mistake comes back as a message against its field.
 */
import { dateField, linesField, textField, yesNoField, type FormBody } from '../../register/view-shaping/forms.ts';
import { penceFromText } from './labels.ts';

const version = (body: FormBody) => textField(body, 'version');

/** A group of checkboxes: one value or several, as the form body gives them. */
export function checkboxValues(body: FormBody, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

export interface FormSpec {
  dateFields: string[];
  toInput(body: FormBody): Record<string, unknown>;
}

export const complaintForm: FormSpec = {
  dateFields: ['receivedOn', 'responseDue'],
  toInput: (body) => ({
    receivedOn: dateField(body, 'receivedOn'),
    complainant: textField(body, 'complainant'),
    organisationIds: checkboxValues(body, 'organisationIds'),
    leadOrganisationId: textField(body, 'leadOrganisationId'),
    procedure: textField(body, 'procedure'),
    corporateStage: textField(body, 'procedure') === 'corporate' ? textField(body, 'corporateStage') : undefined,
    responseDue: dateField(body, 'responseDue'),
    responseSignedBy: textField(body, 'responseSignedBy'),
    points: linesField(body, 'points'),
  }),
};

export const pointForm: FormSpec = { dateFields: [], toInput: (body) => ({ text: textField(body, 'text') }) };

export const pointAnswerForm: FormSpec = {
  dateFields: [],
  toInput: (body) => ({ answered: yesNoField(body, 'answered'), answer: textField(body, 'answer'), version: version(body) }),
};

export const stepForms: Record<string, FormSpec> = {
  acknowledge: { dateFields: ['on'], toInput: (body) => ({ kind: 'acknowledge', on: dateField(body, 'on'), version: version(body) }) },
  respond: { dateFields: ['on'], toInput: (body) => ({ kind: 'respond', on: dateField(body, 'on'), signedBy: textField(body, 'signedBy'), version: version(body) }) },
  close: { dateFields: [], toInput: (body) => ({ kind: 'close', outcome: textField(body, 'outcome'), version: version(body) }) },
  withdraw: { dateFields: [], toInput: (body) => ({ kind: 'withdraw', version: version(body) }) },
  agree_response_date: { dateFields: ['due'], toInput: (body) => ({ kind: 'agree_response_date', due: dateField(body, 'due'), version: version(body) }) },
};

export const ombudsmanCaseForm: FormSpec = {
  dateFields: ['enquiryOn', 'draftDecisionOn', 'finalDecisionOn'],
  toInput: (body) => ({
    body: textField(body, 'body'),
    reference: textField(body, 'reference'),
    complaintId: textField(body, 'complaintId'),
    enquiryOn: dateField(body, 'enquiryOn'),
    draftDecisionOn: dateField(body, 'draftDecisionOn'),
    finalDecisionOn: dateField(body, 'finalDecisionOn'),
    findings: checkboxValues(body, 'findings'),
    ...(version(body) ? { version: version(body) } : {}),
  }),
};

export const remedyForm: FormSpec = {
  dateFields: ['due'],
  toInput: (body) => ({
    text: textField(body, 'text'),
    kind: textField(body, 'kind'),
    dueWithin: textField(body, 'dueWithin'),
    due: dateField(body, 'due'),
    amountPence: penceFromText(textField(body, 'amount')),
    ownerId: textField(body, 'ownerId'),
  }),
};

export const remedyProgressForm: FormSpec = {
  dateFields: ['completedOn', 'evidenceSentOn'],
  toInput: (body) => ({ completedOn: dateField(body, 'completedOn'), evidenceSentOn: dateField(body, 'evidenceSentOn'), evidence: textField(body, 'evidence'), version: version(body) }),
};

export const cohortForm: FormSpec = { dateFields: [], toInput: (body) => ({ criterion: textField(body, 'criterion') }) };

/** Schema paths shown against their form field: the amount box holds pence as pounds. */
export function fieldFor(path: string): string {
  if (path === 'amountPence') return 'amount';
  if (path.startsWith('organisationIds')) return 'organisationIds';
  if (path.startsWith('findings')) return 'findings';
  if (path.startsWith('points')) return 'points';
  return path;
}
