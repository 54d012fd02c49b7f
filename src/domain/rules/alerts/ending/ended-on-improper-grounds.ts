import type { Alert } from '../../evaluation.ts';
import { endedByDecision, type AlertContext } from '../context.ts';
import { raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeEnding } from './ending.ts';

/**
 * Catalogue row `ended-on-improper-grounds` (END-03(b), Code of Practice ch.33 list of grounds that do not end
 * aftercare): a duty ended other than by re-detention or death, and its grounds do not include
 * `needs_no_longer_arise`. `since` is the end.
 */
export const endedOnImproperGrounds: AlertRule = {
  id: 'ended-on-improper-grounds',
  severity: 'high',
  subjectKind: 'duty',
  summary: 'A duty was ended without a finding that the person no longer has needs for aftercare.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const duty of ctx.view.duties) {
      if (!endedByDecision(duty, ctx.asOf)) continue;
      const grounds = duty.ending?.grounds ?? [];
      if (grounds.includes('needs_no_longer_arise')) continue;
      const given =
        grounds.length === 0
          ? 'with no grounds recorded'
          : `on grounds (${grounds.map((g) => g.replaceAll('_', ' ')).join(', ')}) that do not show`;
      alerts.push(
        raise(
          endedOnImproperGrounds,
          duty.end,
          duty.id,
          grounds.length === 0
            ? `${describeEnding(duty)} ${given}; it can end only when the person no longer needs aftercare.`
            : `${describeEnding(duty)} ${given} the person no longer needs aftercare.`,
        ),
      );
    }
    return alerts;
  },
};
