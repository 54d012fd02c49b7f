/**
 * Plain-English pieces of alert messages (GOV.UK style: "12 March 2024") and the one way an alert is built.
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import type { Alert } from '../evaluation.ts';
import type { AlertRule } from './types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const longDates = new Map<CivilDate, string>();

/** "2024-03-12" → "12 March 2024" (memoised: messages name the same few dates again and again). */
export function longDate(date: CivilDate): string {
  let text = longDates.get(date);
  if (text === undefined) {
    const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? date.slice(5, 7);
    text = `${Number(date.slice(8, 10))} ${month} ${Number(date.slice(0, 4))}`;
    if (longDates.size >= 20_000) longDates.clear();
    longDates.set(date, text);
  }
  return text;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function raise(rule: AlertRule, since: CivilDate, subjectId: string, message: string): Alert {
  return {
    id: rule.id,
    severity: rule.severity,
    since,
    subject: { kind: rule.subjectKind, id: subjectId },
    message,
  };
}
