import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `action-overdue` (CMP-01, CMP-15: agreed actions are done and evidenced): an action's `due` is before
 * asOf and it has no `completedOn` on or before asOf. `since` is `due`.
 */
export const actionOverdue: AlertRule = {
  id: 'action-overdue',
  severity: 'medium',
  subjectKind: 'action',
  summary: 'An agreed action has passed its due date without being completed.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const action of ctx.view.actions) {
      if (!(action.due < ctx.asOf) || (action.completedOn !== undefined && action.completedOn <= ctx.asOf))
        continue;
      alerts.push(
        raise(
          actionOverdue,
          action.due,
          action.id,
          `Action ${action.id} ("${action.text}") was due on ${longDate(action.due)} and has not been completed.`,
        ),
      );
    }
    return alerts;
  },
};
