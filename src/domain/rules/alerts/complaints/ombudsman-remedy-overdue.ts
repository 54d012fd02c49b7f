import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeRemedy, remedyDueDate } from './remedy.ts';

/**
 * Catalogue row `ombudsman-remedy-overdue` (CMP-14, CMP-15: personal remedies typically within one month of the final
 * decision, service improvements within three): a remedy's due date has passed and it has no `completedOn` on or
 * before asOf. `since` is the due date.
 */
export const ombudsmanRemedyOverdue: AlertRule = {
  id: 'ombudsman-remedy-overdue',
  severity: 'high',
  subjectKind: 'remedy',
  summary: 'A remedy the Ombudsman asked for has not been completed by its due date.',
  raisedAfterDeath: true,
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const ombudsmanCase of ctx.view.ombudsmanCases) {
      for (const remedy of ombudsmanCase.remedies) {
        if (remedy.completedOn !== undefined && remedy.completedOn <= ctx.asOf) continue;
        const due = remedyDueDate(remedy, ombudsmanCase, ctx);
        if (due === undefined || !(due < ctx.asOf)) continue;
        alerts.push(
          raise(
            ombudsmanRemedyOverdue,
            due,
            remedy.id,
            `${describeRemedy(remedy, ombudsmanCase)} was due by ${longDate(due)} and has not been completed.`,
          ),
        );
      }
    }
    return alerts;
  },
};
