/**
 * England and Wales bank holidays, computed by rule (alert-rules "Terms": a working day is Monday–Friday
 * and not an England and Wales bank holiday).
 *
 * The rules reproduce the published gov.uk lists for 1995–2035, including every move and one-off day
 * proclaimed in that period. Outside 1995–2035 the same general rules are applied (no throw), because a case
 * file may hold records from any year and evaluation must not fail on an old date; those years carry no
 * one-off days and the early May holiday is assumed to exist (it began in 1978), so treat them as an
 * estimate. Results are cached per year.
 */
import { addDays, civilDate, dayOfWeek, fromDayNumber, toDayNumber, type CivilDate } from './civil-date.ts';

/** The years whose holidays are checked against the published lists, including one-off days. */
export const VERIFIED_YEARS = { from: 1995, to: 2035 } as const;

/** Moved holidays: the usual date (by rule) is replaced by the proclaimed one. */
const MOVED: Record<string, CivilDate> = {
  '1995-05-01': '1995-05-08', // early May moved for the 50th anniversary of VE Day
  '2020-05-04': '2020-05-08', // early May moved to Friday for the 75th anniversary of VE Day
  '2002-05-27': '2002-06-04', // spring moved for the Golden Jubilee
  '2012-05-28': '2012-06-04', // spring moved for the Diamond Jubilee
  '2022-05-30': '2022-06-02', // spring moved for the Platinum Jubilee
};

/** Additional one-off bank holidays. */
const ONE_OFF: readonly CivilDate[] = [
  '1999-12-31', // Millennium
  '2002-06-03', // Golden Jubilee
  '2011-04-29', // Royal wedding
  '2012-06-05', // Diamond Jubilee
  '2022-06-03', // Platinum Jubilee
  '2022-09-19', // State funeral of Queen Elizabeth II
  '2023-05-08', // Coronation of King Charles III
];

/** Easter Sunday by the Gregorian computus (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return civilDate(year, Math.floor(n / 31), (n % 31) + 1);
}

function firstMonday(year: number, month: number): CivilDate {
  const first = civilDate(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number, daysInThatMonth: number): CivilDate {
  const last = civilDate(year, month, daysInThatMonth);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

/** A fixed-date holiday falling on a weekend is replaced by the next weekday not already taken. */
function substituteFixed(dates: CivilDate[]): CivilDate[] {
  const taken = new Set<CivilDate>();
  const result: CivilDate[] = [];
  for (const date of dates) {
    let day = date;
    while (dayOfWeek(day) >= 6 || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    result.push(day);
  }
  return result;
}

function computeYear(year: number): CivilDate[] {
  const easter = easterSunday(year);
  const byRule = [
    ...substituteFixed([civilDate(year, 1, 1)]),
    addDays(easter, -2),
    addDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5, 31),
    lastMonday(year, 8, 31),
    ...substituteFixed([civilDate(year, 12, 25), civilDate(year, 12, 26)]),
  ];
  const moved = byRule.map((date) => MOVED[date] ?? date);
  const oneOffs = ONE_OFF.filter((date) => Number(date.slice(0, 4)) === year);
  return [...new Set([...moved, ...oneOffs])].sort();
}

interface YearEntry {
  list: readonly CivilDate[];
  dayNumbers: ReadonlySet<number>;
}
const byYear = new Map<number, YearEntry>();

function yearEntry(year: number): YearEntry {
  let entry = byYear.get(year);
  if (!entry) {
    const list = Object.freeze(computeYear(year));
    entry = { list, dayNumbers: new Set(list.map(toDayNumber)) };
    byYear.set(year, entry);
  }
  return entry;
}

/** The bank holidays of England and Wales in `year`, in date order. */
export function bankHolidaysIn(year: number): readonly CivilDate[] {
  if (!Number.isInteger(year)) throw new RangeError(`bankHolidaysIn: year must be a whole number, got ${year}`);
  return yearEntry(year).list;
}

export function isBankHoliday(date: CivilDate): boolean {
  return yearEntry(Number(date.slice(0, 4))).dayNumbers.has(toDayNumber(date));
}

// The verified years' holidays as day numbers, built once, so the working-day loops never build strings.
let verified: { first: number; last: number; holidays: ReadonlySet<number> } | undefined;

/** Is the day with this day number (days since 1970-01-01) a bank holiday? The fast path for loops. */
export function isBankHolidayNumber(dayNumber: number): boolean {
  if (!verified) {
    const holidays = new Set<number>();
    for (let year = VERIFIED_YEARS.from; year <= VERIFIED_YEARS.to; year += 1) {
      for (const day of yearEntry(year).dayNumbers) holidays.add(day);
    }
    verified = {
      first: toDayNumber(civilDate(VERIFIED_YEARS.from, 1, 1)),
      last: toDayNumber(civilDate(VERIFIED_YEARS.to, 12, 31)),
      holidays,
    };
  }
  if (dayNumber >= verified.first && dayNumber <= verified.last) return verified.holidays.has(dayNumber);
  return isBankHoliday(fromDayNumber(dayNumber));
}
