/**
 * The reference decision (LGSCO 24 014 179, Worcestershire, "Mr B") raises, on the dates its events
 * happened, every alert the catalogue's last paragraph names (../shared/domain/alert-rules.md). The expected
 * dates are worked out by hand from the catalogue's rules and written as literals; bank holidays checked:
 * none fall in the working-day windows used (6 May 2024 and 26 May 2025 are outside them).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { referenceCaseFile } from '../../../../src/demo/reference-case.ts';
import { validateCaseFile } from '../../../../src/domain/case-file/validate.ts';
import { evaluate } from '../../../../src/domain/rules/evaluate.ts';
import type { Alert } from '../../../../src/domain/rules/evaluation.ts';

const fixture = new URL('../../../fixtures/reference/lgsco-24-014-179.json', import.meta.url);

function alertsOn(asOf: string): Alert[] {
  return evaluate(referenceCaseFile(), asOf).alerts;
}

function find(alerts: Alert[], id: string, subjectId: string): Alert | undefined {
  return alerts.find((alert) => alert.id === id && alert.subject.id === subjectId);
}

interface Expectation {
  id: string;
  subject: { kind: string; id: string };
  since: string;
  /** First day the alert holds. */
  raisedOn: string;
  /** The day before, when it must not (yet) hold. */
  notOn: string;
  why: string;
}

const expectations: Expectation[] = [
  // 8 Oct 2024 (Tue) + 5 working days: 9, 10, 11, 14, 15 Oct → raised 15 Oct 2024; since the decision date.
  { id: 'decision-not-communicated', subject: { kind: 'decision', id: 'dec-via-charity2' }, since: '2024-10-08', raisedOn: '2024-10-15', notOn: '2024-10-14', why: 'nobody told Mr B of the October 2024 decision' },
  // Same decision and window; the representative (consent 1 Aug 2024) was in force on 8 Oct 2024 and never told.
  { id: 'decision-not-shared-with-representative', subject: { kind: 'decision', id: 'dec-via-charity2' }, since: '2024-10-08', raisedOn: '2024-10-15', notOn: '2024-10-14', why: 'nor his representative' },
  // Premise failed Mon 2 Dec 2024; 10th working day after: 3,4,5,6,9,10,11,12,13,16 Dec → raised when asOf is after 16 Dec.
  { id: 'communication-arrangement-stale', subject: { kind: 'communicationPlan', id: 'cpl-via-charity2' }, since: '2024-12-02', raisedOn: '2024-12-17', notOn: '2024-12-16', why: 'the charity 2 route was not reviewed when the move fell through' },
  // Unsettled run from the eviction to temporary accommodation, 14 Jul 2023; 14 Jul + 28 days = 11 Aug 2023.
  { id: 'unsettled-accommodation', subject: { kind: 'duty', id: 'du-1' }, since: '2023-07-14', raisedOn: '2023-08-11', notOn: '2023-08-10', why: 'temporary accommodation and the street after the eviction' },
  // April 2024 plan agreed 16 Apr 2024; + 28 days = 14 May 2024; no service ever listed the accommodation need.
  { id: 'assessed-need-unmet', subject: { kind: 'need', id: 'n-apr-accommodation' }, since: '2024-05-14', raisedOn: '2024-05-14', notOn: '2024-05-13', why: 'the specialised 24-hour accommodation in the care plan' },
  // Resubmission of 19 Mar 2024 rejected 21 Mar 2024, its original rejected 14 Dec 2023: raised on the second rejection.
  { id: 'panel-repeat-rejection', subject: { kind: 'panelRequest', id: 'pr-agency1-again' }, since: '2024-03-21', raisedOn: '2024-03-21', notOn: '2024-03-20', why: 'the panel refused agency 1 twice' },
  // Refusals on 16 May, 20 Jun and 18 Jul 2024 span 63 days (<= 90), none accepted, he was sleeping rough: since the third.
  { id: 'placement-refusals-unresolved', subject: { kind: 'duty', id: 'du-1' }, since: '2024-07-18', raisedOn: '2024-07-18', notOn: '2024-07-17', why: 'agencies declined him one after another' },
  // Appointment Tue 15 Oct 2024 with no outcome; 2nd working day after: 16, 17 Oct → raised 17 Oct 2024.
  { id: 'appointment-outcome-missing', subject: { kind: 'appointment', id: 'apt-representative' }, since: '2024-10-15', raisedOn: '2024-10-17', notOn: '2024-10-16', why: 'the appointment the social worker is said to have missed' },
  // Last allocation to 20 Jun 2025, so D = Thu 19 Jun; 5th working day after: 20, 23, 24, 25, 26 Jun → raised 26 Jun; since D + 1.
  { id: 'no-allocated-worker', subject: { kind: 'duty', id: 'du-1' }, since: '2025-06-20', raisedOn: '2025-06-26', notOn: '2025-06-25', why: 'no allocated worker after June 2025' },
  // Last contact with Mr B 3 May 2024; 3 May + 90 days = 1 Aug 2024 (28 + 30 + 31 + 1).
  { id: 'no-contact-with-person', subject: { kind: 'duty', id: 'du-1' }, since: '2024-05-03', raisedOn: '2024-08-01', notOn: '2024-07-31', why: 'no contact with him after May 2024' },
  // Final decision 10 Sep 2025, remedies due within one month: due 10 Oct 2025, overdue once that date has passed (11 Oct).
  { id: 'ombudsman-remedy-overdue', subject: { kind: 'remedy', id: 'rem-apology' }, since: '2025-10-10', raisedOn: '2025-10-11', notOn: '2025-10-10', why: 'the written apology' },
  { id: 'ombudsman-remedy-overdue', subject: { kind: 'remedy', id: 'rem-meeting-assessment' }, since: '2025-10-10', raisedOn: '2025-10-11', notOn: '2025-10-10', why: 'the offer of a meeting and assessment' },
  { id: 'ombudsman-remedy-overdue', subject: { kind: 'remedy', id: 'rem-representative' }, since: '2025-10-10', raisedOn: '2025-10-11', notOn: '2025-10-10', why: 'the offer to communicate via his representative' },
];

