import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Complaint, OmbudsmanCase } from '../../../../../src/domain/case-file/schema.ts';
import { alertsOn, assertNotRaised, assertRaisedFrom, caseWithDuty } from './support.ts';

const complaint = (overrides: Partial<Complaint> = {}): Complaint => ({
  id: 'cx1',
  receivedOn: '2025-03-03',
  complainant: 'person',
  organisationIds: ['la1', 'icb1'],
  leadOrganisationId: 'la1',
  procedure: 'statutory_2009',
  points: [{ id: 'pt1', text: 'Charged for aftercare', answered: true }],
  ...overrides,
});

describe('complaint-not-acknowledged', () => {
  test('TC-18: received Monday 3 March 2025, due by Thursday 6 March, raised from Friday 7 March', () => {
    const alert = assertRaisedFrom(
      caseWithDuty({ complaints: [complaint()] }),
      'complaint-not-acknowledged',
      '2025-03-07',
      { since: '2025-03-03', subjectId: 'cx1', subjectKind: 'complaint' },
    );
    assert.match(alert.message, /6 March 2025/);
  });

  test('across Easter: received Thursday 28 March 2024, raised from Friday 5 April', () => {
    assertRaisedFrom(
      caseWithDuty({ complaints: [complaint({ receivedOn: '2024-03-28' })] }),
      'complaint-not-acknowledged',
      '2024-04-05',
      { since: '2024-03-28', subjectId: 'cx1' },
    );
  });

  test('an acknowledgement, however late, puts it right; withdrawn and corporate complaints are not raised', () => {
    assertNotRaised(
      caseWithDuty({ complaints: [complaint({ acknowledgedOn: '2025-03-10' })] }),
      'complaint-not-acknowledged',
      '2025-03-10',
    );
    assertNotRaised(
      caseWithDuty({ complaints: [complaint({ outcome: 'withdrawn' })] }),
      'complaint-not-acknowledged',
      '2025-03-10',
    );
    assertNotRaised(
      caseWithDuty({ complaints: [complaint({ procedure: 'corporate' })] }),
      'complaint-not-acknowledged',
      '2025-03-10',
    );
  });
});

describe('complaint-response-overdue', () => {
  test('without responseDue: due 6 months after receipt, raised the day after', () => {
    assertRaisedFrom(
      caseWithDuty({ complaints: [complaint({ acknowledgedOn: '2025-03-04' })] }),
      'complaint-response-overdue',
      '2025-09-04',
      { since: '2025-09-03', subjectId: 'cx1' },
    );
  });

  test('an agreed responseDue is used', () => {
    assertRaisedFrom(
      caseWithDuty({ complaints: [complaint({ responseDue: '2025-04-30' })] }),
      'complaint-response-overdue',
      '2025-05-01',
      { since: '2025-04-30', subjectId: 'cx1' },
    );
  });

  test('a response puts it right', () => {
    assertNotRaised(
      caseWithDuty({ complaints: [complaint({ responseDue: '2025-04-30', respondedOn: '2025-05-02' })] }),
      'complaint-response-overdue',
      '2025-05-02',
    );
  });
});

describe('complaint-points-unanswered', () => {
  const unanswered = [
    { id: 'pt1', text: 'Charged for aftercare', answered: true },
    { id: 'pt2', text: 'No plan', answered: false },
  ];

  test('raised from the response date when a point is not answered', () => {
    const alert = assertRaisedFrom(
      caseWithDuty({ complaints: [complaint({ respondedOn: '2025-04-01', points: unanswered })] }),
      'complaint-points-unanswered',
      '2025-04-01',
      { since: '2025-04-01', subjectId: 'cx1' },
    );
    assert.match(alert.message, /point pt2/);
  });

  test('answering every point puts it right', () => {
    assertNotRaised(
      caseWithDuty({ complaints: [complaint({ respondedOn: '2025-04-01' })] }),
      'complaint-points-unanswered',
      '2025-04-05',
    );
  });
});

const ombudsmanCase = (remedy: Partial<OmbudsmanCase['remedies'][number]> = {}): OmbudsmanCase => ({
  id: 'oc1',
  body: 'LGSCO',
  reference: '24 014 179',
  complaintId: 'cx1',
  finalDecisionOn: '2025-01-31',
  findings: ['fault', 'injustice'],
  remedies: [{ id: 'r1', text: 'Apologise to Mr B', kind: 'apology', ...remedy }],
});

describe('ombudsman-remedy-overdue', () => {
  test('a personal remedy is due one month after the final decision (31 January → 28 February)', () => {
    const alert = assertRaisedFrom(
      caseWithDuty({ ombudsmanCases: [ombudsmanCase()] }),
      'ombudsman-remedy-overdue',
      '2025-03-01',
      { since: '2025-02-28', subjectId: 'r1', subjectKind: 'remedy' },
    );
    assert.match(alert.message, /24 014 179/);
  });

  test('a service improvement is due three months after; dueWithin and due are used when set', () => {
    assertRaisedFrom(
      caseWithDuty({ ombudsmanCases: [ombudsmanCase({ kind: 'service_improvement' })] }),
      'ombudsman-remedy-overdue',
      '2025-05-01',
      { since: '2025-04-30', subjectId: 'r1' },
    );
    assertRaisedFrom(
      caseWithDuty({ ombudsmanCases: [ombudsmanCase({ dueWithin: 'P2M' })] }),
      'ombudsman-remedy-overdue',
      '2025-04-01',
      { since: '2025-03-31', subjectId: 'r1' },
    );
    assertRaisedFrom(
      caseWithDuty({ ombudsmanCases: [ombudsmanCase({ due: '2025-02-14' })] }),
      'ombudsman-remedy-overdue',
      '2025-02-15',
      { since: '2025-02-14', subjectId: 'r1' },
    );
  });

  test('completing it puts it right', () => {
    assertNotRaised(
      caseWithDuty({ ombudsmanCases: [ombudsmanCase({ completedOn: '2025-03-10' })] }),
      'ombudsman-remedy-overdue',
      '2025-03-10',
    );
  });
});

describe('ombudsman-evidence-not-sent', () => {
  test('across Easter and early May: completed Thursday 17 April 2025, raised from Tuesday 6 May', () => {
    assertRaisedFrom(
      caseWithDuty({ ombudsmanCases: [ombudsmanCase({ completedOn: '2025-04-17' })] }),
      'ombudsman-evidence-not-sent',
      '2025-05-06',
      { since: '2025-04-17', subjectId: 'r1' },
    );
  });

  test('sending the evidence puts it right', () => {
    assertNotRaised(
      caseWithDuty({
        ombudsmanCases: [ombudsmanCase({ completedOn: '2025-04-17', evidenceSentOn: '2025-05-07' })],
      }),
      'ombudsman-evidence-not-sent',
      '2025-05-07',
    );
    assert.equal(
      alertsOn(
        caseWithDuty({
          ombudsmanCases: [ombudsmanCase({ completedOn: '2025-04-17', evidenceSentOn: '2025-05-07' })],
        }),
        '2025-05-06',
        'ombudsman-evidence-not-sent',
      ).length,
      1,
    );
  });
});
