import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  alertsOn,
  assertNotRaised,
  assertRaisedFrom,
  caseWithDuty,
  detention,
  emptyCaseFile,
  lawDuty,
  lawOf,
} from './support.ts';

describe('entitlement-not-registered', () => {
  const file = emptyCaseFile({ detentions: [detention()] });
  const law = lawOf(lawDuty({ start: '2024-01-08' }));

  test('is raised from the start of the duty the law gives, about the detention', () => {
    const alert = assertRaisedFrom(
      file,
      'entitlement-not-registered',
      '2024-01-08',
      { since: '2024-01-08', subjectId: 'de1', subjectKind: 'detention' },
      { law },
    );
    assert.match(alert.message, /8 January 2024/);
    assert.match(alert.message, /section 3 detention de1/);
  });

  test('stops once a duty for that detention is on the register', () => {
    assertNotRaised(caseWithDuty(), 'entitlement-not-registered', '2024-03-01', { law });
  });

  test('is not raised when the law gives no duty', () => {
    assertNotRaised(file, 'entitlement-not-registered', '2024-03-01', { law: lawOf() });
  });
});

describe('duty-without-qualifying-detention', () => {
  const file = caseWithDuty({ detentions: [detention({ section: '2' })] });

  test('is raised from the duty start for a duty resting on a section 2 detention', () => {
    const alert = assertRaisedFrom(file, 'duty-without-qualifying-detention', '2024-01-08', {
      since: '2024-01-08',
      subjectId: 'du1',
      subjectKind: 'duty',
    });
    assert.match(alert.message, /section 2/);
  });

  test('is not raised when the detention qualifies', () => {
    assertNotRaised(caseWithDuty(), 'duty-without-qualifying-detention', '2024-03-01');
  });
});

describe('responsible-authority-mismatch', () => {
  const file = caseWithDuty();
  const law = lawOf(lawDuty({ localAuthority: { organisationId: 'la2', ruleIds: ['LA-01'], reasons: [] } }));

  test('is raised from the duty start when the register names another council than the law', () => {
    const alert = assertRaisedFrom(
      file,
      'responsible-authority-mismatch',
      '2024-01-08',
      { since: '2024-01-08', subjectId: 'du1' },
      { law },
    );
    assert.match(alert.message, /Worcestershire County Council/);
    assert.match(alert.message, /Birmingham City Council/);
  });

  test('stops when the register is corrected', () => {
    assertNotRaised(
      caseWithDuty({}, { localAuthorityId: 'la2' }),
      'responsible-authority-mismatch',
      '2024-03-01',
      { law },
    );
  });

  test('an LA- flag suppresses it, an ICB- flag does not', () => {
    const flagged = (flags: string[]) =>
      lawOf({ ...lawDuty({ localAuthority: { organisationId: 'la2', ruleIds: [], reasons: [] } }), flags });
    assertNotRaised(file, 'responsible-authority-mismatch', '2024-03-01', {
      law: flagged(['LA-10:PRISON_OR']),
    });
    assert.equal(
      alertsOn(file, '2024-03-01', 'responsible-authority-mismatch', { law: flagged(['ICB-09:LEGACY']) })
        .length,
      1,
    );
  });

  test('a successor in force on asOf counts as the same council', () => {
    const merged = caseWithDuty({
      organisations: [
        {
          id: 'la1',
          name: 'Old Council',
          kind: 'local_authority',
          validTo: '2024-04-01',
          successorId: 'la2',
        },
        { id: 'la2', name: 'New Council', kind: 'local_authority', validFrom: '2024-04-01' },
        { id: 'icb1', name: 'ICB', kind: 'icb' },
      ],
    });
    assert.equal(alertsOn(merged, '2024-03-31', 'responsible-authority-mismatch', { law }).length, 1);
    assertNotRaised(merged, 'responsible-authority-mismatch', '2024-04-01', { law });
  });

  test('is not raised when the detention gives no duty in law, nor for an ended duty', () => {
    assertNotRaised(file, 'responsible-authority-mismatch', '2024-03-01', { law: lawOf() });
    assertNotRaised(
      caseWithDuty({}, { end: '2024-02-01', endReason: 'joint_decision' }),
      'responsible-authority-mismatch',
      '2024-03-01',
      { law },
    );
  });
});

describe('responsible-health-body-mismatch', () => {
  const file = caseWithDuty();
  const law = lawOf(lawDuty({ healthBody: { organisationId: 'icb2', ruleIds: ['ICB-03'], reasons: [] } }));

  test('is raised from the duty start when the register names another ICB than the law', () => {
    assertRaisedFrom(
      file,
      'responsible-health-body-mismatch',
      '2024-01-08',
      { since: '2024-01-08', subjectId: 'du1' },
      { law },
    );
    assertNotRaised(file, 'responsible-authority-mismatch', '2024-03-01', { law });
  });

  test('stops when the register is corrected', () => {
    assertNotRaised(
      caseWithDuty({}, { healthBodyId: 'icb2' }),
      'responsible-health-body-mismatch',
      '2024-03-01',
      { law },
    );
  });

  test('only an ICB- flag suppresses it', () => {
    const flagged = (flags: string[]) => lawOf({ ...law.duties[0]!, flags });
    assertNotRaised(file, 'responsible-health-body-mismatch', '2024-03-01', {
      law: flagged(['ICB-09:LEGACY']),
    });
    assert.equal(
      alertsOn(file, '2024-03-01', 'responsible-health-body-mismatch', { law: flagged(['LA-02:INFERRED']) })
        .length,
      1,
    );
  });
});

describe('dispute-leaves-nobody-providing', () => {
  const dispute = { id: 'dp1', dutyId: 'du1', withOrganisationId: 'la2', openedOn: '2024-03-01' };

  test('is raised from openedOn while nobody leads', () => {
    assertRaisedFrom(caseWithDuty({ disputes: [dispute] }), 'dispute-leaves-nobody-providing', '2024-03-01', {
      since: '2024-03-01',
      subjectId: 'dp1',
      subjectKind: 'dispute',
    });
  });

  test('stops when a lead body is named or the dispute is resolved', () => {
    assertNotRaised(
      caseWithDuty({ disputes: [{ ...dispute, leadOrganisationId: 'la1' }] }),
      'dispute-leaves-nobody-providing',
      '2024-03-05',
    );
    assertNotRaised(
      caseWithDuty({ disputes: [{ ...dispute, resolvedOn: '2024-03-04' }] }),
      'dispute-leaves-nobody-providing',
      '2024-03-05',
    );
  });
});

describe('dispute-not-referred', () => {
  const dispute = {
    id: 'dp1',
    dutyId: 'du1',
    withOrganisationId: 'la2',
    openedOn: '2024-03-01',
    leadOrganisationId: 'la1',
  };

  test('is raised 4 months after openedOn', () => {
    const alert = assertRaisedFrom(
      caseWithDuty({ disputes: [dispute] }),
      'dispute-not-referred',
      '2024-07-01',
      { since: '2024-07-01', subjectId: 'dp1' },
    );
    assert.match(alert.message, /1 March 2024/);
  });

  test('4 months from 31 October is the end of February', () => {
    assertRaisedFrom(
      caseWithDuty({ disputes: [{ ...dispute, openedOn: '2023-10-31' }] }),
      'dispute-not-referred',
      '2024-02-29',
      { since: '2024-02-29', subjectId: 'dp1' },
    );
  });

  test('stops once referred, however late', () => {
    assertNotRaised(
      caseWithDuty({ disputes: [{ ...dispute, referredOn: '2024-08-01' }] }),
      'dispute-not-referred',
      '2024-08-01',
    );
  });
});
