import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `entitlement-not-registered` (ELIG-01, ELIG-04, SERV-14): the law gives a duty — a qualifying
 * detention has ended and the person has left hospital — but no recorded duty names that detention. `since` is the
 * start of the duty the law gives (the later of `end` and `leftHospital`).
 */
export const entitlementNotRegistered: AlertRule = {
  id: 'entitlement-not-registered',
  severity: 'high',
  subjectKind: 'detention',
  summary:
    'The person left hospital after a qualifying detention and is owed aftercare, but no duty for that detention is on the register.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const lawDuty of ctx.law.duties) {
      if (
        lawDuty.start > ctx.asOf ||
        ctx.view.duties.some((duty) => duty.detentionId === lawDuty.detentionId)
      )
        continue;
      const section = ctx.detention(lawDuty.detentionId)?.section;
      const what = section
        ? `the section ${section} detention ${lawDuty.detentionId}`
        : `detention ${lawDuty.detentionId}`;
      alerts.push(
        raise(
          entitlementNotRegistered,
          lawDuty.start,
          lawDuty.detentionId,
          `${ctx.personName} has been owed section 117 aftercare since ${longDate(lawDuty.start)} after ${what}, but no duty for it is on the register.`,
        ),
      );
    }
    return alerts;
  },
};
