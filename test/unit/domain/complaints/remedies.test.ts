import { test } from 'node:test';
import assert from 'node:assert/strict';
import { earlierRemedies, remedyCompliance, remedyDueDate, remedyWorklist } from '../../../../src/domain/complaints/remedies.ts';
import type { CaseFile, OmbudsmanCase, Remedy } from '../../../../src/domain/case-file/schema.ts';
import { computeAlerts } from '../../../../src/domain/rules/alerts/index.ts';
import { asOfView } from '../../../../src/domain/rules/as-of-view.ts';
import { mrBCaseFile } from '../coordination/mr-b.ts';
import { defaultRulesConfig } from '../../../../src/domain/rules/config.ts';

// Worcestershire 24 014 179 (reference decision): three actions "within one month of the final decision".
// The decision text carries no date; 2025-09-15 is assumed here.
const mrB: OmbudsmanCase = {
  id: 'om-b', body: 'LGSCO', reference: '24 014 179', complaintId: 'cmp-b', finalDecisionOn: '2025-09-15',
  findings: ['service_failure', 'fault', 'injustice'],
  remedies: [
    { id: 'r1', text: 'Apologise in writing to Mr B for the fault', kind: 'apology', dueWithin: 'P1M' },
    { id: 'r2', text: 'Offer Mr B a meeting and a further assessment', kind: 'reassessment', dueWithin: 'P1M' },
    { id: 'r3', text: "Offer to communicate via Mr B's representative if they agree", kind: 'other', dueWithin: 'P1M' },
  ],
};

function remedy(overrides: Partial<Remedy>): Remedy {
  return { id: 'r', text: 'Remedy', kind: 'apology', ...overrides };
}

test('due dates: explicit, dueWithin, defaults, month ends clamped (CMP-15)', () => {
  const cases: [Partial<Remedy>, string | undefined, string | null, string][] = [
    [{ due: '2025-10-01', dueWithin: 'P3M' }, '2025-09-15', '2025-10-01', 'explicit'],
    [{ dueWithin: 'P1M' }, '2025-09-15', '2025-10-15', 'due_within'],
    [{ dueWithin: 'P1M' }, '2025-01-31', '2025-02-28', 'due_within'],
    [{ dueWithin: 'P2M' }, '2023-12-31', '2024-02-29', 'due_within'],
    [{ dueWithin: 'P3M' }, '2025-11-30', '2026-02-28', 'due_within'],
    [{ dueWithin: 'P6M' }, '2024-08-31', '2025-02-28', 'due_within'],
    [{ kind: 'payment' }, '2025-03-31', '2025-04-30', 'default'],
    [{ kind: 'service_improvement' }, '2025-11-30', '2026-02-28', 'default'],
    [{ kind: 'service_improvement' }, undefined, null, 'no_final_decision'],
    [{ due: '2025-06-01' }, undefined, '2025-06-01', 'explicit'],
  ];
  for (const [overrides, finalDecisionOn, due, basis] of cases) {
    const result = remedyDueDate(remedy(overrides), { ...mrB, finalDecisionOn }, undefined, defaultRulesConfig);
    assert.equal(result.due, due, JSON.stringify(overrides));
    assert.equal(result.basis, basis, JSON.stringify(overrides));
  }
  assert.match(remedyDueDate(remedy({ kind: 'service_improvement' }), mrB).reason, /usual time for a service improvement \(CMP-15\)/);
});

test('a final decision after asOf has not happened yet', () => {
  assert.equal(remedyDueDate(mrB.remedies[0] as Remedy, mrB, '2025-09-14').due, null);
  assert.equal(remedyCompliance(mrB.remedies[0] as Remedy, mrB, '2025-09-14').state, 'due');
});

test('compliance states of the Mr B remedies on dates before and after the deadline', () => {
  const apology = mrB.remedies[0] as Remedy;
  const cases: [Partial<Remedy>, string, string, number, boolean][] = [
    [{}, '2025-10-15', 'due', 0, false], // the due day itself
    [{}, '2025-10-16', 'overdue', 1, false],
    [{}, '2025-11-14', 'overdue', 30, false],
    [{ completedOn: '2025-10-01' }, '2025-10-14', 'done_awaiting_evidence', 0, false],
    [{ completedOn: '2025-10-01' }, '2025-10-15', 'done_awaiting_evidence', 0, true], // 10 working days on
    [{ completedOn: '2025-10-01', evidenceSentOn: '2025-10-03' }, '2025-10-20', 'closed', 0, false],
    [{ completedOn: '2025-10-01', evidenceSentOn: '2025-10-30' }, '2025-10-20', 'done_awaiting_evidence', 0, true],
    [{ completedOn: '2025-11-05' }, '2025-10-20', 'overdue', 5, false], // completion after asOf: not yet done
    [{ completedOn: '2025-11-05', evidenceSentOn: '2025-11-06' }, '2025-12-01', 'closed', 21, false],
  ];
  for (const [overrides, asOf, state, daysLate, evidenceOverdue] of cases) {
    const result = remedyCompliance({ ...apology, ...overrides }, mrB, asOf);
    const label = `${JSON.stringify(overrides)} on ${asOf}`;
    assert.equal(result.state, state, label);
    assert.equal(result.daysLate, daysLate, label);
    assert.equal(result.evidenceOverdue, evidenceOverdue, label);
    assert.equal(result.due, '2025-10-15');
  }
  assert.equal(remedyCompliance(apology, mrB, '2025-10-20').reason, 'Overdue: it was due on 2025-10-15 and is 5 days late.');
  assert.equal(
    remedyCompliance({ ...apology, completedOn: '2025-11-05' }, mrB, '2025-12-01').reason,
    'Done on 2025-11-05, 21 days late. Send the Ombudsman evidence that it was done.',
  );
});

