import { plusDays } from '../dates.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `no-aftercare-plan` (PLAN-02: the plan must be in place by discharge; SERV-14): an active duty,
 * more than `noAftercarePlanDays` after its start, has no care plan agreed on or before asOf. `since` is the duty start.
 */
export const noAftercarePlan: AlertRule = {
  id: 'no-aftercare-plan',
  severity: 'high',
  subjectKind: 'duty',
  summary: 'An active duty started more than 7 days ago and no aftercare plan has been agreed.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const duty of ctx.activeDuties) {
      if (ctx.asOf <= plusDays(duty.start, ctx.thresholds.noAftercarePlanDays)) continue;
      if (ctx.carePlanInForce(duty.id, ctx.asOf)) continue;
      alerts.push(
        raise(
          noAftercarePlan,
          duty.start,
          duty.id,
          `Duty ${duty.id} began on ${longDate(duty.start)} and no aftercare plan has been agreed for it.`,
        ),
      );
    }
    return alerts;
  },
};
