import type { Alert } from '../../evaluation.ts';
import { endedByDecision, type AlertContext } from '../context.ts';
import { listOf, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeEnding, signedOff } from './ending.ts';

/**
 * Catalogue row `ended-without-joint-decision` (END-01, END-03(c): one body alone cannot end the duty): a duty ended
 * other than by re-detention or death lacks the council's or the health body's sign-off. `since` is the end.
 */
export const endedWithoutJointDecision: AlertRule = {
  id: 'ended-without-joint-decision',
  severity: 'high',
  subjectKind: 'duty',
  summary:
    'A duty was ended without both the council and the health body signing off that aftercare is no longer needed.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const duty of ctx.view.duties) {
      if (!endedByDecision(duty, ctx.asOf)) continue;
      const missing = [
        ...(signedOff(duty.ending?.localAuthoritySignOff, ctx) ? [] : ['the council']),
        ...(signedOff(duty.ending?.healthBodySignOff, ctx) ? [] : ['the health body']),
      ];
      if (missing.length === 0) continue;
      alerts.push(
        raise(
          endedWithoutJointDecision,
          duty.end,
          duty.id,
          `${describeEnding(duty)} without a sign-off from ${listOf(missing)}; one body alone cannot end section 117 aftercare.`,
        ),
      );
    }
    return alerts;
  },
};
