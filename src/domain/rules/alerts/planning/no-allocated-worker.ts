import { maxDate } from '../../../calendar/civil-date.ts';
import { plusDays } from '../dates.ts';
import type { Alert } from '../../evaluation.ts';
import { covers, type AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `no-allocated-worker` (PLAN-03, PLAN-05: a care coordinator arranges the plan and its reviews).
 * D is the last day an allocation of the duty covered (or the day before the duty start if there never was one, or
 * if the last ended before the duty began); raised when no allocation covers asOf and asOf is on or after the 5th
 * working day after D. `since` is D + 1.
 */
export const noAllocatedWorker: AlertRule = {
  id: 'no-allocated-worker',
  severity: 'high',
  subjectKind: 'duty',
  summary: 'An active duty has had no allocated worker for 5 working days or more.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const duty of ctx.activeDuties) {
      let lastCovered = plusDays(duty.start, -1);
      let coveredNow = false;
      for (const allocation of ctx.allocationsOf(duty.id)) {
        if (allocation.from > ctx.asOf) continue;
        if (covers(allocation.from, allocation.to, ctx.asOf)) {
          coveredNow = true;
          break;
        }
        if (allocation.to !== undefined) lastCovered = maxDate(lastCovered, plusDays(allocation.to, -1));
      }
      if (
        coveredNow ||
        ctx.asOf < ctx.workingDaysAfter(lastCovered, ctx.thresholds.noAllocatedWorkerWorkingDays)
      )
        continue;
      const since = plusDays(lastCovered, 1);
      alerts.push(
        raise(
          noAllocatedWorker,
          since,
          duty.id,
          `Duty ${duty.id} has had no allocated worker since ${longDate(since)}.`,
        ),
      );
    }
    return alerts;
  },
};
