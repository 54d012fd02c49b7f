import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockState, timeLimitCheck } from '../../../../src/domain/complaints/complaint-clocks.ts';
import type { CaseFile, Complaint } from '../../../../src/domain/case-file/schema.ts';
import { computeAlerts } from '../../../../src/domain/rules/alerts/index.ts';
import { asOfView } from '../../../../src/domain/rules/as-of-view.ts';
import { defaultRulesConfig } from '../../../../src/domain/rules/config.ts';
import { mrBCaseFile } from '../coordination/mr-b.ts';

function complaint(overrides: Partial<Complaint> = {}): Complaint {
  return {
    id: 'cmp1', receivedOn: '2025-03-03', complainant: 'person', organisationIds: ['la1', 'icb1'], leadOrganisationId: 'la1',
    procedure: 'statutory_2009', points: [{ id: 'p1', text: 'Charged for aftercare', answered: false }], ...overrides,
  };
}

test('TC-18: statutory clock — acknowledge by 2025-03-06, six-month date 2025-09-03', () => {
  const clock = clockState(complaint(), '2025-03-04');
  assert.equal(clock.acknowledgementDue, '2025-03-06');
  assert.equal(clock.responseDue, '2025-09-03');
  assert.equal(clock.responseDueBasis, 'six_months');
  assert.equal(clock.state, 'awaiting_acknowledgement');
  assert.deepEqual(clock.ruleIds, ['CMP-04', 'CMP-06']);
  assert.deepEqual(clock.delayLetter, { neededAfter: '2025-09-03', needed: false });
});

test('TC-18: 12-month limit counts from when the family learnt of the charges (CMP-03)', () => {
  const check = timeLimitCheck('2025-03-03', '2023-03-31', '2025-01-20');
  assert.equal(check.inTime, true);
  assert.equal(check.countsFrom, 'came_to_notice');
  assert.equal(check.limit, '2026-01-20');
  assert.match(check.reason, /within 12 months/);
});

test('CMP-03 time limit table', () => {
  const cases: [string, string, string | undefined, boolean, string, string][] = [
    ['2025-03-03', '2023-03-31', undefined, false, 'event', '2024-03-31'],
    ['2024-03-31', '2023-03-31', undefined, true, 'event', '2024-03-31'], // the last day
    ['2024-04-01', '2023-03-31', undefined, false, 'event', '2024-03-31'],
    ['2025-02-28', '2024-02-29', undefined, true, 'event', '2025-02-28'], // leap day clamps
    ['2025-03-03', '2024-06-01', '2024-01-01', true, 'event', '2025-06-01'], // notice before event: event counts
  ];
  for (const [received, event, notice, inTime, countsFrom, limit] of cases) {
    const check = timeLimitCheck(received, event, notice);
    assert.equal(check.inTime, inTime, `${received} ${event}`);
    assert.equal(check.countsFrom, countsFrom);
    assert.equal(check.limit, limit);
  }
  assert.match(timeLimitCheck('2025-03-03', '2023-03-31').reason, /good reason for the delay/);
});

test('statutory clock states through the life of TC-18', () => {
  const cases: [Partial<Complaint>, string, string, boolean, boolean][] = [
    [{}, '2025-03-06', 'awaiting_acknowledgement', false, false], // due day itself is in time
    [{}, '2025-03-07', 'acknowledgement_overdue', true, false],
    [{ acknowledgedOn: '2025-03-05' }, '2025-03-07', 'in_time', false, false],
    [{ acknowledgedOn: '2025-03-10' }, '2025-03-07', 'acknowledgement_overdue', true, false], // not yet happened on asOf
    [{ acknowledgedOn: '2025-03-05' }, '2025-09-03', 'in_time', false, false],
    [{ acknowledgedOn: '2025-03-05' }, '2025-09-04', 'response_overdue', false, true],
    [{}, '2025-09-04', 'response_overdue', true, true], // response overdue outranks acknowledgement
    [{ acknowledgedOn: '2025-03-05', respondedOn: '2025-06-01' }, '2025-09-04', 'responded', false, false],
    [{ respondedOn: '2025-03-05' }, '2025-03-10', 'responded', true, false], // a response is not an acknowledgement
    [{ outcome: 'withdrawn' }, '2025-09-04', 'withdrawn', false, false],
    [{ acknowledgedOn: '2025-03-05', responseDue: '2025-05-30' }, '2025-06-02', 'response_overdue', false, true],
  ];
  for (const [overrides, asOf, state, ackOverdue, responseOverdue] of cases) {
    const clock = clockState(complaint(overrides), asOf);
    const label = `${JSON.stringify(overrides)} on ${asOf}`;
    assert.equal(clock.state, state, label);
    assert.equal(clock.acknowledgementOverdue, ackOverdue, label);
    assert.equal(clock.responseOverdue, responseOverdue, label);
  }
});

test('CMP-06: the delay letter follows an agreed longer period, never an earlier one', () => {
  const longer = clockState(complaint({ acknowledgedOn: '2025-03-05', responseDue: '2025-10-31' }), '2025-09-10');
  assert.equal(longer.responseDueBasis, 'agreed');
  assert.equal(longer.state, 'in_time');
  assert.deepEqual(longer.delayLetter, { neededAfter: '2025-10-31', needed: false });
  const earlier = clockState(complaint({ acknowledgedOn: '2025-03-05', responseDue: '2025-05-30' }), '2025-09-04');
  assert.deepEqual(earlier.delayLetter, { neededAfter: '2025-09-03', needed: true });
  assert.equal(earlier.daysResponseOverdue, 97);
  assert.ok(earlier.reasons.some((r) => r.includes('Write to explain the delay')));
});

