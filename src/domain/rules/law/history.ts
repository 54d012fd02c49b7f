/**
 * Reading the residence and GP registration histories (half-open periods, oldest first).
 */
import { addDays, type CivilDate } from '../../calendar/civil-date.ts';
import type { GpRegistration, Residence } from '../../case-file/schema.ts';

interface Period {
  from: CivilDate;
  to?: CivilDate | undefined;
}

/** Index of the last period that began strictly before `date`, or -1 (binary search: the history is sorted). */
export function lastIndexBefore(periods: readonly Period[], date: CivilDate): number {
  let low = 0;
  let high = periods.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((periods[middle] as Period).from < date) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function covers(period: Period, date: CivilDate): boolean {
  return period.from <= date && (period.to === undefined || period.to > date);
}

/** The GP registration in force on `date` (the latest one, if the history overlaps). */
export function gpRegistrationOn(registrations: readonly GpRegistration[], date: CivilDate): GpRegistration | null {
  for (let i = lastIndexBefore(registrations, nextDayKey(date)); i >= 0; i--) {
    const registration = registrations[i] as GpRegistration;
    if (covers(registration, date)) return registration;
  }
  return null;
}

/** The residence in force on `date`. */
export function residenceOn(residences: readonly Residence[], date: CivilDate): Residence | null {
  for (let i = lastIndexBefore(residences, nextDayKey(date)); i >= 0; i--) {
    const residence = residences[i] as Residence;
    if (covers(residence, date)) return residence;
    if (residence.to !== undefined && residence.to <= date) return null;
  }
  return null;
}

/** Does the period overlap [start, end) — or, with no end, [start, asOf]? */
export function overlaps(period: Period, start: CivilDate, end: CivilDate | undefined, asOf: CivilDate): boolean {
  const beforeEnd = end === undefined ? period.from <= asOf : period.from < end;
  return beforeEnd && (period.to === undefined || period.to > start);
}

/** A key that sorts after every period beginning on `date` and before any beginning the day after. */
function nextDayKey(date: CivilDate): string {
  return `${date}~`;
}

/** The day before `date`: string arithmetic when it stays in the month (a hot path), else the calendar. */
export function dayBefore(date: CivilDate): CivilDate {
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  if (day <= 1) return addDays(date, -1);
  const previous = day - 1;
  return `${date.slice(0, 8)}${previous < 10 ? '0' : ''}${previous}`;
}
