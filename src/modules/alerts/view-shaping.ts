/** Shaping alerts for pages (pure): severity tags, one colour meaning each, and the rows of an alert table. */
import { formatCivilDate } from '../register/view-shaping/format.ts';
import type { ListedAlert } from './api-schemas.ts';

export const severityTags = {
  high: { text: 'High', classes: 'govuk-tag--red' },
  medium: { text: 'Medium', classes: 'govuk-tag--orange' },
  low: { text: 'Low', classes: 'govuk-tag--grey' },
} as const;

export function ruleName(ruleId: string): string {
  const words = ruleId.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface AlertRowView {
  personId: string;
  personHref: string;
  ruleId: string;
  rule: string;
  severity: { text: string; classes: string };
  since: string;
  message: string;
  acknowledged: boolean;
  subjectKind: string;
  subjectId: string;
}

export function alertRows(alerts: readonly ListedAlert[], personHref: (id: string) => string): AlertRowView[] {
  return alerts.map((alert) => ({
    personId: alert.personId,
    personHref: personHref(alert.personId),
    ruleId: alert.id,
    rule: ruleName(alert.id),
    severity: severityTags[alert.severity],
    since: formatCivilDate(alert.since),
    message: alert.message,
    acknowledged: alert.acknowledged,
    subjectKind: alert.subject.kind,
    subjectId: alert.subject.id,
  }));
}
