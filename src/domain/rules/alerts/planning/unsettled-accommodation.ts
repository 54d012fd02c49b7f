import { daysFrom } from '../dates.ts';
import type { Alert } from '../../evaluation.ts';
import { covers, UNSETTLED_RESIDENCE_KINDS, type AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * The start of the run of unsettled residences covering asOf: consecutive periods, without a gap, all of kind
 * rough_sleeping, no_fixed_abode, hotel or temporary. Undefined when the residence on asOf is settled or unknown.
 */
export function unsettledRunStart(ctx: AlertContext): string | undefined {
  const residences = ctx.residences;
  let index = residences.findIndex((residence) => covers(residence.from, residence.to, ctx.asOf));
  if (index < 0) return undefined;
  let current = residences[index];
  if (!current || !UNSETTLED_RESIDENCE_KINDS.has(current.kind)) return undefined;
  while (index > 0) {
    const previous = residences[index - 1];
    if (!previous || previous.to !== current.from || !UNSETTLED_RESIDENCE_KINDS.has(previous.kind)) break;
    current = previous;
    index -= 1;
  }
  return current.from;
}

/**
 * Catalogue row `unsettled-accommodation` (SERV-04: accommodation can be aftercare; LA-08): during an active duty the
 * person has been without settled accommodation for `unsettledAccommodationDays` or more. `since` is the run's start.
 */
export const unsettledAccommodation: AlertRule = {
  id: 'unsettled-accommodation',
  severity: 'high',
  subjectKind: 'duty',
  summary:
    'During an active duty the person has been sleeping rough, of no fixed abode, in a hotel or in temporary accommodation for 28 days or more.',
  evaluate(ctx: AlertContext): Alert[] {
    if (ctx.activeDuties.length === 0) return [];
    const start = unsettledRunStart(ctx);
    if (start === undefined || daysFrom(start, ctx.asOf) < ctx.thresholds.unsettledAccommodationDays)
      return [];
    return ctx.activeDuties.map((duty) =>
      raise(
        unsettledAccommodation,
        start,
        duty.id,
        `${ctx.personName} has had no settled accommodation since ${longDate(start)} (duty ${duty.id}).`,
      ),
    );
  },
};
