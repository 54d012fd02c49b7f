import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../../../src/domain/rules/evaluate.ts';
import { defaultRulesConfig } from '../../../../src/domain/rules/config.ts';
import type { CaseFile } from '../../../../src/domain/case-file/schema.ts';
import { validCaseFile } from '../case-file/valid-case-file.ts';

/** A file with a qualifying detention, no duty on the register and loose ends, so there is plenty to report. */
function busyCaseFile(): CaseFile {
  const file = validCaseFile();
  file.duties = [];
  file.disputes = [];
  file.allocations = [];
  file.carePlans = [];
  file.services = [];
  file.charges = [];
  file.paymentOffers = [];
  file.panelRequests = [];
  file.placementSearches = [];
  file.communicationPlans = [];
  file.communications = [];
  file.decisions = [{ id: 'dec1', date: '2024-07-01', text: 'Move to a new flat', kind: 'placement', affectsPerson: true }];
  file.actions = [
    { id: 'a2', text: 'Book a review', ownerId: 'st1', due: '2024-07-10' },
    { id: 'a1', text: 'Write to the person', ownerId: 'st1', due: '2024-07-10' },
  ];
  file.appointments = [{ id: 'ap1', date: '2024-07-02', staffId: 'st1', with: ['person'] }];
  file.meetings = [{ id: 'm1', date: '2024-07-02', status: 'planned', kind: 'planning', invited: ['person'], attended: [] }];
  return file;
}

test('the output keys come in the contract\'s order', () => {
  const evaluation = evaluate(busyCaseFile(), '2024-09-01');
  assert.deepEqual(Object.keys(evaluation), ['schema', 'asOf', 'entitled', 'duties', 'flags', 'alerts']);
  assert.equal(evaluation.schema, 'aftercare.evaluation/v1');
  assert.equal(evaluation.asOf, '2024-09-01');
  for (const duty of evaluation.duties) {
    const keys = Object.keys(duty).filter((k) => k !== 'end' && k !== 'endReason');
    assert.deepEqual(keys, ['detentionId', 'start', 'localAuthority', 'healthBody', 'flags']);
    assert.deepEqual(Object.keys(duty.localAuthority), ['organisationId', 'ruleIds', 'reasons']);
    assert.deepEqual(Object.keys(duty.healthBody), ['organisationId', 'ruleIds', 'reasons']);
  }
  assert.ok(evaluation.alerts.length > 0);
  for (const alert of evaluation.alerts) {
    assert.deepEqual(Object.keys(alert), ['id', 'severity', 'since', 'subject', 'message']);
    assert.deepEqual(Object.keys(alert.subject), ['kind', 'id']);
  }
});

test('the law\'s duty from the s3 gives entitlement once the person has left hospital', () => {
  const evaluation = evaluate(busyCaseFile(), '2024-09-01');
  assert.equal(evaluation.entitled, true);
  assert.deepEqual(evaluation.duties.map((d) => [d.detentionId, d.start]), [['d2', '2024-06-03']]);
  assert.ok(evaluation.alerts.some((a) => a.id === 'entitlement-not-registered' && a.subject.id === 'd2'));
});

test('evaluated before the person left hospital, using the file as it stood then', () => {
  assert.equal(evaluate(busyCaseFile(), '2024-06-02').entitled, false);
  assert.equal(evaluate(busyCaseFile(), '2024-03-01').entitled, false);
  assert.deepEqual(evaluate(busyCaseFile(), '2024-03-01').alerts.filter((a) => a.id === 'action-overdue'), []);
});

test('alerts are sorted by since, then id, then subject id; flags sorted and unique', () => {
  const evaluation = evaluate(busyCaseFile(), '2024-09-01');
  const keys = evaluation.alerts.map((a) => [a.since, a.id, a.subject.id].join('|'));
  assert.deepEqual(keys, [...keys].sort());
  const overdue = evaluation.alerts.filter((a) => a.id === 'action-overdue').map((a) => a.subject.id);
  assert.deepEqual(overdue, ['a1', 'a2']);
  for (const flags of [evaluation.flags, ...evaluation.duties.map((d) => d.flags)]) {
    assert.deepEqual(flags, [...new Set(flags)].sort());
  }
});

test('the same file and date give byte-for-byte the same JSON, whatever the order of independent records', () => {
  const first = JSON.stringify(evaluate(busyCaseFile(), '2024-09-01'), null, 2);
  const reordered = busyCaseFile();
  reordered.actions.reverse();
  reordered.organisations.reverse();
  reordered.staff.reverse();
  assert.equal(JSON.stringify(evaluate(busyCaseFile(), '2024-09-01'), null, 2), first);
  assert.equal(JSON.stringify(evaluate(reordered, '2024-09-01'), null, 2), first);
});

test('the default configuration is used unless another is given', () => {
  assert.deepEqual(evaluate(busyCaseFile(), '2024-09-01'), evaluate(busyCaseFile(), '2024-09-01', defaultRulesConfig));
});

test('the input case file is not modified', () => {
  const file = busyCaseFile();
  evaluate(file, '2024-06-02');
  assert.deepEqual(file, busyCaseFile());
});
