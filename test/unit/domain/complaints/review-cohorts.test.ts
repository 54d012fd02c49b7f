import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  COHORT_CRITERIA, cohortProgress, defineCohort, type RegisterRow, type ReviewCohort,
} from '../../../../src/domain/complaints/review-cohorts.ts';
import type { Remedy } from '../../../../src/domain/case-file/schema.ts';

const rows: RegisterRow[] = [
  { personId: 'p1', dutyId: 'du1', dutyOpen: true, planReviewDue: '2025-01-31', allocatedStaffId: 'sw1', chargedForAftercare: false },
  { personId: 'p2', dutyId: 'du1', dutyOpen: true, planReviewDue: '2025-03-01', allocatedStaffId: null, chargedForAftercare: true },
  { personId: 'p3', dutyId: 'du1', dutyOpen: false, planReviewDue: '2024-01-01', allocatedStaffId: null, chargedForAftercare: true },
  { personId: 'p4', dutyId: 'du2', dutyOpen: true, planReviewDue: null, allocatedStaffId: 'sw2', chargedForAftercare: false },
  { personId: 'p0', dutyId: 'du9', dutyOpen: true, planReviewDue: '2025-02-28', allocatedStaffId: null, chargedForAftercare: false },
];

const improvement: Remedy = { id: 'r9', text: 'Review everyone whose plan review is overdue', kind: 'service_improvement' };

test('each criterion picks its rows', () => {
  const cases: [keyof typeof COHORT_CRITERIA, string, string[]][] = [
    ['plan_review_overdue', '2025-03-01', ['p0', 'p1']], // due on the day itself is not overdue; closed duty excluded
    ['plan_review_overdue', '2025-03-02', ['p0', 'p1', 'p2']],
    ['no_allocated_worker', '2025-03-01', ['p0', 'p2']],
    ['charged_for_aftercare', '2025-03-01', ['p2', 'p3']], // charged during a duty since closed still counts
  ];
  for (const [criterion, on, people] of cases) {
    const result = defineCohort(improvement, criterion, rows, on);
    assert.ok(result.ok);
    assert.deepEqual(result.cohort.members.map((m) => m.personId), people, `${criterion} on ${on}`);
    assert.equal(result.cohort.label, COHORT_CRITERIA[criterion].label);
  }
});

test('only a service improvement can define a cohort', () => {
  const result = defineCohort({ ...improvement, kind: 'apology' }, 'plan_review_overdue', rows, '2025-03-02');
  assert.deepEqual(result, { ok: false, refusal: 'Only a service improvement can have a review of other people.' });
});

test('progress counts reviews on or after definition and on or before asOf', () => {
  const defined = defineCohort(improvement, 'plan_review_overdue', rows, '2025-03-02');
  assert.ok(defined.ok);
  const cohort: ReviewCohort = defined.cohort;
  const reviews = [
    { personId: 'p1', dutyId: 'du1', reviewedOn: '2025-03-10' },
    { personId: 'p2', dutyId: 'du1', reviewedOn: '2025-02-01' }, // before the cohort: the review it asks for is a new one
    { personId: 'p0', dutyId: 'du9', reviewedOn: '2025-04-20' },
    { personId: 'p4', dutyId: 'du2', reviewedOn: '2025-03-10' }, // not a member
  ];
  const cases: [string, number, string[], boolean][] = [
    ['2025-03-02', 0, ['p0', 'p1', 'p2'], false],
    ['2025-03-10', 1, ['p0', 'p2'], false],
    ['2025-04-20', 2, ['p2'], false],
  ];
  for (const [asOf, reviewed, outstanding, complete] of cases) {
    const progress = cohortProgress(cohort, reviews, asOf);
    assert.equal(progress.reviewed, reviewed, asOf);
    assert.equal(progress.total, 3);
    assert.deepEqual(progress.outstanding.map((m) => m.personId), outstanding, asOf);
    assert.equal(progress.complete, complete);
    assert.equal(progress.summary, `${reviewed} of 3 reviewed`);
  }
  const all = cohortProgress(cohort, [...reviews, { personId: 'p2', dutyId: 'du1', reviewedOn: '2025-05-01' }], '2025-05-01');
  assert.equal(all.complete, true);
  const empty = defineCohort(improvement, 'plan_review_overdue', [], '2025-03-02');
  assert.ok(empty.ok);
  assert.deepEqual(cohortProgress(empty.cohort, [], '2025-03-02').summary, '0 of 0 reviewed');
});
