/**
 * The words of a decision letter (and of a plan letter: a change of communication plan is a
 * communication_arrangement decision), one copy per addressee as the communication plan routes it
 * (src/domain/coordination/letter-addressees). Pure: the HTML page and the PDF lay out the same content.
 * Plain English in GOV.UK content style: short sentences, "we" and "you", no jargon without explanation.
 */
import type { CivilDate } from '../../../domain/calendar/civil-date.ts';
import type { CommunicationPlan, Contact, Decision, Person } from '../../../domain/case-file/schema.ts';
import { letterAddressees, type LetterAddressees, type LetterAdjustments } from '../../../domain/coordination/letter-addressees.ts';
import { formatCivilDate } from '../../register/view-shaping/format.ts';

export interface LetterCopy {
  ref: string;
  name: string;
  address: string[];
  greeting: string;
  /** "Copy for …" on a copy to a representative. */
  copyNote: string | null;
}

export interface Letter {
  title: string;
  date: string;
  copies: LetterCopy[];
  paragraphs: { heading?: string; text: string }[];
  sender: { name: string; organisation: string };
  adjustments: LetterAdjustments;
  /** What the sender must do by hand (braille, audio, needs the renderer cannot apply, missing addresses). */
  warnings: string[];
  addressees: LetterAddressees;
}

export interface LetterInput {
  person: Person;
  contacts: readonly Contact[];
  communicationPlans: readonly CommunicationPlan[];
  decision: Decision;
  date: CivilDate;
  sender: { name: string; organisation: string };
}

const routeWords: Record<CommunicationPlan['route'], string> = {
  direct: 'we will contact you directly',
  via_contact: 'we will contact you through someone you know',
  no_contact_requested: 'we will not contact you, as you asked',
};

export function decisionLetter(input: LetterInput): Letter {
  const { person, decision } = input;
  const addressees = letterAddressees({ person, contacts: input.contacts, communicationPlans: input.communicationPlans }, input.date, decision);
  const personName = `${person.givenName} ${person.familyName}`;
  const arrangement = decision.kind === 'communication_arrangement';
  const plan = arrangement ? input.communicationPlans.find((p) => p.decisionId === decision.id) : undefined;
  const via = plan?.viaContactId ? input.contacts.find((c) => c.id === plan.viaContactId) : undefined;

  const paragraphs: Letter['paragraphs'] = [
    { text: arrangement ? `We have changed how we will contact you about your aftercare. This starts on ${formatCivilDate(decision.date)}.` : `On ${formatCivilDate(decision.date)} we made a decision about your aftercare.` },
    { heading: 'What we decided', text: decision.text },
  ];
  if (plan) {
    const route = plan.route === 'via_contact' && via ? `we will contact you through ${via.name}` : routeWords[plan.route];
    paragraphs.push({ heading: 'How we will contact you', text: `From ${formatCivilDate(plan.from)}, ${route}. ${plan.agreedWithPerson ? 'You agreed to this.' : 'You have not told us you agree. Please tell us if you want something different.'}` });
  }
  if (decision.premise && !arrangement) paragraphs.push({ heading: 'Why we decided this', text: decision.premise });
  if (decision.reviewBy) paragraphs.push({ heading: 'When we will look at this again', text: `We will review this decision by ${formatCivilDate(decision.reviewBy)}, or sooner if things change.` });
  paragraphs.push(
    { heading: 'Your aftercare', text: 'You are entitled to free aftercare under section 117 of the Mental Health Act 1983 for as long as you need it. This decision does not change that.' },
    { heading: 'If you disagree', text: 'Contact us if you disagree or want to talk about this decision. Someone can speak for you, such as a family member or an advocate. You can also make a complaint. If you are not happy with our answer, you can ask the Local Government and Social Care Ombudsman to look at it.' },
  );

  const warnings = [...addressees.problems];
  if (addressees.notSentReason) warnings.push(addressees.notSentReason);
  if (addressees.adjustments.braille) warnings.push('The person needs braille. Arrange a braille copy of this letter.');
  if (addressees.adjustments.audio) warnings.push('The person needs audio. Arrange an audio version of this letter.');
  if (addressees.adjustments.easyRead) warnings.push('The person needs easy read. Check the letter uses short sentences and add pictures if they help.');
  for (const need of addressees.adjustments.other) warnings.push(`Communication need to apply by hand: ${need}`);

  const copies: LetterCopy[] = [];
  if (addressees.to) {
    const to = addressees.to;
    copies.push({
      ref: to.ref, name: to.name, address: to.address ?? [],
      greeting: `Dear ${to.name}`,
      copyNote: to.basis === 'via_contact' ? `Please share this letter with ${personName}. They agreed that we write to them through you.` : null,
    });
  }
  for (const copy of addressees.copies) {
    copies.push({ ref: copy.ref, name: copy.name, address: copy.address ?? [], greeting: `Dear ${copy.name}`, copyNote: `Copy for ${copy.name}, who acts for ${personName}.` });
  }

  return {
    title: arrangement ? 'How we will contact you' : 'A decision about your aftercare',
    date: formatCivilDate(input.date),
    copies,
    paragraphs,
    sender: input.sender,
    adjustments: addressees.adjustments,
    warnings,
    addressees,
  };
}

/** The summary kept on the communications log for a sent letter. */
export function letterSummary(letter: Letter): string {
  return `Letter: ${letter.title}. Sent to ${letter.copies.map((c) => c.name).join(', ') || 'nobody'}.`;
}
