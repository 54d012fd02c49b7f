import type { Alert } from '../../evaluation.ts';
import { QUALIFYING_SECTIONS, type AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `duty-without-qualifying-detention` (ELIG-01, ELIG-02): a recorded duty rests on a detention under a
 * section that gives no aftercare duty (only 3, 37, 37/41, 45A, 47, 47/49, 48 and 48/49 do). `since` is the duty start.
 */
export const dutyWithoutQualifyingDetention: AlertRule = {
  id: 'duty-without-qualifying-detention',
  severity: 'medium',
  subjectKind: 'duty',
  summary:
    'A duty on the register rests on a detention under a section that does not give section 117 aftercare.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const duty of ctx.view.duties) {
      if (duty.start > ctx.asOf) continue;
      const detention = ctx.detention(duty.detentionId);
      if (detention && QUALIFYING_SECTIONS.has(detention.section)) continue;
      const basis = detention
        ? `detention ${detention.id} under section ${detention.section}, which does not give section 117 aftercare`
        : `detention ${duty.detentionId}, which is not recorded`;
      alerts.push(
        raise(
          dutyWithoutQualifyingDetention,
          duty.start,
          duty.id,
          `Duty ${duty.id}, from ${longDate(duty.start)}, rests on ${basis}.`,
        ),
      );
    }
    return alerts;
  },
};
