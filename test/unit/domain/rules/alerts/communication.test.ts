import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type {
  Communication,
  CommunicationPlan,
  Contact,
  Decision,
} from '../../../../../src/domain/case-file/schema.ts';
import { alertsOn, assertNotRaised, assertRaisedFrom, caseWithDuty } from './support.ts';

const decision = (overrides: Partial<Decision> = {}): Decision => ({
  id: 'd3',
  date: '2024-03-12',
  text: 'Move to Elm House',
  kind: 'placement',
  affectsPerson: true,
  dutyId: 'du1',
  ...overrides,
});
const letter = (overrides: Partial<Communication> = {}): Communication => ({
  id: 'cm1',
  date: '2024-03-25',
  direction: 'outbound',
  channel: 'letter',
  with: ['person'],
  aboutDecisionIds: ['d3'],
  summary: 'Decision letter',
  ...overrides,
});
const sister: Contact = { id: 'c1', name: 'Jo Brown', role: 'family', actsForPerson: false };
const viaSister: CommunicationPlan = {
  id: 'cmp1',
  from: '2024-01-01',
  route: 'via_contact',
  viaContactId: 'c1',
  agreedWithPerson: true,
};

describe('decision-not-communicated', () => {
  test('raised on the 5th working day after the decision, from its date', () => {
    // Tuesday 12 March 2024 + 5 working days = Tuesday 19 March.
    const alert = assertRaisedFrom(
      caseWithDuty({ decisions: [decision()] }),
      'decision-not-communicated',
      '2024-03-19',
      { since: '2024-03-12', subjectId: 'd3', subjectKind: 'decision' },
    );
    assert.equal(
      alert.message,
      'Decision d3 of 12 March 2024 affects Alex Brown but has not been sent to them.',
    );
  });

  test('across Christmas: a decision on Friday 20 December 2024 is late from Tuesday 31 December', () => {
    assertRaisedFrom(
      caseWithDuty({ decisions: [decision({ date: '2024-12-20' })] }),
      'decision-not-communicated',
      '2024-12-31',
      { since: '2024-12-20', subjectId: 'd3' },
    );
  });

  test('a letter to the person, however late, puts it right; an inbound call does not', () => {
    assertNotRaised(
      caseWithDuty({ decisions: [decision()], communications: [letter()] }),
      'decision-not-communicated',
      '2024-03-25',
    );
    const inbound = letter({ direction: 'inbound' });
    assert.equal(
      alertsOn(
        caseWithDuty({ decisions: [decision()], communications: [inbound] }),
        '2024-03-25',
        'decision-not-communicated',
      ).length,
      1,
    );
  });

  test('where the plan routes via a contact, reaching that contact puts it right', () => {
    const toSister = letter({ with: ['c1'] });
    assertNotRaised(
      caseWithDuty({
        contacts: [sister],
        communicationPlans: [viaSister],
        decisions: [decision()],
        communications: [toSister],
      }),
      'decision-not-communicated',
      '2024-03-25',
    );
    const noPlan = alertsOn(
      caseWithDuty({ contacts: [sister], decisions: [decision()], communications: [toSister] }),
      '2024-03-25',
      'decision-not-communicated',
    );
    assert.equal(noPlan.length, 1);
    const planned = alertsOn(
      caseWithDuty({ contacts: [sister], communicationPlans: [viaSister], decisions: [decision()] }),
      '2024-03-25',
      'decision-not-communicated',
    );
    assert.match(planned[0]?.message ?? '', /Jo Brown, the contact their communication plan names/);
  });

  test('a change to the communication arrangement must reach the person, not only the new route', () => {
    const arrangement = decision({ kind: 'communication_arrangement' });
    const toSister = letter({ with: ['c1'] });
    const file = caseWithDuty({
      contacts: [sister],
      communicationPlans: [viaSister],
      decisions: [arrangement],
      communications: [toSister],
    });
    assert.equal(alertsOn(file, '2024-03-25', 'decision-not-communicated').length, 1);
    const representative = { ...sister, actsForPerson: true, consent: { given: true, date: '2024-01-01' } };
    assertNotRaised(
      caseWithDuty({
        contacts: [representative],
        communicationPlans: [viaSister],
        decisions: [arrangement],
        communications: [toSister],
      }),
      'decision-not-communicated',
      '2024-03-25',
    );
  });

  test('decisions that do not affect the person are not raised', () => {
    assertNotRaised(
      caseWithDuty({ decisions: [decision({ affectsPerson: false })] }),
      'decision-not-communicated',
      '2024-04-01',
    );
  });
});

