import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CarePlan, Residence, Service } from '../../../../../src/domain/case-file/schema.ts';
import { alertsOn, assertNotRaised, assertRaisedFrom, caseWithDuty } from './support.ts';

describe('no-allocated-worker', () => {
  test('a duty never allocated: raised on the 5th working day after the day before its start', () => {
    // Duty from Monday 8 January 2024: D = Sunday 7 January; 5th working day after = Friday 12 January.
    const alert = assertRaisedFrom(caseWithDuty(), 'no-allocated-worker', '2024-01-12', {
      since: '2024-01-08',
      subjectId: 'du1',
    });
    assert.match(alert.message, /since 8 January 2024/);
  });

  test('across Easter: an allocation ending Wednesday 27 March 2024 is late from Thursday 4 April', () => {
    const file = caseWithDuty({
      allocations: [{ dutyId: 'du1', staffId: 'sw1', from: '2024-01-08', to: '2024-03-27' }],
    });
    // D = 26 March; working days 27, 28 March, (Good Friday, Easter Monday), 2, 3, 4 April.
    assertRaisedFrom(file, 'no-allocated-worker', '2024-04-04', { since: '2024-03-27', subjectId: 'du1' });
  });

  test('stops when a worker is allocated, however late', () => {
    const file = caseWithDuty({ allocations: [{ dutyId: 'du1', staffId: 'sw1', from: '2024-02-01' }] });
    assertNotRaised(file, 'no-allocated-worker', '2024-02-01');
    assert.equal(alertsOn(file, '2024-01-31', 'no-allocated-worker').length, 1);
  });
});

describe('no-contact-with-person', () => {
  test('with no contact at all: raised 90 days after the duty start', () => {
    assertRaisedFrom(caseWithDuty(), 'no-contact-with-person', '2024-04-07', {
      since: '2024-01-08',
      subjectId: 'du1',
    });
  });

  test('counts from the last communication either way with the person', () => {
    const file = caseWithDuty({
      communications: [
        {
          id: 'cm1',
          date: '2024-02-01',
          direction: 'inbound',
          channel: 'phone',
          with: ['person'],
          summary: 'Called in',
        },
      ],
    });
    assertRaisedFrom(file, 'no-contact-with-person', '2024-05-01', { since: '2024-02-01', subjectId: 'du1' });
  });

  test('a representative in force on the date counts; a contact without consent does not', () => {
    const contacts = [
      {
        id: 'c1',
        name: 'Jo Brown',
        role: 'family' as const,
        actsForPerson: true,
        consent: { given: true, date: '2024-01-01' },
      },
    ];
    const communications = [
      {
        id: 'cm1',
        date: '2024-03-01',
        direction: 'outbound' as const,
        channel: 'letter' as const,
        with: ['c1'],
        summary: 'Letter',
      },
    ];
    assertNotRaised(caseWithDuty({ contacts, communications }), 'no-contact-with-person', '2024-05-01');
    const noConsent = [{ id: 'c1', name: 'Jo Brown', role: 'family' as const, actsForPerson: true }];
    assert.equal(
      alertsOn(caseWithDuty({ contacts: noConsent, communications }), '2024-05-01', 'no-contact-with-person')
        .length,
      1,
    );
  });

  test('an attended appointment puts it right; a missed one does not', () => {
    const appointment = { id: 'a1', date: '2024-04-01', staffId: 'sw1', with: ['person'] };
    assertNotRaised(
      caseWithDuty({ appointments: [{ ...appointment, outcome: 'attended' }] }),
      'no-contact-with-person',
      '2024-04-07',
    );
    assert.equal(
      alertsOn(
        caseWithDuty({ appointments: [{ ...appointment, outcome: 'did_not_attend' }] }),
        '2024-04-07',
        'no-contact-with-person',
      ).length,
      1,
    );
  });
});

const agreedPlan = (overrides: Partial<CarePlan> = {}): CarePlan => ({
  id: 'cp1',
  dutyId: 'du1',
  status: 'agreed',
  agreedOn: '2024-01-10',
  needs: [
    {
      id: 'n1',
      description: 'Support to manage medication',
      relatedToMentalDisorder: true,
      category: 'mental_health',
    },
  ],
  ...overrides,
});

describe('no-aftercare-plan', () => {
  test('raised once more than 7 days have passed since the duty start', () => {
    assertRaisedFrom(caseWithDuty(), 'no-aftercare-plan', '2024-01-16', {
      since: '2024-01-08',
      subjectId: 'du1',
    });
  });

  test('a draft does not count; an agreed plan, however late, puts it right', () => {
    const draft: CarePlan = { id: 'cp1', dutyId: 'du1', status: 'draft', needs: [] };
    assert.equal(alertsOn(caseWithDuty({ carePlans: [draft] }), '2024-01-20', 'no-aftercare-plan').length, 1);
    assertNotRaised(
      caseWithDuty({ carePlans: [agreedPlan({ agreedOn: '2024-01-20' })] }),
      'no-aftercare-plan',
      '2024-01-20',
    );
  });
});

