import { addMonths } from '../../../calendar/civil-date.ts';
import type { CarePlan } from '../../../case-file/schema.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * When the plan's next review falls due (alert-rules "plan-review-overdue"): 12 months after the latest
 * `reviewedOn <= asOf` when that is later than `reviewDue`; otherwise `reviewDue`; otherwise 12 months after `agreedOn`.
 */
export function reviewDueDate(plan: CarePlan & { agreedOn: string }, asOf: string, months: number): string {
  let lastReview: string | undefined;
  for (const reviewed of plan.reviewedOn ?? [])
    if (reviewed <= asOf && (lastReview === undefined || reviewed > lastReview)) lastReview = reviewed;
  const afterReview = lastReview === undefined ? undefined : addMonths(lastReview, months);
  if (afterReview !== undefined && (plan.reviewDue === undefined || afterReview > plan.reviewDue))
    return afterReview;
  return plan.reviewDue ?? addMonths(plan.agreedOn, months);
}

/**
 * Catalogue row `plan-review-overdue` (PLAN-05: regular reviews, default every 12 months): the plan of an active duty
 * agreed most recently on or before asOf is due for review before asOf. `since` is the due date.
 */
export const planReviewOverdue: AlertRule = {
  id: 'plan-review-overdue',
  severity: 'medium',
  subjectKind: 'carePlan',
  summary: 'The aftercare plan of an active duty has passed its review date without a review.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const duty of ctx.activeDuties) {
      const plan = ctx.carePlanInForce(duty.id, ctx.asOf);
      if (!plan || plan.agreedOn === undefined) continue;
      const due = reviewDueDate(
        { ...plan, agreedOn: plan.agreedOn },
        ctx.asOf,
        ctx.thresholds.planReviewMonths,
      );
      if (!(due < ctx.asOf)) continue;
      alerts.push(
        raise(
          planReviewOverdue,
          due,
          plan.id,
          `Aftercare plan ${plan.id} for duty ${duty.id}, agreed on ${longDate(plan.agreedOn)}, was due for review on ${longDate(due)} and has not been reviewed.`,
        ),
      );
    }
    return alerts;
  },
};
