/**
 * Who a decision letter goes to, who gets a copy, and how it must be made (the person's recorded
 * communication needs), for the letter renderer. The route follows the communication plan in force on the
 * letter's date (alert-rules "Plan in force"); copies go to every representative in force (consent recorded,
 * or a deputy or attorney). A letter about a communication_arrangement decision goes to the person directly,
 * because a change in how they are contacted cannot be told only through the new route (the rule behind
 * decision-not-communicated).
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { CommunicationPlan, Contact, Decision, Person } from '../case-file/schema.ts';
import { communicationPlanInForce, representativesInForce } from './representatives.ts';

export interface LetterRecipient {
  ref: string;
  name: string;
  address: string[] | null;
  email: string | null;
}

export interface LetterAdjustments {
  largePrint: boolean;
  easyRead: boolean;
  braille: boolean;
  audio: boolean;
  /** Needs the renderer cannot apply by itself: show them to the person sending the letter. */
  other: string[];
}

export interface LetterAddressees {
  to: (LetterRecipient & { basis: 'direct' | 'via_contact' | 'no_plan' | 'arrangement_change' }) | null;
  /** Why no letter goes to the person or their contact, when `to` is null. */
  notSentReason: string | null;
  copies: (LetterRecipient & { basis: 'consent' | 'deputy' | 'attorney' })[];
  adjustments: LetterAdjustments;
  reasons: string[];
  /** What must be fixed before the letter can be sent. */
  problems: string[];
}

export interface LetterRecords {
  person: Person;
  contacts: readonly Contact[];
  communicationPlans: readonly CommunicationPlan[];
}

const ADJUSTMENTS: [keyof Omit<LetterAdjustments, 'other'>, RegExp][] = [
  ['largePrint', /large[\s-]?print|\b\d{2}\s?(pt|point)\b/i],
  ['easyRead', /easy[\s-]?read/i],
  ['braille', /braille/i],
  ['audio', /audio/i],
];

export function letterAdjustments(communicationNeeds: readonly string[] = []): LetterAdjustments {
  const adjustments: LetterAdjustments = { largePrint: false, easyRead: false, braille: false, audio: false, other: [] };
  for (const need of communicationNeeds) {
    const matched = ADJUSTMENTS.filter(([, pattern]) => pattern.test(need));
    for (const [flag] of matched) adjustments[flag] = true;
    if (matched.length === 0 && need.trim()) adjustments.other.push(need.trim());
  }
  return adjustments;
}

function personRecipient(person: Person): LetterRecipient {
  return { ref: 'person', name: `${person.givenName} ${person.familyName}`, address: person.address ?? null, email: person.email ?? null };
}

function contactRecipient(contact: Contact): LetterRecipient {
  return { ref: contact.id, name: contact.name, address: contact.address ?? null, email: contact.email ?? null };
}

function reachable(recipient: LetterRecipient): boolean {
  return (recipient.address?.length ?? 0) > 0 || Boolean(recipient.email);
}

export function letterAddressees(records: LetterRecords, on: CivilDate, decision?: Pick<Decision, 'kind'>): LetterAddressees {
  const reasons: string[] = [];
  const problems: string[] = [];
  const plan = communicationPlanInForce(records.communicationPlans, on);
  let to: LetterAddressees['to'] = null;
  let notSentReason: string | null = null;

  if (decision?.kind === 'communication_arrangement') {
    to = { ...personRecipient(records.person), basis: 'arrangement_change' };
    reasons.push('This decision changes how the person is contacted, so the letter goes to them directly.');
  } else if (!plan) {
    to = { ...personRecipient(records.person), basis: 'no_plan' };
    reasons.push('No communication plan is recorded, so the letter goes to the person.');
  } else if (plan.route === 'direct') {
    to = { ...personRecipient(records.person), basis: 'direct' };
    reasons.push('The communication plan says to write to the person directly.');
  } else if (plan.route === 'via_contact') {
    const contact = records.contacts.find((c) => c.id === plan.viaContactId);
    if (contact) {
      to = { ...contactRecipient(contact), basis: 'via_contact' };
      reasons.push(`The communication plan says to write to the person through ${contact.name}.`);
      if (!plan.agreedWithPerson) problems.push('The person has not agreed to be contacted through this contact. Check the communication plan.');
    } else {
      to = { ...personRecipient(records.person), basis: 'direct' };
      problems.push('The communication plan names a contact who is not recorded. The letter goes to the person until the plan is fixed.');
    }
  } else {
    notSentReason = 'The person asked not to be contacted, so no letter goes to them.';
  }
  if (to && !reachable(to)) problems.push(`There is no address or email for ${to.ref === 'person' ? 'the person' : to.name}.`);

  const copies = representativesInForce(records.contacts, on)
    .filter((contact) => contact.id !== to?.ref)
    .map((contact) => ({
      ...contactRecipient(contact),
      basis: contact.role === 'deputy' || contact.role === 'attorney' ? contact.role : ('consent' as const),
    }));
  for (const copy of copies) {
    reasons.push(`${copy.name} gets a copy: ${copy.basis === 'consent' ? 'the person agreed to share with them' : `they are the person's ${copy.basis}`}.`);
    if (!reachable(copy)) problems.push(`There is no address or email for ${copy.name}.`);
  }
  if (!to && copies.length === 0) reasons.push('Nobody receives this letter. Record it on the case instead.');

  return { to, notSentReason, copies, adjustments: letterAdjustments(records.person.communicationNeeds), reasons, problems };
}
