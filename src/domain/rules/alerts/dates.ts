/**
 * Day arithmetic for the alert rules' hot path, on the calendar's integer day numbers (no `Date` objects): the
 * rules add and subtract days tens of times per evaluation, and evaluation runs tens of thousands of times a second.
 * Working days and months still come from `domain/calendar`; working days are memoised here because the same
 * few (date, n) pairs come back across rules and evaluations.
 */
import { fromDayNumber, toDayNumber, type CivilDate } from '../../calendar/civil-date.ts';
import { addWorkingDays } from '../../calendar/working-days.ts';

/** Days since 1970-01-01, and back: the calendar's allocation-free day numbers. */
export const dayNumber = toDayNumber;
export const dateOfDayNumber = fromDayNumber;

/** D + n days. */
export function plusDays(date: CivilDate, days: number): CivilDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysFrom(from: CivilDate, to: CivilDate): number {
  return dayNumber(to) - dayNumber(from);
}

const MAX_CACHED = 50_000;
const workingDayCache = new Map<string, CivilDate>();

/** "N working days after D" (alert-rules "Counting"), memoised across evaluations (a pure function). */
export function workingDaysAfter(date: CivilDate, n: number): CivilDate {
  const key = `${date}+${n}`;
  let found = workingDayCache.get(key);
  if (found === undefined) {
    found = addWorkingDays(date, n);
    if (workingDayCache.size >= MAX_CACHED) workingDayCache.clear();
    workingDayCache.set(key, found);
  }
  return found;
}
