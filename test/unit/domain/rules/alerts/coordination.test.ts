import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNotRaised, assertRaisedFrom, caseWithDuty } from './support.ts';

describe('appointment-outcome-missing', () => {
  const appointment = {
    id: 'a1',
    date: '2024-03-28',
    staffId: 'sw1',
    with: ['person'],
    purpose: 'Review visit',
  };

  test('across Easter: an appointment on Thursday 28 March 2024 is late from Wednesday 3 April', () => {
    const alert = assertRaisedFrom(
      caseWithDuty({ appointments: [appointment] }),
      'appointment-outcome-missing',
      '2024-04-03',
      { since: '2024-03-28', subjectId: 'a1', subjectKind: 'appointment' },
    );
    assert.match(alert.message, /28 March 2024/);
  });

  test('an outcome puts it right', () => {
    assertNotRaised(
      caseWithDuty({ appointments: [{ ...appointment, outcome: 'did_not_attend' }] }),
      'appointment-outcome-missing',
      '2024-04-03',
    );
  });
});

describe('meeting-not-recorded', () => {
  const meeting = {
    id: 'm1',
    dutyId: 'du1',
    date: '2024-03-08',
    status: 'planned' as const,
    kind: 'review' as const,
    invited: ['person'],
    attended: [],
  };

  test('over a weekend: a meeting on Friday 8 March 2024 is late from Tuesday 12 March', () => {
    assertRaisedFrom(caseWithDuty({ meetings: [meeting] }), 'meeting-not-recorded', '2024-03-12', {
      since: '2024-03-08',
      subjectId: 'm1',
      subjectKind: 'meeting',
    });
  });

  test('recording it as held puts it right', () => {
    assertNotRaised(
      caseWithDuty({ meetings: [{ ...meeting, status: 'held' }] }),
      'meeting-not-recorded',
      '2024-03-12',
    );
  });
});

describe('action-overdue', () => {
  const action = { id: 'ac1', text: 'Send the plan to the GP', ownerId: 'sw1', due: '2024-03-01' };

  test('raised the day after it was due', () => {
    assertRaisedFrom(caseWithDuty({ actions: [action] }), 'action-overdue', '2024-03-02', {
      since: '2024-03-01',
      subjectId: 'ac1',
      subjectKind: 'action',
    });
  });

  test('completing it, however late, puts it right', () => {
    assertNotRaised(
      caseWithDuty({ actions: [{ ...action, completedOn: '2024-03-05' }] }),
      'action-overdue',
      '2024-03-05',
    );
  });
});
