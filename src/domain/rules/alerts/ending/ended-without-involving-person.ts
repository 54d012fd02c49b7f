import type { Alert } from '../../evaluation.ts';
import { endedByDecision, type AlertContext } from '../context.ts';
import { raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeEnding } from './ending.ts';

/**
 * Catalogue row `ended-without-involving-person` (END-03(d), PLAN-03: the person is fully involved and told why):
 * a duty ended other than by re-detention or death, and the person was not involved, or — from the 11th working day
 * after the end — no written reasons have been sent (late reasons still clear it). `since` is the end.
 */
export const endedWithoutInvolvingPerson: AlertRule = {
  id: 'ended-without-involving-person',
  severity: 'medium',
  subjectKind: 'duty',
  summary:
    'A duty was ended without involving the person, or without sending them written reasons within 10 working days.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const duty of ctx.view.duties) {
      if (!endedByDecision(duty, ctx.asOf)) continue;
      const involved = duty.ending?.personInvolved === true;
      const sentOn = duty.ending?.writtenReasonsSentOn;
      const reasonsLate =
        (sentOn === undefined || sentOn > ctx.asOf) &&
        ctx.asOf >= ctx.workingDaysAfter(duty.end, ctx.thresholds.writtenReasonsWorkingDays + 1);
      if (involved && !reasonsLate) continue;
      const failures = [
        ...(involved ? [] : [`without involving ${ctx.personName}`]),
        ...(reasonsLate ? [`no written reasons have been sent to them`] : []),
      ];
      alerts.push(
        raise(
          endedWithoutInvolvingPerson,
          duty.end,
          duty.id,
          involved
            ? `${describeEnding(duty)} and ${failures[0]}.`
            : `${describeEnding(duty)} ${failures.join(', and ')}.`,
        ),
      );
    }
    return alerts;
  },
};
