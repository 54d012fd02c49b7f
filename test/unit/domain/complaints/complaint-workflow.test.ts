import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyComplaintStep, availableSteps, checkComplainant, complaintStatus, isOpen, type ComplaintStep,
} from '../../../../src/domain/complaints/complaint-workflow.ts';
import type { Complaint, Contact } from '../../../../src/domain/case-file/schema.ts';

const received: Complaint = {
  id: 'cmp-b', receivedOn: '2024-08-05', complainant: 'rep', organisationIds: ['worcs'], procedure: 'statutory_2009',
  points: [
    { id: 'p1', text: 'Transfer my care package to council K', answered: true },
    { id: 'p2', text: 'I want a new social worker', answered: false },
  ],
};

test('status derived from the record, as of a date', () => {
  const cases: [Partial<Complaint>, string | undefined, string][] = [
    [{}, undefined, 'received'],
    [{ acknowledgedOn: '2024-08-07' }, undefined, 'acknowledged'],
    [{ acknowledgedOn: '2024-08-07' }, '2024-08-06', 'received'],
    [{ acknowledgedOn: '2024-08-07', respondedOn: '2024-10-01' }, undefined, 'responded'],
    [{ acknowledgedOn: '2024-08-07', respondedOn: '2024-10-01', outcome: 'partly_upheld' }, undefined, 'closed'],
    [{ acknowledgedOn: '2024-08-07', respondedOn: '2024-10-01', outcome: 'partly_upheld' }, '2024-09-30', 'acknowledged'],
    [{ outcome: 'withdrawn' }, undefined, 'withdrawn'],
  ];
  for (const [overrides, asOf, expected] of cases) assert.equal(complaintStatus({ ...received, ...overrides }, asOf), expected, JSON.stringify(overrides));
  assert.equal(isOpen('responded'), true);
  assert.equal(isOpen('closed'), false);
});

test('the whole path: received → acknowledged → responded → closed', () => {
  const steps: ComplaintStep[] = [
    { kind: 'acknowledge', on: '2024-08-07' },
    { kind: 'agree_response_date', due: '2024-10-04' },
    { kind: 'respond', on: '2024-10-01' },
    { kind: 'close', outcome: 'partly_upheld' },
  ];
  const statuses: string[] = [];
  let complaint = received;
  let warnings: string[] = [];
  for (const step of steps) {
    const result = applyComplaintStep(complaint, step);
    assert.ok(result.ok, step.kind);
    complaint = result.complaint;
    statuses.push(result.status);
    warnings = warnings.concat(result.warnings);
  }
  assert.deepEqual(statuses, ['acknowledged', 'acknowledged', 'responded', 'closed']);
  assert.deepEqual(warnings, ['The response does not answer the point "I want a new social worker".']);
  assert.deepEqual(
    [complaint.acknowledgedOn, complaint.responseDue, complaint.respondedOn, complaint.outcome],
    ['2024-08-07', '2024-10-04', '2024-10-01', 'partly_upheld'],
  );
});

test('refusals explain themselves', () => {
  const acknowledged: Complaint = { ...received, acknowledgedOn: '2024-08-07' };
  const responded: Complaint = { ...acknowledged, respondedOn: '2024-10-01' };
  const cases: [Complaint, ComplaintStep, string][] = [
    [received, { kind: 'acknowledge', on: '2024-08-01' }, 'The acknowledgement date must be on or after the date the complaint was received (2024-08-05).'],
    [acknowledged, { kind: 'acknowledge', on: '2024-08-08' }, 'This complaint was already acknowledged on 2024-08-07.'],
    [received, { kind: 'respond', on: '2024-10-01' }, 'Record the acknowledgement before the response.'],
    [acknowledged, { kind: 'respond', on: '2024-08-06' }, 'The response date must be on or after the acknowledgement (2024-08-07).'],
    [responded, { kind: 'respond', on: '2024-10-02' }, 'The response was already sent on 2024-10-01.'],
    [acknowledged, { kind: 'close', outcome: 'upheld' }, 'Send the response before closing the complaint.'],
    [responded, { kind: 'agree_response_date', due: '2024-12-01' }, 'The response has already been sent.'],
    [received, { kind: 'agree_response_date', due: '2024-08-01' }, 'The response date must be after the date the complaint was received (2024-08-05).'],
    [{ ...responded, outcome: 'upheld' }, { kind: 'withdraw' }, 'This complaint is closed. Record a new complaint if the complainant is still unhappy.'],
    [{ ...received, outcome: 'withdrawn' }, { kind: 'acknowledge', on: '2024-08-07' }, 'This complaint was withdrawn. Record a new complaint if the complainant raises it again.'],
  ];
  for (const [complaint, step, refusal] of cases) {
    const result = applyComplaintStep(complaint, step);
    assert.equal(result.ok, false, step.kind);
    if (!result.ok) assert.deepEqual(result.refusals, [refusal]);
  }
});

test('withdrawn from every open state', () => {
  for (const complaint of [received, { ...received, acknowledgedOn: '2024-08-07' }, { ...received, acknowledgedOn: '2024-08-07', respondedOn: '2024-10-01' }]) {
    const result = applyComplaintStep(complaint, { kind: 'withdraw' });
    assert.ok(result.ok);
    assert.equal(result.status, 'withdrawn');
  }
});

test('available steps per status', () => {
  assert.deepEqual(availableSteps(received), ['acknowledge', 'agree_response_date', 'withdraw']);
  assert.deepEqual(availableSteps({ ...received, acknowledgedOn: '2024-08-07' }), ['respond', 'agree_response_date', 'withdraw']);
  assert.deepEqual(availableSteps({ ...received, acknowledgedOn: '2024-08-07', respondedOn: '2024-10-01' }), ['close', 'withdraw']);
  assert.deepEqual(availableSteps({ ...received, outcome: 'withdrawn' }), []);
});

test('the complainant is the person or a contact with authority to act on the day it was received', () => {
  const contacts: Contact[] = [
    { id: 'rep', name: "Mr B's representative", role: 'representative', actsForPerson: true, consent: { given: true, date: '2024-08-01' } },
    { id: 'late', name: 'Sister', role: 'family', actsForPerson: true, consent: { given: true, date: '2024-08-06' } },
    { id: 'attorney', name: 'Attorney', role: 'attorney', actsForPerson: true },
    { id: 'worker', name: "Charity 2's worker", role: 'support_worker', actsForPerson: false },
  ];
  const cases: [string, string[]][] = [
    ['person', []],
    ['rep', []],
    ['attorney', []],
    ['late', ['Sister has no recorded authority to act for the person on 2024-08-05. Record the person\'s consent first.']],
    ['worker', ["Charity 2's worker has no recorded authority to act for the person on 2024-08-05. Record the person's consent first."]],
    ['stranger', ['Choose the person or one of their recorded contacts as the complainant.']],
  ];
  for (const [complainant, problems] of cases) assert.deepEqual(checkComplainant({ ...received, complainant }, contacts), problems, complainant);
});
