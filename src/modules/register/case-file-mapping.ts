/**
 * Case-file records ↔ register rows, both ways, with nothing lost: an absent optional field is stored as
 * null and comes back absent; `ext` is kept as it came. Pure functions; the repository does the I/O.
 */
import type {
  Allocation,
  CommunityTreatmentOrder,
  Contact,
  Detention,
  Duty,
  GpRegistration,
  Person,
  ResponsibilityDispute,
  Residence,
  Staff,
} from '../../domain/case-file/schema.ts';
import type { allocations, contacts, ctos, detentions, disputes, duties, gpRegistrations, people, residences, staff } from './tables.ts';

/** A stored row as a case-file record needs it: its timestamps and version are not part of a case file. */
type Row<T extends { $inferSelect: unknown }> = Omit<T['$inferSelect'], 'createdAt' | 'updatedAt' | 'version'>;
type NewRow<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Drops null and undefined fields, so a row reads back as the case-file record it was. */
export function compact<T extends Record<string, unknown>>(record: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  // for…in over the row's own keys (rows are plain objects): no entries array a row, the same key order.
  for (const key in record) {
    const value = record[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function personToRow(person: Person, createdByOrganisationId: string | null): NewRow<typeof people> {
  return {
    id: person.id,
    givenName: person.givenName,
    familyName: person.familyName,
    nhsNumber: orNull(person.nhsNumber),
    dateOfBirth: orNull(person.dateOfBirth),
    dateOfDeath: orNull(person.dateOfDeath),
    communicationNeeds: orNull(person.communicationNeeds),
    address: orNull(person.address),
    email: orNull(person.email),
    phone: orNull(person.phone),
    createdByOrganisationId,
    ext: orNull(person.ext),
  };
}
export function personFromRow(row: Row<typeof people>): Person {
  const { id, givenName, familyName, nhsNumber, dateOfBirth, dateOfDeath, communicationNeeds, address, email, phone, ext } = row;
  return compact({ id, givenName, familyName, nhsNumber, dateOfBirth, dateOfDeath, communicationNeeds, address, email, phone, ext }) as Person;
}

export function contactToRow(personId: string, contact: Contact): NewRow<typeof contacts> {
  return {
    personId,
    id: contact.id,
    name: contact.name,
    organisationId: orNull(contact.organisationId),
    role: contact.role,
    actsForPerson: contact.actsForPerson,
    consentGiven: contact.consent ? contact.consent.given : null,
    consentDate: contact.consent ? contact.consent.date : null,
    address: orNull(contact.address),
    email: orNull(contact.email),
    phone: orNull(contact.phone),
    ext: orNull(contact.ext),
  };
}
export function contactFromRow(row: Row<typeof contacts>): Contact {
  const { id, name, organisationId, role, actsForPerson, consentGiven, consentDate, address, email, phone, ext } = row;
  const consent = consentGiven !== null && consentDate !== null ? { given: consentGiven, date: consentDate } : null;
  return compact({ id, name, organisationId, role, actsForPerson, consent, address, email, phone, ext }) as Contact;
}

export function detentionToRow(personId: string, detention: Detention): NewRow<typeof detentions> {
  return {
    personId,
    id: detention.id,
    section: detention.section,
    start: detention.start,
    end: orNull(detention.end),
    leftHospital: orNull(detention.leftHospital),
    continuesFrom: orNull(detention.continuesFrom),
    hospital: orNull(detention.hospital),
    kind: orNull(detention.kind),
    leave: orNull(detention.leave),
    ext: orNull(detention.ext),
  };
}
export function detentionFromRow(row: Row<typeof detentions>): Detention {
  const { id, section, start, end, leftHospital, continuesFrom, hospital, kind, leave, ext } = row;
  return compact({ id, section, start, end, leftHospital, continuesFrom, hospital, kind, leave, ext }) as Detention;
}

export function ctoToRow(personId: string, cto: CommunityTreatmentOrder): NewRow<typeof ctos> {
  return { personId, id: cto.id, detentionId: cto.detentionId, start: cto.start, end: orNull(cto.end), ext: orNull(cto.ext) };
}
export function ctoFromRow(row: Row<typeof ctos>): CommunityTreatmentOrder {
  const { id, detentionId, start, end, ext } = row;
  return compact({ id, detentionId, start, end, ext }) as CommunityTreatmentOrder;
}

export function residenceToRow(personId: string, id: string, residence: Residence): NewRow<typeof residences> {
  return {
    personId,
    id,
    from: residence.from,
    to: orNull(residence.to),
    nation: residence.nation,
    localAuthorityId: orNull(residence.localAuthorityId),
    healthBodyId: orNull(residence.healthBodyId),
    kind: residence.kind,
    ordinarilyResident: orNull(residence.ordinarilyResident),
    placedById: orNull(residence.placedById),
    placedUnder: orNull(residence.placedUnder),
    legalCondition: orNull(residence.legalCondition),
    ext: orNull(residence.ext),
  };
}
export function residenceFromRow(row: Row<typeof residences>): Residence {
  const { from, to, nation, localAuthorityId, healthBodyId, kind, ordinarilyResident, placedById, placedUnder, legalCondition, ext } = row;
  return compact({ from, to, nation, localAuthorityId, healthBodyId, kind, ordinarilyResident, placedById, placedUnder, legalCondition, ext }) as Residence;
}

export function gpRegistrationToRow(personId: string, id: string, registration: GpRegistration): NewRow<typeof gpRegistrations> {
  return {
    personId,
    id,
    from: registration.from,
    to: orNull(registration.to),
    practiceCode: orNull(registration.practiceCode),
    healthBodyId: registration.healthBodyId,
    ext: orNull(registration.ext),
  };
}
export function gpRegistrationFromRow(row: Row<typeof gpRegistrations>): GpRegistration {
  const { from, to, practiceCode, healthBodyId, ext } = row;
  return compact({ from, to, practiceCode, healthBodyId, ext }) as GpRegistration;
}

export function dutyToRow(personId: string, duty: Duty): NewRow<typeof duties> {
  return {
    personId,
    id: duty.id,
    detentionId: duty.detentionId,
    start: duty.start,
    localAuthorityId: duty.localAuthorityId,
    healthBodyId: duty.healthBodyId,
    end: orNull(duty.end),
    endReason: orNull(duty.endReason),
    ending: orNull(duty.ending) as Row<typeof duties>['ending'],
    ext: orNull(duty.ext),
  };
}
export function dutyFromRow(row: Row<typeof duties>): Duty {
  const { id, detentionId, start, localAuthorityId, healthBodyId, end, endReason, ending, ext } = row;
  return compact({ id, detentionId, start, localAuthorityId, healthBodyId, end, endReason, ending, ext }) as Duty;
}

export function disputeToRow(personId: string, dispute: ResponsibilityDispute): NewRow<typeof disputes> {
  return {
    personId,
    id: dispute.id,
    dutyId: dispute.dutyId,
    withOrganisationId: dispute.withOrganisationId,
    openedOn: dispute.openedOn,
    leadOrganisationId: orNull(dispute.leadOrganisationId),
    referredOn: orNull(dispute.referredOn),
    resolvedOn: orNull(dispute.resolvedOn),
    ext: orNull(dispute.ext),
  };
}
export function disputeFromRow(row: Row<typeof disputes>): ResponsibilityDispute {
  const { id, dutyId, withOrganisationId, openedOn, leadOrganisationId, referredOn, resolvedOn, ext } = row;
  return compact({ id, dutyId, withOrganisationId, openedOn, leadOrganisationId, referredOn, resolvedOn, ext }) as ResponsibilityDispute;
}

export function allocationToRow(personId: string, id: string, allocation: Allocation): NewRow<typeof allocations> {
  return { personId, id, dutyId: allocation.dutyId, staffId: allocation.staffId, from: allocation.from, to: orNull(allocation.to), ext: orNull(allocation.ext) };
}
export function allocationFromRow(row: Row<typeof allocations>): Allocation {
  const { dutyId, staffId, from, to, ext } = row;
  return compact({ dutyId, staffId, from, to, ext }) as Allocation;
}

export function staffFromRow(row: Row<typeof staff>): Staff {
  const { id, name, organisationId, role, ext } = row;
  return compact({ id, name, organisationId, role, ext }) as Staff;
}