describe('reference decision LGSCO 24 014 179 (Mr B)', () => {
  it('is a valid case file, identical to the committed fixture', () => {
    const file = referenceCaseFile();
    assert.ok(validateCaseFile(file).ok);
    assert.deepEqual(JSON.parse(readFileSync(fixture, 'utf8')), file, 'run: node src/demo/write-reference-fixture.ts');
    assert.match(file.person.nhsNumber ?? '', /^999/);
  });

  it('gives the duty to Worcestershire County Council and the ICB, as the Ombudsman found, with no mismatch', () => {
    const evaluation = evaluate(referenceCaseFile(), '2024-10-15');
    assert.equal(evaluation.entitled, true);
    assert.deepEqual(
      evaluation.duties.map((duty) => [duty.detentionId, duty.start, duty.localAuthority.organisationId, duty.healthBody.organisationId]),
      [['det-s3', '2022-11-18', 'org-worcestershire', 'org-icb-qgh']],
    );
    assert.ok(!evaluation.alerts.some((alert) => alert.id.startsWith('responsible-')));
  });

  for (const expected of expectations) {
    it(`raises ${expected.id} on ${expected.subject.id} from ${expected.raisedOn}: ${expected.why}`, () => {
      const alert = find(alertsOn(expected.raisedOn), expected.id, expected.subject.id);
      assert.ok(alert, `${expected.id} on ${expected.subject.id} missing on ${expected.raisedOn}`);
      assert.deepEqual(alert.subject, expected.subject);
      assert.equal(alert.since, expected.since);
      assert.ok(alert.message.length > 0);
      assert.equal(find(alertsOn(expected.notOn), expected.id, expected.subject.id), undefined, `${expected.id} already raised on ${expected.notOn}`);
    });
  }

  it('raises every alert the catalogue names for the reference decision', () => {
    const named = [
      'decision-not-communicated', 'decision-not-shared-with-representative', 'communication-arrangement-stale', 'unsettled-accommodation',
      'assessed-need-unmet', 'panel-repeat-rejection', 'placement-refusals-unresolved', 'appointment-outcome-missing', 'no-allocated-worker',
      'no-contact-with-person', 'ombudsman-remedy-overdue',
    ];
    assert.deepEqual([...new Set(expectations.map((e) => e.id))].sort(), [...named].sort());
  });

  it('stops assessed-need-unmet for the April need once the May plan is in force, and raises it for the May need 28 days later', () => {
    // May plan agreed 24 May 2024; + 28 days = 21 Jun 2024.
    assert.equal(find(alertsOn('2024-05-24'), 'assessed-need-unmet', 'n-apr-accommodation'), undefined);
    assert.equal(find(alertsOn('2024-06-20'), 'assessed-need-unmet', 'n-may-accommodation'), undefined);
    assert.equal(find(alertsOn('2024-06-21'), 'assessed-need-unmet', 'n-may-accommodation')?.since, '2024-06-21');
  });

  it('clears unsettled-accommodation while he lived in charity 2 accommodation, and raises it again 28 days after it broke down', () => {
    assert.equal(find(alertsOn('2025-03-20'), 'unsettled-accommodation', 'du-1'), undefined);
    // Broke down 9 Jun 2025; + 28 days = 7 Jul 2025.
    assert.equal(find(alertsOn('2025-07-06'), 'unsettled-accommodation', 'du-1'), undefined);
    assert.equal(find(alertsOn('2025-07-07'), 'unsettled-accommodation', 'du-1')?.since, '2025-06-09');
  });
});
