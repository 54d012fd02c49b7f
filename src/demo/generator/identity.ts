/**
 * A generated person and the people around them (nearest relative, representative, advocate, carer).
 * NHS numbers come from the 999 range, which is never issued to real patients; phone numbers from
 * Ofcom's ranges reserved for drama; email addresses from the reserved example.org domain.
 */
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { addDays } from '../../domain/calendar/civil-date.ts';
import type { Contact, Person } from '../../domain/case-file/schema.ts';
import type { DemoArea } from '../organisations.ts';
import type { Random } from '../random.ts';
import type { GenerationContext } from './context.ts';
import { organisationsOfKind } from './context.ts';

/** The check digit for the first nine digits, or null where no valid number exists (remainder 10). */
export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/** A valid NHS number beginning 999, not in `used` (which it then joins). */
export function testNhsNumber(rng: Random, used?: Set<string>): string {
  for (;;) {
    const firstNine = `999${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    const check = nhsCheckDigit(firstNine);
    if (check === null) continue;
    const number = `${firstNine}${check}`;
    if (used?.has(number)) continue;
    used?.add(number);
    return number;
  }
}

export function dramaPhoneNumber(rng: Random): string {
  return rng.chance(0.6) ? `07700 900${String(rng.int(0, 999)).padStart(3, '0')}` : `01632 960${String(rng.int(0, 999)).padStart(3, '0')}`;
}

function emailFor(name: string, rng: Random): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}${rng.int(1, 99)}@example.org`;
}

export function postalAddress(context: GenerationContext, area: DemoArea): string[] {
  const { faker, rng } = context;
  return [faker.location.streetAddress(), rng.pick(area.towns), faker.location.zipCode()];
}

export function generatePerson(context: GenerationContext, id: string, nhsNumber: string, area: DemoArea): Person {
  const { faker, rng, asOf } = context;
  const sex = rng.chance(0.55) ? 'male' : 'female';
  const givenName = faker.person.firstName(sex);
  const familyName = faker.person.lastName();
  const dateOfBirth = addDays(asOf, -rng.int(19 * 365, 82 * 365));
  const person: Person = { id, givenName, familyName, nhsNumber, dateOfBirth, address: postalAddress(context, area) };
  if (rng.chance(0.7)) person.phone = dramaPhoneNumber(rng);
  if (rng.chance(0.35)) person.email = emailFor(`${givenName} ${familyName}`, rng);
  if (rng.chance(0.25)) {
    person.communicationNeeds = [
      rng.pick(['Easy Read letters', 'Large print (18pt)', 'Phone before visiting', 'British Sign Language interpreter', 'Polish interpreter', 'Letters by email only']),
    ];
  }
  return person;
}

/** Contacts, with the dates consent was given falling within the history (from `historyStart`). */
export function generateContacts(context: GenerationContext, person: Person, historyStart: CivilDate, area: DemoArea): Contact[] {
  const { faker, rng, asOf, ids } = context;
  const contacts: Contact[] = [];
  const consentDate = (): CivilDate => rng.dateBetween(historyStart, asOf);
  const relativeName = (): string => `${faker.person.firstName()} ${rng.chance(0.7) ? person.familyName : faker.person.lastName()}`;
  if (rng.chance(0.6)) {
    const name = relativeName();
    contacts.push({ id: ids.next('c'), name, role: 'nearest_relative', actsForPerson: false, address: postalAddress(context, area), phone: dramaPhoneNumber(rng) });
  }
  if (rng.chance(0.35)) {
    const name = relativeName();
    contacts.push({ id: ids.next('c'), name, role: 'representative', actsForPerson: true, consent: { given: rng.chance(0.9), date: consentDate() }, email: emailFor(name, rng) });
  }
  const charities = organisationsOfKind(context.organisations, 'voluntary');
  if (rng.chance(0.3) && charities.length > 0) {
    const name = `${faker.person.firstName()} ${faker.person.lastName()}`;
    const organisationId = rng.pick(charities).id;
    contacts.push({ id: ids.next('c'), name, organisationId, role: 'advocate', actsForPerson: true, consent: { given: true, date: consentDate() }, phone: dramaPhoneNumber(rng) });
  }
  if (rng.chance(0.2)) contacts.push({ id: ids.next('c'), name: relativeName(), role: 'carer', actsForPerson: false, phone: dramaPhoneNumber(rng) });
  if (rng.chance(0.04)) contacts.push({ id: ids.next('c'), name: `${faker.person.firstName()} ${faker.person.lastName()}`, role: rng.pick(['deputy', 'attorney'] as const), actsForPerson: true });
  return contacts;
}
