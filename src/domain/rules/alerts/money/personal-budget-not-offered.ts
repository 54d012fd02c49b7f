import { minDate } from '../../../calendar/civil-date.ts';
import { plusDays } from '../dates.ts';
import type { CarePlan } from '../../../case-file/schema.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `personal-budget-not-offered` (SERV-10 direct payments, SERV-11 the legal right to a personal health
 * budget): `personalBudgetNotOfferedDays` after the first agreed plan of an active duty (earliest `agreedOn`), no
 * payment offer is dated on or after the earlier of that `agreedOn` and the duty start. `since` is agreedOn + 28 days.
 */
export const personalBudgetNotOffered: AlertRule = {
  id: 'personal-budget-not-offered',
  severity: 'medium',
  subjectKind: 'carePlan',
  summary:
    'Four weeks after the first aftercare plan was agreed, the person has not been offered a direct payment or personal health budget.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const duty of ctx.activeDuties) {
      let first: (CarePlan & { agreedOn: string }) | undefined;
      for (const plan of ctx.carePlansOf(duty.id)) {
        if (
          plan.agreedOn !== undefined &&
          plan.agreedOn <= ctx.asOf &&
          (!first || plan.agreedOn < first.agreedOn)
        )
          first = { ...plan, agreedOn: plan.agreedOn };
      }
      if (!first) continue;
      const since = plusDays(first.agreedOn, ctx.thresholds.personalBudgetNotOfferedDays);
      if (ctx.asOf < since) continue;
      const from = minDate(first.agreedOn, duty.start);
      // alert-rules "personal-budget-not-offered": any offer dated on or after `from` clears it, late or not.
      const offered = ctx.view.paymentOffers.some(
        (offer) => offer.offeredOn >= from && offer.offeredOn <= ctx.asOf,
      );
      if (offered) continue;
      alerts.push(
        raise(
          personalBudgetNotOffered,
          since,
          first.id,
          `Aftercare plan ${first.id} for duty ${duty.id} was agreed on ${longDate(first.agreedOn)} and ${ctx.personName} has not been offered a direct payment or personal health budget.`,
        ),
      );
    }
    return alerts;
  },
};
