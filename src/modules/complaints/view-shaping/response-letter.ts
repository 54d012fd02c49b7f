/**
 * The response letter (CMP-05) as the letters renderer's document, so it prints as the same accessible PDF as
 * every other letter: every point with its answer, the conclusion, and the right to go to the Ombudsman.
 * Pure: the content comes from the domain's `responseLetter`.
 */
import type { ComplaintResponseLetter } from '../../../domain/complaints/complaint-points.ts';
import type { Letter } from '../../coordination/letters/letter-content.ts';
import { dateText, outcomeLabels } from './labels.ts';

export interface ResponseLetterParties {
  addressee: { name: string; address: string[] };
  /** The person, when the complainant wrote on their behalf. */
  about: string | null;
  lead: string;
  largePrint: boolean;
}

export function responseLetterDocument(letter: ComplaintResponseLetter, parties: ResponseLetterParties): Letter {
  const onBehalf = parties.about ? ` on behalf of ${parties.about}` : '';
  const paragraphs = [
    { text: `Thank you for your complaint${onBehalf}, which we received on ${dateText(letter.receivedOn)}. This letter answers each point you made.` },
    ...letter.points.map((point, i) => ({ heading: `${i + 1}. You said: ${point.complaint}`, text: point.answer ?? '[Answer to be written]' })),
    ...(letter.outcome ? [{ heading: 'Our conclusion', text: `We have decided that your complaint is: ${(outcomeLabels[letter.outcome] ?? letter.outcome).toLowerCase()}.` }] : []),
    { heading: 'If you are not happy with our response', text: letter.ombudsman.text },
  ];
  const adjustments = { largePrint: parties.largePrint, easyRead: false, braille: false, audio: false, other: [] };
  return {
    title: 'Our response to your complaint',
    date: letter.respondedOn ? dateText(letter.respondedOn) : '',
    copies: [{ ref: 'complainant', name: parties.addressee.name, address: parties.addressee.address, greeting: `Dear ${parties.addressee.name}`, copyNote: null }],
    paragraphs,
    sender: { name: letter.signedBy ?? '[Responsible person]', organisation: parties.lead },
    adjustments,
    warnings: letter.problems,
    addressees: { to: null, notSentReason: null, copies: [], adjustments, reasons: [], problems: letter.problems },
  };
}
