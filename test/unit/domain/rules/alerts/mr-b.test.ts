/**
 * End to end through `evaluate` (as-of view, law engine, alerts) on Mr B's case from the reference decision
 * (LGSCO 24 014 179, Worcestershire): each failure the Ombudsman describes raises its alert on the date it
 * happened, not the day before, and a letter to Mr B and his representative puts the decision alerts right.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { addDays } from '../../../../../src/domain/calendar/civil-date.ts';
import { validateCaseFile } from '../../../../../src/domain/case-file/validate.ts';
import { asOfView } from '../../../../../src/domain/rules/as-of-view.ts';
import { computeAlerts } from '../../../../../src/domain/rules/alerts/index.ts';
import { defaultRulesConfig } from '../../../../../src/domain/rules/config.ts';
import { evaluate } from '../../../../../src/domain/rules/evaluate.ts';

function mrB() {
  const result = validateCaseFile(
    JSON.parse(readFileSync(new URL('../../../../fixtures/alerts/mr-b.json', import.meta.url), 'utf8')),
  );
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  return result.caseFile;
}

const expected: [firstRaisedOn: string, id: string, subjectId: string, since: string][] = [
  ['2024-03-19', 'panel-repeat-rejection', 'pr2', '2024-03-19'],
  ['2024-04-25', 'unsettled-accommodation', 'du1', '2024-03-28'],
  ['2024-05-16', 'assessed-need-unmet', 'n-housing', '2024-05-16'],
  ['2024-06-24', 'placement-refusals-unresolved', 'du1', '2024-06-24'],
  ['2024-10-03', 'appointment-outcome-missing', 'ap-rep', '2024-10-01'],
  ['2024-10-15', 'decision-not-communicated', 'd-oct', '2024-10-08'],
  ['2024-10-15', 'decision-not-shared-with-representative', 'd-oct', '2024-10-08'],
  ['2024-11-27', 'communication-arrangement-stale', 'cmp-charity2', '2024-11-12'],
  ['2024-12-19', 'no-contact-with-person', 'du1', '2024-09-20'],
  ['2025-06-26', 'no-allocated-worker', 'du1', '2025-06-20'],
  ['2025-10-02', 'ombudsman-remedy-overdue', 'r-apology', '2025-10-01'],
];

describe("Mr B's case, evaluated day by day", () => {
  const file = mrB();
  const find = (asOf: string, id: string, subjectId: string) =>
    evaluate(file, asOf).alerts.find((alert) => alert.id === id && alert.subject.id === subjectId);

  for (const [on, id, subjectId, since] of expected) {
    test(`${id} about ${subjectId} is raised on ${on}, since ${since}`, () => {
      assert.equal(find(addDays(on, -1), id, subjectId), undefined, `not yet on ${addDays(on, -1)}`);
      const alert = find(on, id, subjectId);
      assert.ok(alert, `raised on ${on}`);
      assert.equal(alert.since, since);
    });
  }

  test('the decision alerts name the decision and its date in plain English', () => {
    const alert = find('2024-10-15', 'decision-not-communicated', 'd-oct');
    assert.equal(
      alert?.message,
      'Decision d-oct of 8 October 2024 changes how Mr B is contacted but has not been sent to them or a representative acting for them.',
    );
  });

  test('the letter of 6 October 2025 to Mr B and his representative puts the decision alerts and the apology right', () => {
    const ids = (asOf: string) =>
      evaluate(file, asOf).alerts.map((alert) => `${alert.id}/${alert.subject.id}`);
    for (const key of [
      'decision-not-communicated/d-oct',
      'decision-not-shared-with-representative/d-oct',
      'ombudsman-remedy-overdue/r-apology',
    ]) {
      assert.ok(ids('2025-10-05').includes(key), `${key} on 5 October`);
      assert.ok(!ids('2025-10-06').includes(key), `${key} gone on 6 October`);
    }
    assert.ok(ids('2025-10-06').includes('ombudsman-remedy-overdue/r-meeting'));
  });

  test('the evaluation is sorted by since, id and subject', () => {
    const alerts = evaluate(file, '2025-10-02').alerts;
    const keys = alerts.map((alert) => `${alert.since} ${alert.id} ${alert.subject.id}`);
    assert.deepEqual(keys, [...keys].sort());
  });

  test('the rules compare every date with asOf themselves: the whole file gives the same alerts as the as-of view', () => {
    const key = (alert: { since: string; id: string; subject: { id: string }; message: string }) =>
      `${alert.since} ${alert.id} ${alert.subject.id} ${alert.message}`;
    for (let asOf = '2023-11-01'; asOf <= '2025-11-01'; asOf = addDays(asOf, 5)) {
      const law = { duties: evaluate(file, asOf).duties, flags: [] };
      const fromView = computeAlerts(asOfView(file, asOf), asOf, law, defaultRulesConfig).map(key).sort();
      const fromFile = computeAlerts(file, asOf, law, defaultRulesConfig).map(key).sort();
      assert.deepEqual(fromFile, fromView, asOf);
    }
  });
});
