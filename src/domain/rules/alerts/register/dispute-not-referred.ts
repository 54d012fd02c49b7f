import { addMonths } from '../../../calendar/civil-date.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { isOpenDispute } from './dispute-leaves-nobody-providing.ts';

/**
 * Catalogue row `dispute-not-referred` (LA-11, LA-12: refer to the Secretary of State after 4 months): a dispute
 * still open `disputeReferralMonths` after `openedOn` has no `referredOn`. `since` is openedOn + 4 months.
 */
export const disputeNotReferred: AlertRule = {
  id: 'dispute-not-referred',
  severity: 'medium',
  subjectKind: 'dispute',
  summary:
    'A dispute about who is responsible has been open for 4 months and has not been referred for a determination.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const dispute of ctx.view.disputes) {
      if (!isOpenDispute(dispute, ctx)) continue;
      if (dispute.referredOn !== undefined && dispute.referredOn <= ctx.asOf) continue;
      const due = addMonths(dispute.openedOn, ctx.thresholds.disputeReferralMonths);
      if (ctx.asOf < due) continue;
      alerts.push(
        raise(
          disputeNotReferred,
          due,
          dispute.id,
          `Dispute ${dispute.id}, opened on ${longDate(dispute.openedOn)}, should have been referred for a determination by ${longDate(due)}.`,
        ),
      );
    }
    return alerts;
  },
};
