/**
 * The auditors' search form: reads the query string into an AuditSearch, with GOV.UK-style messages for
 * what is wrong. Dates are civil dates in UK time: "from 3 March" means from midnight in London that day,
 * "to 5 March" up to the end of that day.
 */
import type { ValidationIssue } from '../errors.ts';

export interface AuditQuery {
  personId?: string;
  user?: string;
  fromDay?: string;
  fromMonth?: string;
  fromYear?: string;
  toDay?: string;
  toMonth?: string;
  toYear?: string;
  page?: string;
}

export interface ParsedAuditQuery {
  personId: string | undefined;
  user: string | undefined;
  from: Date | undefined;
  /** Exclusive: midnight after the last day asked for. */
  to: Date | undefined;
  page: number;
  issues: ValidationIssue[];
}

/** The instant of midnight in Europe/London at the start of the civil date y-m-d. */
export function londonMidnight(year: number, month: number, day: number): Date {
  const utc = Date.UTC(year, month - 1, day);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(utc));
  const londonHourAtUtcMidnight = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  return new Date(utc - londonHourAtUtcMidnight * 3_600_000);
}

function parseDate(prefix: 'from' | 'to', label: string, day?: string, month?: string, year?: string): { date?: [number, number, number]; issue?: ValidationIssue } {
  const given = [day, month, year].map((v) => (v ?? '').trim());
  if (given.every((v) => v === '')) return {};
  const [d, m, y] = given.map(Number) as [number, number, number];
  const valid = given.every((v) => /^\d+$/.test(v)) && y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!valid) return { issue: { path: `${prefix}Day`, message: `${label} must be a real date, like 27 3 2026` } };
  return { date: [y, m, d] };
}

export function parseAuditQuery(query: AuditQuery): ParsedAuditQuery {
  const issues: ValidationIssue[] = [];
  const from = parseDate('from', 'Date from', query.fromDay, query.fromMonth, query.fromYear);
  const to = parseDate('to', 'Date to', query.toDay, query.toMonth, query.toYear);
  if (from.issue) issues.push(from.issue);
  if (to.issue) issues.push(to.issue);
  const fromDate = from.date ? londonMidnight(...from.date) : undefined;
  const toDate = to.date ? londonMidnight(to.date[0], to.date[1], to.date[2] + 1) : undefined;
  if (fromDate && toDate && toDate <= fromDate) issues.push({ path: 'toDay', message: 'Date to must be the same as or after date from' });
  const page = Math.max(1, Math.min(Number.parseInt(query.page ?? '1', 10) || 1, 10_000));
  const text = (value?: string) => (value && value.trim() !== '' ? value.trim() : undefined);
  return { personId: text(query.personId), user: text(query.user), from: fromDate, to: toDate, page, issues };
}