describe('plan-review-overdue', () => {
  test('without reviewDue: due 12 months after agreedOn, raised the day after', () => {
    const alert = assertRaisedFrom(
      caseWithDuty({ carePlans: [agreedPlan()] }),
      'plan-review-overdue',
      '2025-01-11',
      { since: '2025-01-10', subjectId: 'cp1', subjectKind: 'carePlan' },
    );
    assert.match(alert.message, /10 January 2025/);
  });

  test('reviewDue is used when set', () => {
    assertRaisedFrom(
      caseWithDuty({ carePlans: [agreedPlan({ reviewDue: '2024-07-01' })] }),
      'plan-review-overdue',
      '2024-07-02',
      { since: '2024-07-01', subjectId: 'cp1' },
    );
  });

  test('a review puts it right: the next is due 12 months after it', () => {
    const file = caseWithDuty({
      carePlans: [agreedPlan({ reviewDue: '2025-01-10', reviewedOn: ['2025-01-05'] })],
    });
    assertNotRaised(file, 'plan-review-overdue', '2025-01-11');
    assertRaisedFrom(file, 'plan-review-overdue', '2026-01-06', { since: '2026-01-05', subjectId: 'cp1' });
  });
});

describe('assessed-need-unmet', () => {
  test('raised 28 days after the plan was agreed, about the need', () => {
    assertRaisedFrom(caseWithDuty({ carePlans: [agreedPlan()] }), 'assessed-need-unmet', '2024-02-07', {
      since: '2024-02-07',
      subjectId: 'n1',
      subjectKind: 'need',
    });
  });

  test('a service in progress listing the need puts it right; a planned one does not', () => {
    const service: Service = {
      id: 's1',
      dutyId: 'du1',
      needIds: ['n1'],
      description: 'Medication support',
      kind: 'community_mental_health',
      start: '2024-02-10',
      status: 'active',
      aftercare: true,
    };
    assertNotRaised(
      caseWithDuty({ carePlans: [agreedPlan()], services: [service] }),
      'assessed-need-unmet',
      '2024-02-10',
    );
    assert.equal(
      alertsOn(
        caseWithDuty({ carePlans: [agreedPlan()], services: [{ ...service, status: 'planned' }] }),
        '2024-02-10',
        'assessed-need-unmet',
      ).length,
      1,
    );
    assert.equal(
      alertsOn(
        caseWithDuty({ carePlans: [agreedPlan()], services: [{ ...service, end: '2024-02-10' }] }),
        '2024-02-10',
        'assessed-need-unmet',
      ).length,
      1,
    );
  });

  test('a need not related to the mental disorder is not raised', () => {
    const plan = agreedPlan({
      needs: [{ id: 'n2', description: 'Hearing aid', relatedToMentalDisorder: false }],
    });
    assertNotRaised(caseWithDuty({ carePlans: [plan] }), 'assessed-need-unmet', '2024-03-01');
  });
});

describe('unsettled-accommodation', () => {
  const residence = (from: string, to: string | undefined, kind: Residence['kind']): Residence => ({
    from,
    ...(to ? { to } : {}),
    nation: 'england',
    kind,
  });

  test('raised once a run of hotel and temporary stays reaches 28 days', () => {
    const file = caseWithDuty({
      residences: [
        residence('2023-01-01', '2024-02-01', 'own_home'),
        residence('2024-02-01', '2024-02-15', 'hotel'),
        residence('2024-02-15', undefined, 'temporary'),
      ],
    });
    assertRaisedFrom(file, 'unsettled-accommodation', '2024-02-29', {
      since: '2024-02-01',
      subjectId: 'du1',
    });
  });

  test('a gap breaks the run, and a settled home puts it right', () => {
    const gap = caseWithDuty({
      residences: [
        residence('2024-02-01', '2024-02-14', 'hotel'),
        residence('2024-02-15', undefined, 'temporary'),
      ],
    });
    assertRaisedFrom(gap, 'unsettled-accommodation', '2024-03-14', { since: '2024-02-15', subjectId: 'du1' });
    const housed = caseWithDuty({
      residences: [
        residence('2024-02-01', '2024-03-10', 'rough_sleeping'),
        residence('2024-03-10', undefined, 'supported_living'),
      ],
    });
    assert.equal(alertsOn(housed, '2024-03-09', 'unsettled-accommodation').length, 1);
    assertNotRaised(housed, 'unsettled-accommodation', '2024-03-10');
  });
});
