import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  communicationPlanInForce, isRepresentativeInForce, representativesInForce,
} from '../../../../src/domain/coordination/representatives.ts';
import type { CommunicationPlan, Contact } from '../../../../src/domain/case-file/schema.ts';
import { mrBCaseFile } from './mr-b.ts';

test('representative in force on a date', () => {
  const cases: [Contact, string, boolean][] = [
    [{ id: 'a', name: 'A', role: 'representative', actsForPerson: true, consent: { given: true, date: '2024-08-01' } }, '2024-08-01', true],
    [{ id: 'a', name: 'A', role: 'representative', actsForPerson: true, consent: { given: true, date: '2024-08-01' } }, '2024-07-31', false],
    [{ id: 'b', name: 'B', role: 'advocate', actsForPerson: true, consent: { given: false, date: '2024-01-01' } }, '2024-08-01', false],
    [{ id: 'c', name: 'C', role: 'carer', actsForPerson: true }, '2024-08-01', false],
    [{ id: 'd', name: 'D', role: 'deputy', actsForPerson: true }, '2024-08-01', true],
    [{ id: 'e', name: 'E', role: 'attorney', actsForPerson: false }, '2024-08-01', false], // must act for the person
    [{ id: 'f', name: 'F', role: 'family', actsForPerson: false, consent: { given: true, date: '2024-01-01' } }, '2024-08-01', false],
  ];
  for (const [contact, day, expected] of cases) assert.equal(isRepresentativeInForce(contact, day), expected, `${contact.id} ${day}`);
  const contacts = [...new Map(cases.map(([c]) => [c.id, c])).values()];
  assert.deepEqual(representativesInForce(contacts, '2024-08-01').map((c) => c.id), ['a', 'd']);
});

test('communication plan in force: half-open periods, the latest start wins', () => {
  const plans: CommunicationPlan[] = mrBCaseFile().communicationPlans;
  const overlapping: CommunicationPlan = { id: 'cp3', from: '2024-11-01', route: 'direct', agreedWithPerson: true };
  const cases: [CommunicationPlan[], string, string | null][] = [
    [plans, '2024-09-19', null],
    [plans, '2024-09-20', 'cp1'],
    [plans, '2024-10-07', 'cp1'],
    [plans, '2024-10-08', 'cp2'], // cp1 ends the day cp2 begins
    [[...plans, overlapping], '2024-11-01', 'cp3'],
    [[...plans, overlapping], '2024-10-31', 'cp2'],
  ];
  for (const [list, day, id] of cases) assert.equal(communicationPlanInForce(list, day)?.id ?? null, id, day);
});
