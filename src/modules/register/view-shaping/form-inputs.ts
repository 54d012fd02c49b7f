/**
 * Each register form's fields turned into the service's input. The service validates; these only read
 * the boxes, radios and date inputs as typed, so every mistake comes back as a message against its field.
 */
import { dateField, linesField, textField, yesNoField, type FormBody } from './forms.ts';

const version = (body: FormBody) => textField(body, 'version');

export const personForm = {
  dateFields: ['dateOfBirth'],
  toInput: (body: FormBody) => ({
    givenName: textField(body, 'givenName') ?? '',
    familyName: textField(body, 'familyName') ?? '',
    nhsNumber: textField(body, 'nhsNumber'),
    dateOfBirth: dateField(body, 'dateOfBirth'),
  }),
};

/** Changing personal details: a box left empty clears the field (null), as the whole record is on the page. */
export const personEditForm = {
  dateFields: ['dateOfBirth'],
  toInput: (body: FormBody) => ({
    givenName: textField(body, 'givenName') ?? '',
    familyName: textField(body, 'familyName') ?? '',
    nhsNumber: textField(body, 'nhsNumber') ?? null,
    dateOfBirth: dateField(body, 'dateOfBirth') ?? null,
    address: linesField(body, 'address') ?? null,
    phone: textField(body, 'phone') ?? null,
    email: textField(body, 'email') ?? null,
    communicationNeeds: linesField(body, 'communicationNeeds') ?? null,
    version: version(body),
  }),
};

export const detentionForm = {
  dateFields: ['start', 'end', 'leftHospital'],
  toInput: (body: FormBody) => ({
    section: textField(body, 'section'),
    start: dateField(body, 'start'),
    end: dateField(body, 'end'),
    leftHospital: dateField(body, 'leftHospital'),
    hospital: textField(body, 'hospital'),
  }),
};

export const dutyForm = {
  dateFields: ['start'],
  toInput: (body: FormBody) => ({
    detentionId: textField(body, 'detentionId'),
    start: dateField(body, 'start'),
    localAuthorityId: textField(body, 'localAuthorityId'),
    healthBodyId: textField(body, 'healthBodyId'),
  }),
};

export const endDutyForm = {
  dateFields: ['end'],
  toInput: (body: FormBody) => ({ end: dateField(body, 'end') ?? '', endReason: textField(body, 'endReason') ?? '', version: version(body) }),
};

export const contactForm = {
  dateFields: ['consentDate'],
  /** The consent question is one radio and one date on the page, one object in the record. */
  fieldFor: (path: string) => (path === 'consent.date' ? 'consentDate' : path === 'consent.given' || path === 'consent' ? 'consent' : path),
  toInput: (body: FormBody) => {
    const consent = textField(body, 'consent');
    return {
      name: textField(body, 'name') ?? '',
      role: textField(body, 'role'),
      actsForPerson: yesNoField(body, 'actsForPerson'),
      ...(consent === 'yes' || consent === 'no' ? { consent: { given: consent === 'yes', date: dateField(body, 'consentDate') } } : {}),
      phone: textField(body, 'phone'),
      email: textField(body, 'email'),
      address: linesField(body, 'address'),
    };
  },
};

export const residenceForm = {
  dateFields: ['from', 'to'],
  toInput: (body: FormBody) => ({
    from: dateField(body, 'from'),
    to: dateField(body, 'to'),
    nation: textField(body, 'nation'),
    kind: textField(body, 'kind'),
    localAuthorityId: textField(body, 'localAuthorityId'),
    healthBodyId: textField(body, 'healthBodyId'),
    ordinarilyResident: textField(body, 'ordinarilyResident'),
  }),
};

export const gpRegistrationForm = {
  dateFields: ['from', 'to'],
  toInput: (body: FormBody) => ({
    from: dateField(body, 'from'),
    to: dateField(body, 'to'),
    practiceCode: textField(body, 'practiceCode'),
    healthBodyId: textField(body, 'healthBodyId'),
  }),
};

export const allocationForm = {
  dateFields: ['from'],
  toInput: (body: FormBody) => ({ dutyId: textField(body, 'dutyId'), staffId: textField(body, 'staffId'), from: dateField(body, 'from') }),
};

export const endAllocationForm = {
  dateFields: ['to'],
  toInput: (body: FormBody) => ({ to: dateField(body, 'to'), version: version(body) }),
};

export const shareForm = {
  dateFields: [],
  toInput: (body: FormBody) => ({ organisationId: textField(body, 'organisationId') }),
};
