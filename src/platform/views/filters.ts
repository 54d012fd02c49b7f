/**
 * Nunjucks filters shared by every page: dates as people read them, in UK time.
 */
import type nunjucks from 'nunjucks';

const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** A moment (Date or ISO string) as "27 November 2026, 14:05" in UK time. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTime.format(date);
}

/** A civil date `YYYY-MM-DD` as "27 November 2026" (no time zone shift). */
export function formatCivilDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dateOnly.format(date);
}

export function prettyJson(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value, null, 2);
}

export function registerFilters(env: nunjucks.Environment): void {
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('civilDate', formatCivilDate);
  env.addFilter('prettyJson', prettyJson);
}
