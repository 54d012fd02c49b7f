/**
 * Dates as registers hold them. A column names its format; ISO dates (YYYY-MM-DD, with or without a midnight
 * time as spreadsheets export them) are always accepted too, since they cannot be misread. Two-digit years
 * are refused rather than guessed (a date of birth in '52 could be 1952 or 2052).
 */
import { civilDate, isCivilDate, type CivilDate } from '../../calendar/civil-date.ts';

export const dateFormats = ['DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD', 'D MMM YYYY'] as const;
export type DateFormat = (typeof dateFormats)[number];

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type DateReading = { ok: true; date: CivilDate } | { ok: false; reason: string };

export function readDate(input: string, format: DateFormat): DateReading {
  const value = input.trim().replace(/[T ]00:00(:00(\.0+)?)?Z?$/, '');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), input);

  const numeric = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(value);
  if (numeric && format !== 'D MMM YYYY') {
    const [a, b, c] = [numeric[1]!, numeric[2]!, numeric[3]!];
    if (format === 'YYYY-MM-DD') return a.length === 4 ? checked(Number(a), Number(b), Number(c), input) : wrongFormat(input, format);
    if (c.length !== 4) return { ok: false, reason: `${input} has a two-digit year: write the year in full` };
    return format === 'DD/MM/YYYY' ? checked(Number(c), Number(b), Number(a), input) : checked(Number(c), Number(a), Number(b), input);
  }
  const named = /^(\d{1,2})[\s\-/]+([a-z]{3,9})[\s\-/,]+(\d{2,4})$/i.exec(value);
  if (named) {
    const month = months.indexOf(named[2]!.slice(0, 3).toLowerCase()) + 1;
    if (month === 0 || !months[month - 1]!.startsWith(named[2]!.slice(0, 3).toLowerCase())) return { ok: false, reason: `${input} does not name a month` };
    if (named[3]!.length !== 4) return { ok: false, reason: `${input} has a two-digit year: write the year in full` };
    return checked(Number(named[3]), month, Number(named[1]), input);
  }
  return wrongFormat(input, format);
}

function checked(year: number, month: number, day: number, input: string): DateReading {
  if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, reason: `${input} is not a real date` };
  const date = civilDate(year, month, day);
  return isCivilDate(date) ? { ok: true, date } : { ok: false, reason: `${input} is not a real date` };
}

function wrongFormat(input: string, format: DateFormat): DateReading {
  return { ok: false, reason: `${input} is not a date in the form ${format}` };
}
