import { minDate } from '../../../calendar/civil-date.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `communication-arrangement-stale` (PLAN-03; the reference LGSCO decision, where letters kept going to
 * a contact after the arrangement's premise failed): the communication plan in force on asOf routes via a contact and
 * either its `reviewBy` is before asOf, or the decision it rests on has `premiseFailedOn`, asOf is after the 10th
 * working day after that date, and no communication plan has begun on or after it. `since` is the earlier trigger.
 */
export const communicationArrangementStale: AlertRule = {
  id: 'communication-arrangement-stale',
  severity: 'medium',
  subjectKind: 'communicationPlan',
  summary:
    'Information is still being routed through a contact after the arrangement was due for review or the reason for it stopped being true.',
  evaluate(ctx: AlertContext): Alert[] {
    const plan = ctx.communicationPlanOn(ctx.asOf);
    if (!plan || plan.route !== 'via_contact') return [];
    const contactName =
      plan.viaContactId === undefined
        ? 'a contact'
        : (ctx.contact(plan.viaContactId)?.name ?? plan.viaContactId);
    const reasons: string[] = [];
    let since: string | undefined;
    if (plan.reviewBy !== undefined && plan.reviewBy < ctx.asOf) {
      since = plan.reviewBy;
      reasons.push(`was due for review by ${longDate(plan.reviewBy)}`);
    }
    const failedOn =
      plan.decisionId === undefined ? undefined : ctx.decision(plan.decisionId)?.premiseFailedOn;
    if (
      failedOn !== undefined &&
      failedOn <= ctx.asOf &&
      ctx.asOf > ctx.workingDaysAfter(failedOn, ctx.thresholds.premiseFailedWorkingDays) &&
      !ctx.view.communicationPlans.some((other) => other.from >= failedOn && other.from <= ctx.asOf)
    ) {
      since = since === undefined ? failedOn : minDate(since, failedOn);
      reasons.push(
        `rests on decision ${plan.decisionId}, whose premise stopped being true on ${longDate(failedOn)}`,
      );
    }
    if (since === undefined) return [];
    return [
      raise(
        communicationArrangementStale,
        since,
        plan.id,
        `Communication plan ${plan.id}, from ${longDate(plan.from)}, still sends information through ${contactName}, but it ${reasons.join(' and ')}.`,
      ),
    ];
  },
};
