import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whoHasBeenTold } from '../../../../src/domain/coordination/who-has-been-told.ts';
import type { CaseFile, Decision } from '../../../../src/domain/case-file/schema.ts';
import { computeAlerts } from '../../../../src/domain/rules/alerts/index.ts';
import { asOfView } from '../../../../src/domain/rules/as-of-view.ts';
import { defaultRulesConfig } from '../../../../src/domain/rules/config.ts';
import { mrBCaseFile } from './mr-b.ts';

const file = mrBCaseFile();
const decision = (id: string): Decision => file.decisions.find((d) => d.id === id) as Decision;
const summary = (f: CaseFile, id: string, asOf: string) =>
  whoHasBeenTold(f.decisions.find((d) => d.id === id) as Decision, f, asOf)?.addressees.map((a) => [a.ref, a.state, a.reachedBy?.communicationId ?? null]);

test('Mr B: the decision to talk to him only through charity 2 reached neither him nor his representative', () => {
  const before = whoHasBeenTold(decision('d-oct'), file, '2024-10-14');
  assert.ok(before);
  assert.equal(before.due, '2024-10-15');
  assert.deepEqual(summary(file, 'd-oct', '2024-10-14'), [['person', 'waiting', null], ['c-rep', 'waiting', null]]);
  assert.equal(before.notCommunicated, false);

  const after = whoHasBeenTold(decision('d-oct'), file, '2024-10-15');
  assert.ok(after);
  // Telling charity 2's worker (k1) does not count: the new route cannot carry news of itself.
  assert.deepEqual(summary(file, 'd-oct', '2024-10-15'), [['person', 'overdue', null], ['c-rep', 'overdue', null]]);
  assert.equal(after.notCommunicated, true);
  assert.equal(after.notSharedWithRepresentative, true);
  assert.equal(after.addressees[0]?.viaContactId, null);
  assert.match(after.addressees[0]?.reason ?? '', /changes how the person is contacted/);

  // The remedy letter a year later clears both (late is still cleared).
  const remedied = whoHasBeenTold(decision('d-oct'), file, '2025-10-01');
  assert.deepEqual(summary(file, 'd-oct', '2025-10-01'), [['person', 'reached', 'k3'], ['c-rep', 'reached', 'k3']]);
  assert.equal(remedied?.notCommunicated, false);
});

test('Mr B: a later decision routed through charity 2 reaches him, but not his representative', () => {
  const told = whoHasBeenTold(decision('d-sw'), file, '2024-10-28');
  assert.ok(told);
  assert.equal(told.due, '2024-10-28');
  assert.deepEqual(summary(file, 'd-sw', '2024-10-28'), [['person', 'reached', 'k2'], ['c-rep', 'overdue', null]]); // k0 is inbound
  assert.equal(told.addressees[0]?.viaContactId, 'c-charity2');
  assert.equal(told.addressees[0]?.reason, "Told on 2024-10-22 through Charity 2's worker.");
  assert.equal(told.notCommunicated, false);
  assert.equal(told.notSharedWithRepresentative, true);
  assert.equal(whoHasBeenTold(decision('d-sw'), file, '2024-10-25')?.addressees[1]?.reason, 'Not told yet. Tell them before 2024-10-28. They act for the person.');
});

test('decisions that do not affect the person, or lie after asOf, have nobody to tell', () => {
  assert.equal(whoHasBeenTold(decision('d-internal'), file, '2025-01-01'), null);
  assert.equal(whoHasBeenTold(decision('d-sw'), file, '2024-10-20'), null);
});

test('representatives in force on the decision date: consent by then, or a deputy or attorney', () => {
  const variant: CaseFile = {
    ...file,
    contacts: [
      ...file.contacts,
      { id: 'c-deputy', name: 'Property and affairs deputy', role: 'deputy', actsForPerson: true },
      { id: 'c-late', name: 'Sister', role: 'family', actsForPerson: true, consent: { given: true, date: '2024-10-22' } },
      { id: 'c-refused', name: 'Brother', role: 'family', actsForPerson: true, consent: { given: false, date: '2024-01-01' } },
    ],
    communicationPlans: [],
    communications: [{ id: 'k9', date: '2024-10-21', direction: 'outbound', channel: 'letter', with: ['person', 'c-deputy'], aboutDecisionIds: ['d-sw'], summary: 'Letter' }],
  };
  assert.deepEqual(summary(variant, 'd-sw', '2024-10-28'), [['person', 'reached', 'k9'], ['c-rep', 'overdue', null], ['c-deputy', 'reached', 'k9']]);
});

test('a communication_arrangement decision is cleared by telling a representative in force', () => {
  const variant: CaseFile = {
    ...file,
    communications: [{ id: 'k5', date: '2024-10-10', direction: 'outbound', channel: 'phone', with: ['c-rep'], aboutDecisionIds: ['d-oct'], summary: 'Call' }],
  };
  assert.deepEqual(summary(variant, 'd-oct', '2024-10-15'), [['person', 'reached', 'k5'], ['c-rep', 'reached', 'k5']]);
  assert.equal(whoHasBeenTold(decision('d-oct'), variant, '2024-10-15')?.addressees[0]?.reason, "Told on 2024-10-10 through Mr B's representative.");
});

test('agrees with the alert engine on every date of the timeline', () => {
  const dates = ['2024-10-14', '2024-10-15', '2024-10-25', '2024-10-28', '2025-09-30', '2025-10-01'];
  for (const asOf of dates) {
    const alerts = computeAlerts(asOfView(file, asOf), asOf, { duties: [], flags: [] }, defaultRulesConfig);
    for (const d of file.decisions) {
      const told = whoHasBeenTold(d, file, asOf);
      const raised = (id: string) => alerts.some((a) => a.id === id && a.subject.id === d.id);
      assert.equal(told?.notCommunicated ?? false, raised('decision-not-communicated'), `${d.id} not communicated on ${asOf}`);
      assert.equal(told?.notSharedWithRepresentative ?? false, raised('decision-not-shared-with-representative'), `${d.id} not shared on ${asOf}`);
    }
  }
});
