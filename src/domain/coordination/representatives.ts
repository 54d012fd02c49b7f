/**
 * Who speaks for the person on a date, in the words of alert-rules "Terms". The alert engine's `AlertContext`
 * answers the same questions over a whole case file; these take only the records they need, so pages and
 * letters can ask them too. `reaches` and `covers` are the alert engine's own.
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { CommunicationPlan, Contact } from '../case-file/schema.ts';
import { covers } from '../rules/alerts/context.ts';

export { covers, reaches } from '../rules/alerts/context.ts';

/**
 * Representative in force on D: a contact with `actsForPerson` and either consent given on or before D, or the
 * role deputy or attorney (their authority does not rest on consent). Same test as `AlertContext.isRepresentativeOn`.
 */
export function isRepresentativeInForce(contact: Contact, day: CivilDate): boolean {
  if (!contact.actsForPerson) return false;
  if (contact.role === 'deputy' || contact.role === 'attorney') return true;
  return contact.consent !== undefined && contact.consent.given && contact.consent.date <= day;
}

export function representativesInForce(contacts: readonly Contact[], day: CivilDate): Contact[] {
  return contacts.filter((contact) => isRepresentativeInForce(contact, day));
}

/** Plan in force on D: among plans with `from <= D` and no `to <= D`, the one with the latest `from`. */
export function communicationPlanInForce(plans: readonly CommunicationPlan[], day: CivilDate): CommunicationPlan | undefined {
  let found: CommunicationPlan | undefined;
  for (const plan of plans) if (covers(plan.from, plan.to, day) && (!found || plan.from > found.from)) found = plan;
  return found;
}