test('statutory six months clamps at month ends', () => {
  const cases: [string, string][] = [
    ['2025-08-31', '2026-02-28'],
    ['2023-08-31', '2024-02-29'],
    ['2025-03-31', '2025-09-30'],
  ];
  for (const [received, due] of cases) assert.equal(clockState(complaint({ receivedOn: received }), received).responseDue, due);
});

test('statutory acknowledgement across bank holidays', () => {
  const cases: [string, string][] = [
    ['2025-04-17', '2025-04-24'], // Thursday before Easter: Good Friday and Easter Monday skipped
    ['2025-12-23', '2025-12-30'], // Christmas and Boxing Day
    ['2025-05-02', '2025-05-08'], // early May bank holiday
  ];
  for (const [received, due] of cases) assert.equal(clockState(complaint({ receivedOn: received }), received).acknowledgementDue, due, received);
});

test('corporate stage 1: 5 working days to acknowledge, 10 after acknowledgement, extension of 10 more', () => {
  const base = complaint({ procedure: 'corporate', receivedOn: '2025-04-14' });
  const before = clockState(base, '2025-04-14');
  assert.equal(before.acknowledgementDue, '2025-04-23'); // across Easter
  assert.equal(before.responseDue, '2025-05-08'); // provisional, from the due acknowledgement; 5 May skipped
  assert.equal(before.responseDueBasis, 'code_stage_1');
  assert.equal(before.delayLetter, null);
  const acknowledged = clockState({ ...base, acknowledgedOn: '2025-04-15' }, '2025-04-16');
  assert.equal(acknowledged.responseDue, '2025-05-01');
  assert.equal(acknowledged.latestExtendedResponse, '2025-05-16');
  assert.equal(acknowledged.state, 'in_time');
  const tooLong = clockState({ ...base, acknowledgedOn: '2025-04-15', responseDue: '2025-06-30' }, '2025-04-16');
  assert.equal(tooLong.responseDueBasis, 'agreed');
  assert.ok(tooLong.reasons.some((r) => r.includes('later than the Code allows')));
  assert.equal(clockState({ ...base, acknowledgedOn: '2025-04-15' }, '2025-05-02').state, 'response_overdue');
});

test('corporate stage 2: final response 20 working days after acknowledgement', () => {
  const clock = clockState(complaint({ procedure: 'corporate', receivedOn: '2025-12-19', acknowledgedOn: '2025-12-22' }), '2025-12-22', {
    corporateStage: 2,
  });
  assert.equal(clock.acknowledgementDue, '2025-12-30');
  assert.equal(clock.responseDue, '2026-01-22'); // Christmas, Boxing Day and New Year's Day skipped
  assert.equal(clock.responseDueBasis, 'code_stage_2');
  assert.equal(clock.latestExtendedResponse, null);
});

test('other procedures: no acknowledgement clock, response by the agreed date or in 6 months', () => {
  const none = clockState(complaint({ procedure: 'other' }), '2025-09-03');
  assert.equal(none.state, 'in_time');
  assert.equal(none.acknowledgementDue, null);
  assert.equal(none.responseDue, '2025-09-03');
  assert.equal(none.responseDueBasis, 'six_months');
  assert.equal(none.delayLetter, null);
  assert.equal(clockState(complaint({ procedure: 'other' }), '2025-09-04').state, 'response_overdue');
  const agreed = clockState(complaint({ procedure: 'other', responseDue: '2025-04-01' }), '2025-04-02');
  assert.equal(agreed.state, 'response_overdue');
  assert.equal(agreed.daysResponseOverdue, 1);
});

test('statutory and other clocks agree with complaint-not-acknowledged and complaint-response-overdue', () => {
  const complaints: Complaint[] = [
    complaint({ id: 'a' }),
    complaint({ id: 'b', acknowledgedOn: '2025-03-05' }),
    complaint({ id: 'c', acknowledgedOn: '2025-03-10', responseDue: '2025-05-30' }),
    complaint({ id: 'd', acknowledgedOn: '2025-03-05', respondedOn: '2025-09-10' }),
    complaint({ id: 'e', procedure: 'other' }),
    complaint({ id: 'f', outcome: 'withdrawn' }),
    complaint({ id: 'g', receivedOn: '2025-04-17' }),
  ];
  const file: CaseFile = { ...mrBCaseFile(), decisions: [], complaints };
  for (const asOf of ['2025-03-06', '2025-03-07', '2025-03-10', '2025-04-24', '2025-04-25', '2025-05-30', '2025-05-31', '2025-09-03', '2025-09-04', '2025-09-10', '2025-10-18']) {
    const alerts = computeAlerts(asOfView(file, asOf), asOf, { duties: [], flags: [] }, defaultRulesConfig);
    for (const c of complaints.filter((c) => c.receivedOn <= asOf)) {
      const clock = clockState(c, asOf);
      const raised = (id: string) => alerts.some((a) => a.id === id && a.subject.id === c.id);
      assert.equal(clock.acknowledgementOverdue, raised('complaint-not-acknowledged'), `${c.id} acknowledgement on ${asOf}`);
      assert.equal(clock.responseOverdue, raised('complaint-response-overdue'), `${c.id} response on ${asOf}`);
    }
  }
});
