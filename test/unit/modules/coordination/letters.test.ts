/**
 * Letter content: addressed by the communication plan (copy to a representative with consent), large print
 * applied from the person's communication needs, plain-English paragraphs, and a PDF whose text can be
 * extracted (read here from its compressed content streams).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import type { CommunicationPlan, Contact, Decision, Person } from '../../../../src/domain/case-file/schema.ts';
import { decisionLetter } from '../../../../src/modules/coordination/letters/letter-content.ts';
import { letterPdf } from '../../../../src/modules/coordination/letters/letter-pdf.ts';

const person: Person = { id: 'person', givenName: 'Brian', familyName: 'Bee', address: ['1 Hope Street'], communicationNeeds: ['Large print (18pt)', 'Prefers mornings'] };
const contacts: Contact[] = [
  { id: 'rep', name: 'Rita Rep', role: 'representative', actsForPerson: true, consent: { given: true, date: '2024-09-20' }, address: ['2 Law Lane'] },
  { id: 'charity', name: 'Charlie Charity', role: 'support_worker', actsForPerson: false, address: ['Charity 2'] },
];
const plan: CommunicationPlan = { id: 'cp1', from: '2024-10-08', route: 'via_contact', viaContactId: 'charity', agreedWithPerson: false, decisionId: 'd1' };
const placement: Decision = { id: 'd2', date: '2024-10-10', text: 'We will keep looking for supported living near your support services.', kind: 'placement', affectsPerson: true, premise: 'Charity 2 has no vacancy', reviewBy: '2024-12-01' };
const sender = { name: 'Sam Social Worker', organisation: 'Worcestershire County Council' };

/** The text of a PDF: every content stream inflated, the strings shown by TJ/Tj read as Latin-1. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const pieces: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '') : [op[2] ?? ''];
      pieces.push(hexes.map((hex) => Buffer.from(hex, 'hex').toString('latin1')).join(''));
      pieces.push('\n');
    }
  }
  return pieces.join('');
}

test('a decision letter goes through the plan’s contact, with a copy to the representative, in large print', () => {
  const letter = decisionLetter({ person, contacts, communicationPlans: [plan], decision: placement, date: '2024-10-11', sender });
  assert.deepEqual(letter.copies.map((c) => [c.ref, c.name]), [['charity', 'Charlie Charity'], ['rep', 'Rita Rep']]);
  assert.match(letter.copies[0]?.copyNote ?? '', /Please share this letter with Brian Bee/);
  assert.match(letter.copies[1]?.copyNote ?? '', /Copy for Rita Rep, who acts for Brian Bee/);
  assert.ok(letter.adjustments.largePrint);
  assert.ok(letter.warnings.includes('Communication need to apply by hand: Prefers mornings'));
  assert.ok(letter.warnings.some((w) => /not agreed to be contacted through this contact/.test(w)));
  assert.deepEqual(letter.paragraphs.map((p) => p.heading), [undefined, 'What we decided', 'Why we decided this', 'When we will look at this again', 'Your aftercare', 'If you disagree']);
});

test('a change of how the person is contacted is written to the person themselves, not only the new route', () => {
  const arrangement: Decision = { id: 'd1', date: '2024-10-08', text: 'Contact the person through Charlie Charity.', kind: 'communication_arrangement', affectsPerson: true };
  const letter = decisionLetter({ person, contacts, communicationPlans: [plan], decision: arrangement, date: '2024-10-09', sender });
  assert.equal(letter.title, 'How we will contact you');
  assert.deepEqual(letter.copies.map((c) => c.ref), ['person', 'rep']);
  assert.match(letter.paragraphs.find((p) => p.heading === 'How we will contact you')?.text ?? '', /through Charlie Charity\. You have not told us you agree/);
});

test('the PDF holds the letter as extractable text, one copy per addressee, tagged and in English', async () => {
  const letter = decisionLetter({ person, contacts, communicationPlans: [plan], decision: placement, date: '2024-10-11', sender });
  const pdf = await letterPdf(letter);
  const text = pdfText(pdf);
  for (const expected of ['A decision about your aftercare', 'Dear Charlie Charity,', 'Dear Rita Rep,', 'What we decided', 'Worcestershire County Council']) assert.ok(text.includes(expected), expected);
  assert.equal(text.match(/Yours sincerely,/g)?.length, 2);
  assert.match(pdf.toString('latin1'), /\/StructTreeRoot/);
  assert.match(pdf.toString('latin1'), /\/Lang \(en-GB\)/);
});
