/** Patient, RelatedPerson (per contact) and Practitioner (per staff member). */
import type { Contact, Person, Staff } from '../../case-file/schema.ts';
import { compact, type ExportContext } from './context.ts';
import { extensions, systems } from './profiles.ts';
import type { Identifier, Resource } from './types.ts';

/**
 * Aftercare checks an NHS number's check digit but does not trace it against the Personal Demographics
 * Service, so the number is exported as "02 Number present but not traced".
 */
function nhsNumberIdentifier(nhsNumber: string): Identifier {
  return {
    extension: [
      {
        url: extensions.nhsNumberVerificationStatus,
        valueCodeableConcept: { coding: [{ system: systems.nhsNumberVerificationStatusEngland, code: '02', display: 'Number present but not traced' }] },
      },
    ],
    system: systems.nhsNumber,
    value: nhsNumber,
  };
}

function telecom(record: { phone?: string; email?: string }) {
  return [
    ...(record.phone ? [{ system: 'phone', value: record.phone }] : []),
    ...(record.email ? [{ system: 'email', value: record.email }] : []),
  ];
}
const address = (lines: string[] | undefined) => (lines && lines.length > 0 ? [{ line: lines }] : []);

export function patient(ctx: ExportContext, person: Person): Resource {
  return ctx.resource('Patient', person.id, compact({
    identifier: [...(person.nhsNumber ? [nhsNumberIdentifier(person.nhsNumber)] : []), { system: ctx.systems.recordId, value: person.id }],
    name: [{ use: 'official', family: person.familyName, given: [person.givenName] }],
    telecom: telecom(person),
    birthDate: person.dateOfBirth,
    deceasedDateTime: person.dateOfDeath,
    address: address(person.address),
  }));
}

/** HL7 v3 RoleCode where one means the same; every role also carries Aftercare's own code and its words. */
const roleCodes: Partial<Record<Contact['role'], { code: string; display: string }>> = {
  family: { code: 'FAMMEMB', display: 'family member' },
};
const roleWords: Record<Contact['role'], string> = {
  representative: 'Representative', advocate: 'Advocate', nearest_relative: 'Nearest relative (Mental Health Act 1983)', carer: 'Carer',
  family: 'Family member', support_worker: 'Support worker', deputy: 'Deputy (Court of Protection)', attorney: 'Attorney (lasting power of attorney)', other: 'Other',
};

export function relatedPerson(ctx: ExportContext, contact: Contact): Resource {
  const v3 = roleCodes[contact.role];
  return ctx.resource('RelatedPerson', contact.id, compact({
    identifier: [{ system: ctx.systems.recordId, value: contact.id }],
    active: true,
    patient: ctx.refFor('person'),
    relationship: [
      {
        coding: [
          ...(v3 ? [{ system: systems.roleCode, ...v3 }] : []),
          { system: ctx.systems.contactRole, code: contact.role, display: roleWords[contact.role] },
        ],
        text: roleWords[contact.role],
      },
    ],
    name: [{ text: contact.name }],
    telecom: telecom(contact),
    address: address(contact.address),
  }));
}

export function practitioner(ctx: ExportContext, member: Staff): Resource {
  return ctx.resource('Practitioner', member.id, {
    identifier: [{ system: ctx.systems.recordId, value: member.id }],
    name: [{ text: member.name }],
  });
}
