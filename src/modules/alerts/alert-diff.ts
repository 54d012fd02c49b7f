/**
 * What changes in a case's stored alerts when it is evaluated again (pure): alerts that now hold and were
 * not stored are raised, stored ones that no longer hold are cleared, and those that still hold keep their
 * row (updated when the engine now words, dates or grades them differently).
 */
import type { Alert } from '../../domain/rules/evaluation.ts';

export interface StoredAlertKey {
  ruleId: string;
  subjectKind: string;
  subjectId: string;
}

export interface CurrentStoredAlert extends StoredAlertKey {
  id: string;
  severity: string;
  since: string;
  message: string;
}

export interface AlertDiff<R extends CurrentStoredAlert> {
  raise: Alert[];
  clear: R[];
  update: { row: R; alert: Alert }[];
}

export const alertKey = (key: StoredAlertKey): string => `${key.ruleId}\u0000${key.subjectKind}\u0000${key.subjectId}`;
export const keyOfAlert = (alert: Alert): string => alertKey({ ruleId: alert.id, subjectKind: alert.subject.kind, subjectId: alert.subject.id });

export function diffAlerts<R extends CurrentStoredAlert>(current: readonly R[], evaluated: readonly Alert[]): AlertDiff<R> {
  const stored = new Map(current.map((row) => [alertKey(row), row]));
  const now = new Map(evaluated.map((alert) => [keyOfAlert(alert), alert]));
  const raise: Alert[] = [];
  const update: { row: R; alert: Alert }[] = [];
  for (const [key, alert] of now) {
    const row = stored.get(key);
    if (!row) raise.push(alert);
    else if (row.severity !== alert.severity || row.since !== alert.since || row.message !== alert.message) update.push({ row, alert });
  }
  const clear = current.filter((row) => !now.has(alertKey(row)));
  return { raise, clear, update };
}

/** An acknowledgement hides an alert on `asOf` when it was made on or before then and its look-again date is later. */
export function acknowledgedOn(acks: readonly { acknowledgedOn: string; lookAgainOn: string }[], asOf: string): boolean {
  return acks.some((ack) => ack.acknowledgedOn <= asOf && asOf < ack.lookAgainOn);
}
