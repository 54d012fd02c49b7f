import { plusDays } from '../dates.ts';
import type { Alert } from '../../evaluation.ts';
import { inProgressOn, type AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `assessed-need-unmet` (SERV-01, SERV-02, PLAN-04): a need related to the mental disorder in the care
 * plan in force of an active duty has, `assessedNeedUnmetDays` or more after that plan was agreed, no service in
 * progress on asOf that lists it. `since` is agreedOn + 28 days.
 */
export const assessedNeedUnmet: AlertRule = {
  id: 'assessed-need-unmet',
  severity: 'high',
  subjectKind: 'need',
  summary:
    'A need the aftercare plan links to the mental disorder has had no service meeting it for 28 days or more after the plan was agreed.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const duty of ctx.activeDuties) {
      const plan = ctx.carePlanInForce(duty.id, ctx.asOf);
      if (!plan || plan.agreedOn === undefined) continue;
      const since = plusDays(plan.agreedOn, ctx.thresholds.assessedNeedUnmetDays);
      if (ctx.asOf < since) continue;
      for (const need of plan.needs) {
        if (!need.relatedToMentalDisorder) continue;
        if (ctx.servicesFor(need.id).some((service) => inProgressOn(service, ctx.asOf))) continue;
        alerts.push(
          raise(
            assessedNeedUnmet,
            since,
            need.id,
            `Need ${need.id} ("${need.description}") in aftercare plan ${plan.id}, agreed on ${longDate(plan.agreedOn)}, has no service meeting it.`,
          ),
        );
      }
    }
    return alerts;
  },
};
