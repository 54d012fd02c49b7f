import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Duty, EndingDecision } from '../../../../../src/domain/case-file/schema.ts';
import { alertsOn, assertNotRaised, assertRaisedFrom, caseWithDuty } from './support.ts';

const properEnding: EndingDecision = {
  localAuthoritySignOff: { staffId: 'sw1', date: '2024-06-03' },
  healthBodySignOff: { staffId: 'hb1', date: '2024-06-03' },
  grounds: ['needs_no_longer_arise'],
  personInvolved: true,
  writtenReasonsSentOn: '2024-06-05',
};
const ended = (ending: Partial<EndingDecision> | null, overrides: Partial<Duty> = {}) =>
  caseWithDuty(
    {},
    {
      end: '2024-06-03',
      endReason: 'joint_decision',
      ...(ending ? { ending: { ...properEnding, ...ending } } : {}),
      ...overrides,
    },
  );

describe('a proper joint ending raises no ending alert', () => {
  test('none of the four', () => {
    for (const id of [
      'ended-without-joint-decision',
      'ended-on-improper-grounds',
      'ended-during-cto',
      'ended-without-involving-person',
    ]) {
      assertNotRaised(ended({}), id, '2024-07-01');
    }
  });
});

describe('ended-without-joint-decision', () => {
  test('raised from the end when the health body has not signed off', () => {
    const alert = assertRaisedFrom(
      ended({ healthBodySignOff: undefined }),
      'ended-without-joint-decision',
      '2024-06-03',
      { since: '2024-06-03', subjectId: 'du1', subjectKind: 'duty' },
    );
    assert.match(alert.message, /the health body/);
  });

  test('a sign-off dated after asOf counts as absent; redetention and death are not decisions', () => {
    const late = ended({ healthBodySignOff: { staffId: 'hb1', date: '2024-06-10' } });
    assert.equal(alertsOn(late, '2024-06-09', 'ended-without-joint-decision').length, 1);
    assertNotRaised(late, 'ended-without-joint-decision', '2024-06-10');
    assertNotRaised(ended(null, { endReason: 'redetained' }), 'ended-without-joint-decision', '2024-07-01');
  });
});

describe('ended-on-improper-grounds', () => {
  test('raised from the end when the only ground is disengagement', () => {
    assertRaisedFrom(ended({ grounds: ['disengaged'] }), 'ended-on-improper-grounds', '2024-06-03', {
      since: '2024-06-03',
      subjectId: 'du1',
    });
  });

  test('an ending with no ending record has no grounds', () => {
    assert.equal(
      alertsOn(ended(null, { endReason: 'other' }), '2024-07-01', 'ended-on-improper-grounds').length,
      1,
    );
  });
});

describe('ended-during-cto', () => {
  const cto = { id: 'ct1', detentionId: 'de1', start: '2024-01-08' };

  test('raised from the end when a CTO of its detention was in force', () => {
    assertRaisedFrom({ ...ended({}), ctos: [cto] }, 'ended-during-cto', '2024-06-03', {
      since: '2024-06-03',
      subjectId: 'du1',
    });
  });

  test('a CTO that ended on or before the end date is not in force', () => {
    assertNotRaised(
      { ...ended({}), ctos: [{ ...cto, end: '2024-06-03' }] },
      'ended-during-cto',
      '2024-07-01',
    );
  });
});

describe('ended-without-involving-person', () => {
  test('no written reasons: raised from the 11th working day after the end', () => {
    // Monday 3 June 2024: the 11th working day after is Tuesday 18 June.
    assertRaisedFrom(
      ended({ writtenReasonsSentOn: undefined }),
      'ended-without-involving-person',
      '2024-06-18',
      { since: '2024-06-03', subjectId: 'du1' },
    );
  });

  test('late written reasons still put it right', () => {
    assertNotRaised(
      ended({ writtenReasonsSentOn: '2024-06-20' }),
      'ended-without-involving-person',
      '2024-06-20',
    );
  });

  test('the person not involved: raised from the end itself', () => {
    assertRaisedFrom(ended({ personInvolved: false }), 'ended-without-involving-person', '2024-06-03', {
      since: '2024-06-03',
      subjectId: 'du1',
    });
  });
});