describe('decision-not-shared-with-representative', () => {
  const advocate: Contact = {
    id: 'c1',
    name: 'Jo Brown',
    role: 'representative',
    actsForPerson: true,
    consent: { given: true, date: '2024-01-01' },
  };
  const attorney: Contact = { id: 'c2', name: 'Pat Green', role: 'attorney', actsForPerson: true };

  test('raised once per decision on the 5th working day while any representative is missed', () => {
    const file = caseWithDuty({
      contacts: [advocate, attorney],
      decisions: [decision()],
      communications: [letter({ with: ['person', 'c1'], date: '2024-03-13' })],
    });
    const alert = assertRaisedFrom(file, 'decision-not-shared-with-representative', '2024-03-19', {
      since: '2024-03-12',
      subjectId: 'd3',
    });
    assert.match(alert.message, /Pat Green/);
    assert.doesNotMatch(alert.message, /Jo Brown/);
  });

  test('reaching every representative puts it right', () => {
    const file = caseWithDuty({
      contacts: [advocate, attorney],
      decisions: [decision()],
      communications: [letter({ with: ['person', 'c1', 'c2'] })],
    });
    assertNotRaised(file, 'decision-not-shared-with-representative', '2024-03-25');
  });

  test('a contact whose consent came after the decision is not a representative for it', () => {
    const later = { ...advocate, consent: { given: true, date: '2024-03-15' } };
    assertNotRaised(
      caseWithDuty({ contacts: [later], decisions: [decision()] }),
      'decision-not-shared-with-representative',
      '2024-03-25',
    );
  });
});

describe('communication-arrangement-stale', () => {
  test('raised the day after reviewBy, about the plan', () => {
    const file = caseWithDuty({
      contacts: [sister],
      communicationPlans: [{ ...viaSister, reviewBy: '2024-06-01' }],
    });
    assertRaisedFrom(file, 'communication-arrangement-stale', '2024-06-02', {
      since: '2024-06-01',
      subjectId: 'cmp1',
      subjectKind: 'communicationPlan',
    });
  });

  test('a failed premise: raised after the 10th working day (early May bank holiday skipped), since premiseFailedOn', () => {
    const premise = decision({
      id: 'd1',
      kind: 'communication_arrangement',
      date: '2024-01-01',
      premise: 'Mr B asked for letters to go to his sister',
      premiseFailedOn: '2024-05-01',
    });
    const file = caseWithDuty({
      contacts: [sister],
      decisions: [premise],
      communicationPlans: [{ ...viaSister, decisionId: 'd1' }],
    });
    // Wednesday 1 May 2024: the 10th working day after is Thursday 16 May (6 May is a bank holiday).
    assertRaisedFrom(file, 'communication-arrangement-stale', '2024-05-17', {
      since: '2024-05-01',
      subjectId: 'cmp1',
    });
    const both = caseWithDuty({
      contacts: [sister],
      decisions: [premise],
      communicationPlans: [{ ...viaSister, decisionId: 'd1', reviewBy: '2024-06-01' }],
    });
    assert.equal(alertsOn(both, '2024-06-10', 'communication-arrangement-stale')[0]?.since, '2024-05-01');
  });

  test('a new plan puts it right', () => {
    const direct: CommunicationPlan = {
      id: 'cmp2',
      from: '2024-06-10',
      route: 'direct',
      agreedWithPerson: true,
    };
    const file = caseWithDuty({
      contacts: [sister],
      communicationPlans: [{ ...viaSister, reviewBy: '2024-06-01', to: '2024-06-10' }, direct],
    });
    assert.equal(alertsOn(file, '2024-06-09', 'communication-arrangement-stale').length, 1);
    assertNotRaised(file, 'communication-arrangement-stale', '2024-06-10');
  });
});
