/**
 * CSV of listed alerts (RFC 4180), with cells that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) prefixed with an apostrophe.
 */
import type { ListedAlert } from './api-schemas.ts';

export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLines(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function alertsCsv(alerts: readonly ListedAlert[]): string {
  return csvLines([
    ['personId', 'id', 'severity', 'since', 'subjectKind', 'subjectId', 'message', 'acknowledged'],
    ...alerts.map((a) => [a.personId, a.id, a.severity, a.since, a.subject.kind, a.subject.id, a.message, a.acknowledged]),
  ]);
}

export function alertsTable(alerts: readonly ListedAlert[]): string {
  const rows = [['PERSON', 'ALERT', 'SEVERITY', 'SINCE', 'SUBJECT', 'ACK'], ...alerts.map((a) => [a.personId, a.id, a.severity, a.since, `${a.subject.kind} ${a.subject.id}`, a.acknowledged ? 'yes' : ''])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}
