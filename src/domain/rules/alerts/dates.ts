/**
 * Day arithmetic for the alert rules' hot path. Same results as `calendar/civil-date.ts` (`addDays`,
 * `daysBetween`, checked against it in the tests) but on integers only, with no `Date` objects: the rules add and
 * subtract days tens of times per evaluation, and evaluation runs tens of thousands of times a second.
 * Working days and months still come from `domain/calendar`; working days are memoised here because the same
 * few (date, n) pairs come back across rules and evaluations.
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import { addWorkingDays } from '../../calendar/working-days.ts';

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayNumber(date: CivilDate): number {
  const month = digits(date, 5, 2);
  const day = digits(date, 8, 2);
  const year = digits(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
export function dateOfDayNumber(dayNumberValue: number): CivilDate {
  const z = dayNumberValue + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

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
