import { test } from 'node:test';
import assert from 'node:assert/strict';
import { letterAddressees, letterAdjustments, type LetterRecords } from '../../../../src/domain/coordination/letter-addressees.ts';
import type { CommunicationPlan, Contact } from '../../../../src/domain/case-file/schema.ts';
import { mrBCaseFile } from './mr-b.ts';

const file = mrBCaseFile();
const rep = file.contacts[0] as Contact;
const worker = file.contacts[1] as Contact;
const records: LetterRecords = {
  person: { ...file.person, address: ['Hotel, council K'], communicationNeeds: ['Large print (16pt)', 'Prefers phone calls before letters'] },
  contacts: [{ ...rep, address: ['1 High Street'] }, { ...worker, email: 'worker@charity2.example' }],
  communicationPlans: file.communicationPlans,
};

test('adjustments from recorded communication needs', () => {
  const cases: [string[], Partial<ReturnType<typeof letterAdjustments>>][] = [
    [['Large print'], { largePrint: true }],
    [['large-print, 18 point'], { largePrint: true }],
    [['Easy Read version please'], { easyRead: true }],
    [['Braille'], { braille: true }],
    [['Audio recording'], { audio: true }],
    [['Easy read in large print'], { easyRead: true, largePrint: true }],
    [['Polish interpreter', ' '], { other: ['Polish interpreter'] }],
  ];
  for (const [needs, expected] of cases) {
    assert.deepEqual(letterAdjustments(needs), { largePrint: false, easyRead: false, braille: false, audio: false, other: [], ...expected }, needs.join());
  }
  assert.deepEqual(letterAdjustments(), { largePrint: false, easyRead: false, braille: false, audio: false, other: [] });
});

test('Mr B in October 2024: a decision letter goes through charity 2, with a copy to his representative', () => {
  const letter = letterAddressees(records, '2024-10-22', { kind: 'allocation' });
  assert.equal(letter.to?.ref, 'c-charity2');
  assert.equal(letter.to?.basis, 'via_contact');
  assert.deepEqual(letter.copies.map((c) => [c.ref, c.basis]), [['c-rep', 'consent']]);
  assert.equal(letter.adjustments.largePrint, true);
  assert.deepEqual(letter.adjustments.other, ['Prefers phone calls before letters']);
  assert.deepEqual(letter.problems, ['The person has not agreed to be contacted through this contact. Check the communication plan.']);
  assert.deepEqual(letter.reasons, [
    "The communication plan says to write to the person through Charity 2's worker.",
    "Mr B's representative gets a copy: the person agreed to share with them.",
  ]);
});

test('the letter about changing how he is contacted goes to Mr B himself', () => {
  const letter = letterAddressees(records, '2024-10-08', { kind: 'communication_arrangement' });
  assert.equal(letter.to?.ref, 'person');
  assert.equal(letter.to?.basis, 'arrangement_change');
  assert.deepEqual(letter.to?.address, ['Hotel, council K']);
  assert.deepEqual(letter.copies.map((c) => c.ref), ['c-rep']);
});

test('routes by the plan in force on the date', () => {
  const plans = (route: CommunicationPlan['route'], viaContactId?: string): CommunicationPlan[] => [
    { id: 'p', from: '2024-01-01', route, viaContactId, agreedWithPerson: true },
  ];
  const cases: [CommunicationPlan[], string | null, string | null][] = [
    [[], 'person', 'no_plan'],
    [plans('direct'), 'person', 'direct'],
    [plans('via_contact', 'c-rep'), 'c-rep', 'via_contact'],
    [plans('via_contact', 'nobody'), 'person', 'direct'],
    [plans('no_contact_requested'), null, null],
  ];
  for (const [communicationPlans, ref, basis] of cases) {
    const letter = letterAddressees({ ...records, communicationPlans }, '2024-06-01');
    assert.equal(letter.to?.ref ?? null, ref, JSON.stringify(communicationPlans));
    assert.equal(letter.to?.basis ?? null, basis);
  }
  const viaRep = letterAddressees({ ...records, communicationPlans: plans('via_contact', 'c-rep') }, '2024-09-01');
  assert.deepEqual(viaRep.copies, []); // the addressee is not copied to themselves
  const none = letterAddressees({ ...records, communicationPlans: plans('no_contact_requested') }, '2024-09-01');
  assert.equal(none.notSentReason, 'The person asked not to be contacted, so no letter goes to them.');
  assert.deepEqual(none.copies.map((c) => c.ref), ['c-rep']);
  const broken = letterAddressees({ ...records, communicationPlans: plans('via_contact', 'nobody') }, '2024-06-01');
  assert.deepEqual(broken.problems, ['The communication plan names a contact who is not recorded. The letter goes to the person until the plan is fixed.']);
});

test('copies: consent given by the date, deputies and attorneys without consent; missing addresses reported', () => {
  const contacts: Contact[] = [
    { id: 'c-deputy', name: 'Deputy', role: 'deputy', actsForPerson: true, address: ['Court of Protection deputy'] },
    { id: 'c-attorney', name: 'Attorney', role: 'attorney', actsForPerson: true },
    { id: 'c-sister', name: 'Sister', role: 'family', actsForPerson: true, consent: { given: true, date: '2024-07-01' }, email: 's@example.org' },
    { id: 'c-nr', name: 'Nearest relative', role: 'nearest_relative', actsForPerson: false, consent: { given: true, date: '2024-01-01' } },
  ];
  const cases: [string, string[][]][] = [
    ['2024-06-30', [['c-deputy', 'deputy'], ['c-attorney', 'attorney']]],
    ['2024-07-01', [['c-deputy', 'deputy'], ['c-attorney', 'attorney'], ['c-sister', 'consent']]],
  ];
  for (const [on, copies] of cases) {
    const letter = letterAddressees({ person: { ...records.person, address: undefined }, contacts, communicationPlans: [] }, on);
    assert.deepEqual(letter.copies.map((c) => [c.ref, c.basis]), copies, on);
    assert.deepEqual(letter.problems, ['There is no address or email for the person.', 'There is no address or email for Attorney.']);
  }
  const nobody = letterAddressees({ person: records.person, contacts: [], communicationPlans: [{ id: 'p', from: '2024-01-01', route: 'no_contact_requested', agreedWithPerson: true }] }, '2024-06-01');
  assert.deepEqual(nobody.reasons, ['Nobody receives this letter. Record it on the case instead.']);
});
