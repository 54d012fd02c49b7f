/**
 * Names for the ids a complaint or remedy holds: organisations, and Refs ("person", a contact, a worker or
 * an organisation). An id the page cannot name is shown as it is rather than hidden.
 */
import type { PersonCaseDto } from '../../register/api-schemas.ts';
import type { Names } from './case-cards.ts';

export function refNamer(view: Pick<PersonCaseDto, 'person' | 'contacts' | 'organisations' | 'staff'>, workers: readonly { id: string; name: string }[] = []): Names {
  const organisations = new Map(view.organisations.map((o) => [o.id, o.name]));
  const people = new Map<string, string>([
    ...workers.map((w) => [w.id, w.name] as const),
    ...view.staff.map((s) => [s.id, s.name] as const),
    ...view.contacts.map((c) => [c.id, `${c.name} (${c.role.replace(/_/g, ' ')})`] as const),
  ]);
  const personName = `${view.person.givenName} ${view.person.familyName}`;
  return {
    organisation: (id) => organisations.get(id) ?? id,
    ref: (ref) => (ref === 'person' ? `${personName} (the person)` : (people.get(ref) ?? organisations.get(ref) ?? ref)),
  };
}
