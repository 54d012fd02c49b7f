import type { Alert } from '../../evaluation.ts';
import { covers, endedByDecision, type AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeEnding } from './ending.ts';

/**
 * Catalogue row `ended-during-cto` (END-02: no decision to end aftercare while the person is a community patient):
 * a duty ended, other than by re-detention or death, on a date a CTO of its detention was in force. `since` is the end.
 */
export const endedDuringCto: AlertRule = {
  id: 'ended-during-cto',
  severity: 'high',
  subjectKind: 'duty',
  summary:
    'A duty was ended while the person was on a community treatment order, when the law does not allow it.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const duty of ctx.view.duties) {
      if (!endedByDecision(duty, ctx.asOf)) continue;
      const cto = ctx.view.ctos.find(
        (order) => order.detentionId === duty.detentionId && covers(order.start, order.end, duty.end),
      );
      if (!cto) continue;
      alerts.push(
        raise(
          endedDuringCto,
          duty.end,
          duty.id,
          `${describeEnding(duty)} while ${ctx.personName} was on community treatment order ${cto.id} (from ${longDate(cto.start)}); aftercare cannot end during a CTO.`,
        ),
      );
    }
    return alerts;
  },
};
