/**
 * Service improvements that reach other people (CMP-14: "audits of others affected"). A remedy of kind
 * service_improvement can define a review cohort by a named criterion over register rows; the cohort is fixed
 * when it is defined (so progress does not move as the register changes) and becomes a worklist.
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { Remedy } from '../case-file/schema.ts';

/** One row of the register: one person's one duty, as the register list shows it. */
export interface RegisterRow {
  personId: string;
  dutyId: string;
  /** The duty has started and not ended on the date the cohort is defined. */
  dutyOpen: boolean;
  /** The due date of the review of the plan in force (see plan-review-overdue); null with no agreed plan. */
  planReviewDue: CivilDate | null;
  /** The worker allocated now, or null. */
  allocatedStaffId: string | null;
  /** Any unrefunded charge on an aftercare service during the duty (aftercare-charged, aftercare-rent-charged). */
  chargedForAftercare: boolean;
}

export type CohortCriterion = 'plan_review_overdue' | 'no_allocated_worker' | 'charged_for_aftercare';

export const COHORT_CRITERIA: Readonly<Record<CohortCriterion, { label: string; matches: (row: RegisterRow, on: CivilDate) => boolean }>> = {
  plan_review_overdue: {
    label: 'Everyone with an open duty whose plan review is overdue',
    matches: (row, on) => row.dutyOpen && row.planReviewDue !== null && row.planReviewDue < on,
  },
  no_allocated_worker: {
    label: 'Everyone with an open duty and no allocated worker',
    matches: (row) => row.dutyOpen && row.allocatedStaffId === null,
  },
  charged_for_aftercare: {
    label: 'Everyone charged for aftercare',
    matches: (row) => row.chargedForAftercare,
  },
};

export interface ReviewCohort {
  remedyId: string;
  criterion: CohortCriterion;
  label: string;
  definedOn: CivilDate;
  members: { personId: string; dutyId: string }[];
}

export type DefineCohortResult = { ok: true; cohort: ReviewCohort } | { ok: false; refusal: string };

export function defineCohort(remedy: Remedy, criterion: CohortCriterion, rows: readonly RegisterRow[], definedOn: CivilDate): DefineCohortResult {
  if (remedy.kind !== 'service_improvement') {
    return { ok: false, refusal: 'Only a service improvement can have a review of other people.' };
  }
  const { label, matches } = COHORT_CRITERIA[criterion];
  const members = rows
    .filter((row) => matches(row, definedOn))
    .map((row) => ({ personId: row.personId, dutyId: row.dutyId }))
    .sort((a, b) => (a.personId + '\u0000' + a.dutyId < b.personId + '\u0000' + b.dutyId ? -1 : 1));
  return { ok: true, cohort: { remedyId: remedy.id, criterion, label, definedOn, members } };
}

export interface CohortReview {
  personId: string;
  dutyId: string;
  reviewedOn: CivilDate;
}

export interface CohortProgress {
  reviewed: number;
  total: number;
  /** Members still to review, in worklist order. */
  outstanding: { personId: string; dutyId: string }[];
  complete: boolean;
  summary: string;
}

/** Progress on asOf: a member counts once reviewed on or after the cohort was defined, and on or before asOf. */
export function cohortProgress(cohort: ReviewCohort, reviews: readonly CohortReview[], asOf: CivilDate): CohortProgress {
  const done = new Set(
    reviews
      .filter((review) => review.reviewedOn >= cohort.definedOn && review.reviewedOn <= asOf)
      .map((review) => `${review.personId}\u0000${review.dutyId}`),
  );
  const outstanding = cohort.members.filter((member) => !done.has(`${member.personId}\u0000${member.dutyId}`));
  const total = cohort.members.length;
  const reviewed = total - outstanding.length;
  return { reviewed, total, outstanding, complete: outstanding.length === 0, summary: `${reviewed} of ${total} reviewed` };
}
