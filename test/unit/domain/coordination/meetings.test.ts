import { test } from 'node:test';
import assert from 'node:assert/strict';
import { absentInvitees, cancelMeeting, meetingNotRecorded, recordMeetingHeld } from '../../../../src/domain/coordination/meetings.ts';
import type { CaseFile, Meeting } from '../../../../src/domain/case-file/schema.ts';
import { computeAlerts } from '../../../../src/domain/rules/alerts/index.ts';
import { asOfView } from '../../../../src/domain/rules/as-of-view.ts';
import { defaultRulesConfig } from '../../../../src/domain/rules/config.ts';
import { mrBCaseFile } from './mr-b.ts';

// Reference decision: the multi-disciplinary meeting of 8 October 2024 that decided to talk to Mr B only
// through charity 2's worker. Mr B and his representative were not there.
const october: Meeting = {
  id: 'm-oct', dutyId: 'du1', date: '2024-10-08', status: 'planned', kind: 'mdt',
  invited: ['sw1', 'charity2-worker', 'chips'], attended: [],
};

test('planned → held with attendance and minutes', () => {
  const result = recordMeetingHeld(october, {
    attended: ['sw1', 'charity2-worker', 'housing', 'sw1'],
    minutes: ' Communication with Mr B to continue via charity 2 worker. ',
    today: '2024-10-09',
  });
  assert.ok(result.ok);
  assert.equal(result.meeting.status, 'held');
  assert.deepEqual(result.meeting.attended, ['sw1', 'charity2-worker', 'housing']);
  assert.deepEqual(result.meeting.invited, ['sw1', 'charity2-worker', 'chips', 'housing']);
  assert.equal(result.meeting.minutes, 'Communication with Mr B to continue via charity 2 worker.');
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(absentInvitees(result.meeting), ['chips']);
});

test('the person invited but absent is flagged', () => {
  const result = recordMeetingHeld({ ...october, invited: ['person', 'sw1'] }, { attended: ['sw1'], minutes: 'Notes', today: '2024-10-08' });
  assert.ok(result.ok);
  assert.deepEqual(result.warnings, ['The person was invited but did not attend. Tell them what was decided.']);
});

test('refusals', () => {
  const cases: [Meeting, { attended: string[]; minutes: string; today: string }, string[]][] = [
    [october, { attended: [], minutes: '  ', today: '2024-10-07' }, [
      'This meeting is on 2024-10-08. Record it once it has taken place.',
      'Select who attended.',
      'Enter the minutes of the meeting.',
    ]],
    [{ ...october, status: 'held' }, { attended: ['sw1'], minutes: 'x', today: '2024-10-09' }, ['This meeting has already been recorded as held.']],
    [{ ...october, status: 'cancelled' }, { attended: ['sw1'], minutes: 'x', today: '2024-10-09' }, ['This meeting was cancelled. Plan a new meeting instead.']],
  ];
  for (const [meeting, record, refusals] of cases) {
    const result = recordMeetingHeld(meeting, record);
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual(result.refusals, refusals);
  }
});

test('planned → cancelled, and not after', () => {
  const cancelled = cancelMeeting(october);
  assert.ok(cancelled.ok);
  assert.equal(cancelled.meeting.status, 'cancelled');
  const again = cancelMeeting(cancelled.meeting);
  assert.deepEqual(again, { ok: false, refusals: ['This meeting was cancelled. Plan a new meeting instead.'] });
  assert.deepEqual(cancelMeeting({ ...october, status: 'held' }), { ok: false, refusals: ['This meeting has already been recorded as held.'] });
  assert.deepEqual(absentInvitees(october), []);
});

test('meeting-not-recorded from the 2nd working day after the meeting', () => {
  const cases: [Meeting, string, boolean][] = [
    [october, '2024-10-09', false],
    [october, '2024-10-10', true], // Tuesday 8th + 2 working days
    [{ ...october, date: '2024-12-24' }, '2024-12-30', true], // Christmas and Boxing Day skipped: 30th is the 2nd
    [{ ...october, date: '2024-12-24' }, '2024-12-27', false],
    [{ ...october, date: '2024-10-11' }, '2024-10-14', false], // Friday: Monday is only the 1st
    [{ ...october, status: 'held' }, '2025-01-01', false],
    [{ ...october, status: 'cancelled' }, '2025-01-01', false],
  ];
  for (const [meeting, asOf, expected] of cases) assert.equal(meetingNotRecorded(meeting, asOf), expected, `${meeting.date} ${asOf}`);
});

test('meetingNotRecorded agrees with meeting-not-recorded', () => {
  const meetings: Meeting[] = [
    october,
    { ...october, id: 'm-xmas', date: '2024-12-24' },
    { ...october, id: 'm-held', status: 'held', attended: ['sw1'], minutes: 'x' },
  ];
  const file: CaseFile = { ...mrBCaseFile(), decisions: [], meetings };
  for (const asOf of ['2024-10-08', '2024-10-09', '2024-10-10', '2024-12-27', '2024-12-30']) {
    const alerts = computeAlerts(asOfView(file, asOf), asOf, { duties: [], flags: [] }, defaultRulesConfig);
    for (const meeting of meetings.filter((m) => m.date <= asOf)) {
      const raised = alerts.some((a) => a.id === 'meeting-not-recorded' && a.subject.id === meeting.id);
      assert.equal(meetingNotRecorded(meeting, asOf), raised, `${meeting.id} on ${asOf}`);
    }
  }
});
