/**
 * The chronology's filters: one small pure function each (by type, by date range, by text), and their
 * composition from a query. An undated entry passes a date filter only when no date is asked for.
 */
import type { ChronologyEntry, ChronologyType } from './build-chronology.ts';

export function byTypes(entries: readonly ChronologyEntry[], types: readonly ChronologyType[]): ChronologyEntry[] {
  if (types.length === 0) return [...entries];
  const wanted = new Set<string>(types);
  return entries.filter((entry) => wanted.has(entry.type));
}

export function byDateRange(entries: readonly ChronologyEntry[], from?: string, to?: string): ChronologyEntry[] {
  if (!from && !to) return [...entries];
  return entries.filter((entry) => entry.date !== undefined && (!from || entry.date >= from) && (!to || entry.date <= to));
}

export function byText(entries: readonly ChronologyEntry[], text?: string): ChronologyEntry[] {
  const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = `${entry.title} ${entry.detail} ${entry.recordId}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export interface ChronologyQuery {
  types: ChronologyType[];
  from?: string | undefined;
  to?: string | undefined;
  text?: string | undefined;
}

export function filterChronology(entries: readonly ChronologyEntry[], query: ChronologyQuery): ChronologyEntry[] {
  return byText(byDateRange(byTypes(entries, query.types), query.from, query.to), query.text);
}
