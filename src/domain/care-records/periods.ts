/**
 * Half-open date periods (contract "Conventions"): `from` up to the day before `to`; no `to` means open.
 */
import type { CivilDate } from '../calendar/civil-date.ts';

export interface Period {
  from: CivilDate;
  to?: CivilDate | undefined;
}

/** True when the two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aStartsBeforeBEnds = b.to === undefined || a.from < b.to;
  const bStartsBeforeAEnds = a.to === undefined || b.from < a.to;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/** True when `date` falls within the period. */
export function periodCovers(period: Period, date: CivilDate): boolean {
  return period.from <= date && (period.to === undefined || date < period.to);
}
