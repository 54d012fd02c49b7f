/** What every resource builder of the FHIR export shares: ids, references and profiles for one case file. */
import type { CaseFile } from '../../case-file/schema.ts';
import { deterministicUuid } from './ids.ts';
import { aftercareSystems, profiles, type AftercareSystems } from './profiles.ts';
import type { Reference, Resource } from './types.ts';

export type ResourceType = keyof typeof profiles;

export interface ExportContext {
  file: CaseFile;
  /** The civil date of `generatedAt`, for statuses that depend on today (active, planned, finished). */
  today: string;
  systems: AftercareSystems;
  id(type: ResourceType, recordId: string): string;
  ref(type: ResourceType, recordId: string, display?: string): Reference;
  /** A case-file `Ref` ("person", a contact, staff or organisation id) as a reference to its resource. */
  refFor(who: string): Reference | undefined;
  resource(type: ResourceType, recordId: string, body: Record<string, unknown>): Resource;
}

export function exportContext(file: CaseFile, today: string, systemBase: string): ExportContext {
  const id = (type: ResourceType, recordId: string) => deterministicUuid(`${file.person.id}|${type}|${recordId}`);
  const ref = (type: ResourceType, recordId: string, display?: string): Reference => ({
    reference: `urn:uuid:${id(type, recordId)}`,
    ...(display !== undefined && { display }),
  });
  const contacts = new Map(file.contacts.map((c) => [c.id, c]));
  const staff = new Map(file.staff.map((s) => [s.id, s]));
  const organisations = new Map(file.organisations.map((o) => [o.id, o]));
  return {
    file,
    today,
    systems: aftercareSystems(systemBase),
    id,
    ref,
    refFor(who) {
      if (who === 'person') return ref('Patient', file.person.id, `${file.person.givenName} ${file.person.familyName}`);
      const contact = contacts.get(who);
      if (contact) return ref('RelatedPerson', contact.id, contact.name);
      const member = staff.get(who);
      if (member) return ref('Practitioner', member.id, member.name);
      const organisation = organisations.get(who);
      if (organisation) return ref('Organization', organisation.id, organisation.name);
      return undefined;
    },
    resource: (type, recordId, body) => ({ resourceType: type, id: id(type, recordId), meta: { profile: [profiles[type]] }, ...body }),
  };
}

/** Drops undefined and empty-array elements: FHIR JSON forbids empty arrays and nulls. */
export function compact<T extends Record<string, unknown>>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}
