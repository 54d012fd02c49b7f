import { daysFrom } from '../dates.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

const REFUSALS: ReadonlySet<string> = new Set(['declined_by_provider', 'no_vacancy']);

/**
 * Catalogue row `placement-refusals-unresolved` (SERV-04, LA-12: aftercare must not be delayed): for one duty,
 * `placementRefusalsCount` searches ended declined_by_provider or no_vacancy with `outcomeOn` dates spanning
 * `placementRefusalsWindowDays` or less, none is accepted as of asOf, and the person is not in settled accommodation
 * on asOf (no residence counts as unsettled). `since` is the third `outcomeOn` of the earliest such set.
 */
export const placementRefusalsUnresolved: AlertRule = {
  id: 'placement-refusals-unresolved',
  severity: 'high',
  subjectKind: 'duty',
  summary:
    'Providers have turned down three or more placement searches within 90 days, nothing has been accepted, and the person is still without settled accommodation.',
  evaluate(ctx: AlertContext): Alert[] {
    if (
      ctx.view.placementSearches.length < ctx.thresholds.placementRefusalsCount ||
      ctx.isSettledOn(ctx.asOf)
    )
      return [];
    const alerts: Alert[] = [];
    const dutyIds = new Set(ctx.view.placementSearches.map((search) => search.dutyId));
    const n = Math.max(1, ctx.thresholds.placementRefusalsCount);
    for (const dutyId of dutyIds) {
      const searches = ctx.placementSearchesOf(dutyId);
      const accepted = searches.some(
        (search) =>
          search.outcome === 'accepted' && (search.outcomeOn === undefined || search.outcomeOn <= ctx.asOf),
      );
      if (accepted) continue;
      const refusedOn = searches
        .filter(
          (search) =>
            REFUSALS.has(search.outcome) && search.outcomeOn !== undefined && search.outcomeOn <= ctx.asOf,
        )
        .map((search) => search.outcomeOn as string)
        .sort();
      let since: string | undefined;
      for (let last = n - 1; last < refusedOn.length; last += 1) {
        const first = refusedOn[last - n + 1] as string;
        const third = refusedOn[last] as string;
        if (daysFrom(first, third) <= ctx.thresholds.placementRefusalsWindowDays) {
          since = third;
          break;
        }
      }
      if (since === undefined) continue;
      alerts.push(
        raise(
          placementRefusalsUnresolved,
          since,
          dutyId,
          `By ${longDate(since)}, ${n} placement searches for duty ${dutyId} had been turned down within ${ctx.thresholds.placementRefusalsWindowDays} days; none has been accepted and ${ctx.personName} has no settled accommodation.`,
        ),
      );
    }
    return alerts;
  },
};
