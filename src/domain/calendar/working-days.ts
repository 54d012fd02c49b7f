/**
 * Working days (alert-rules "Terms"): Monday–Friday, not an England and Wales bank holiday.
 * "N working days after D" is the Nth working day after D (alert-rules "Counting"): D itself never counts,
 * whether or not it is a working day.
 */
import { dayOfWeek, fromDayNumber, toDayNumber, type CivilDate } from './civil-date.ts';
import { isBankHoliday, isBankHolidayNumber } from './bank-holidays.ts';

export function isWorkingDay(date: CivilDate): boolean {
  return dayOfWeek(date) <= 5 && !isBankHoliday(date);
}

// Day number 0 (1970-01-01) was a Thursday; ISO weekday 1 = Monday … 7 = Sunday.
function isWeekdayNumber(dayNumber: number): boolean {
  const iso = ((((dayNumber + 3) % 7) + 7) % 7) + 1;
  return iso <= 5;
}

function isWorkingDayNumber(dayNumber: number): boolean {
  return isWeekdayNumber(dayNumber) && !isBankHolidayNumber(dayNumber);
}

/**
 * The Nth working day after `date` (n > 0), or the Nth working day before it (n < 0). n = 0 gives `date`.
 * Example: addWorkingDays('2025-04-17', 1) = '2025-04-22' (Good Friday and Easter Monday skipped).
 */
export function addWorkingDays(date: CivilDate, n: number): CivilDate {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be a whole number, got ${n}`);
  if (n === 0) return date;
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let dayNumber = toDayNumber(date);
  while (remaining > 0) {
    dayNumber += step;
    if (isWorkingDayNumber(dayNumber)) remaining -= 1;
  }
  return fromDayNumber(dayNumber);
}

/**
 * The number of working days d with from < d <= to (0 when `to` is not after `from`), so that
 * `addWorkingDays(from, workingDaysBetween(from, to)) <= to`.
 */
export function workingDaysBetween(from: CivilDate, to: CivilDate): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  let count = 0;
  for (let dayNumber = start + 1; dayNumber <= end; dayNumber += 1) {
    if (isWorkingDayNumber(dayNumber)) count += 1;
  }
  return count;
}