test('repeat complaint: how late each earlier remedy was', () => {
  const first: OmbudsmanCase = {
    ...mrB,
    remedies: [
      { ...(mrB.remedies[0] as Remedy), completedOn: '2025-10-10', evidenceSentOn: '2025-10-11' },
      { ...(mrB.remedies[1] as Remedy), completedOn: '2025-12-01' },
      mrB.remedies[2] as Remedy,
    ],
  };
  const older: OmbudsmanCase = {
    id: 'om-a', body: 'joint', reference: '22 001 001', finalDecisionOn: '2023-01-31', findings: ['fault'],
    remedies: [{ id: 'ra', text: 'Review everyone charged for aftercare', kind: 'service_improvement', completedOn: '2023-05-10' }],
  };
  const later: OmbudsmanCase = { id: 'om-c', body: 'LGSCO', reference: '26 000 002', finalDecisionOn: '2026-06-01', findings: [], remedies: [] };
  const rows = earlierRemedies([first, later, older], '2026-03-01', '2026-02-01');
  assert.deepEqual(
    rows.map((r) => [r.reference, r.remedyId, r.due, r.completedOn, r.stillOpen, r.daysLate]),
    [
      ['22 001 001', 'ra', '2023-04-30', '2023-05-10', false, 10],
      ['24 014 179', 'r1', '2025-10-15', '2025-10-10', false, 0],
      ['24 014 179', 'r2', '2025-10-15', '2025-12-01', false, 47],
      ['24 014 179', 'r3', '2025-10-15', null, true, 137],
    ],
  );
});

test('compliance states agree with ombudsman-remedy-overdue and ombudsman-evidence-not-sent', () => {
  const cases: OmbudsmanCase[] = [
    {
      ...mrB,
      remedies: [
        mrB.remedies[0] as Remedy,
        { ...(mrB.remedies[1] as Remedy), completedOn: '2025-10-01' },
        { ...(mrB.remedies[2] as Remedy), completedOn: '2025-10-20', evidenceSentOn: '2025-11-20' },
        { id: 'r4', text: 'Review everyone without an allocated worker', kind: 'service_improvement' },
        { id: 'r5', text: 'Refund charges', kind: 'refund', due: '2025-09-30', amountPence: 120000 },
      ],
    },
    { id: 'om-x', body: 'PHSO', reference: 'P-1', findings: ['fault'], remedies: [{ id: 'r6', text: 'Apologise', kind: 'apology' }] },
  ];
  const file: CaseFile = { ...mrBCaseFile(), decisions: [], ombudsmanCases: cases };
  for (const asOf of ['2025-09-14', '2025-10-01', '2025-10-14', '2025-10-15', '2025-10-16', '2025-11-03', '2025-11-19', '2025-11-20', '2025-12-15', '2025-12-16']) {
    const alerts = computeAlerts(asOfView(file, asOf), asOf, { duties: [], flags: [] }, defaultRulesConfig);
    for (const c of cases) {
      for (const r of c.remedies) {
        const compliance = remedyCompliance(r, c, asOf);
        const raised = (id: string) => alerts.some((a) => a.id === id && a.subject.id === r.id);
        assert.equal(compliance.state === 'overdue', raised('ombudsman-remedy-overdue'), `${r.id} overdue on ${asOf}`);
        assert.equal(compliance.evidenceOverdue, raised('ombudsman-evidence-not-sent'), `${r.id} evidence on ${asOf}`);
      }
    }
  }
});

test('compliance view: open remedies, overdue first, then awaiting evidence, then due', () => {
  const cases: OmbudsmanCase[] = [
    {
      ...mrB,
      remedies: [
        { ...(mrB.remedies[0] as Remedy), ownerId: 'sw-manager', completedOn: '2025-10-01', evidenceSentOn: '2025-10-02' },
        { ...(mrB.remedies[1] as Remedy), completedOn: '2025-10-10' },
        mrB.remedies[2] as Remedy,
        { id: 'r4', text: 'Review everyone without an allocated worker', kind: 'service_improvement', ownerId: 'head-of-service' },
      ],
    },
    { id: 'om-x', body: 'PHSO', reference: 'P-1', findings: ['fault'], remedies: [{ id: 'r6', text: 'Apologise', kind: 'apology' }] },
    { id: 'om-y', body: 'LGSCO', reference: 'L-2', finalDecisionOn: '2025-08-01', findings: ['fault'], remedies: [{ id: 'r7', text: 'Pay £300', kind: 'payment', amountPence: 30000 }] },
  ];
  const rows = remedyWorklist(cases, '2025-10-20');
  assert.deepEqual(
    rows.map((r) => [r.reference, r.remedyId, r.state, r.due, r.ownerId, r.daysLate]),
    [
      ['L-2', 'r7', 'overdue', '2025-09-01', null, 49],
      ['24 014 179', 'r3', 'overdue', '2025-10-15', null, 5],
      ['24 014 179', 'r2', 'done_awaiting_evidence', '2025-10-15', null, 0],
      ['24 014 179', 'r4', 'due', '2025-12-15', 'head-of-service', 0],
      ['P-1', 'r6', 'due', null, null, 0],
    ],
  );
});
