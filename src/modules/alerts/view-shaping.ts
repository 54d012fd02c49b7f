/** Shaping alerts for pages (pure): severity tags, one colour meaning each, and the rows of an alert table. */
import { formatCivilDate } from '../register/view-shaping/format.ts';
import type { AlertSubjectKind } from '../../domain/rules/evaluation.ts';
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

const subjectKindWords: Record<AlertSubjectKind, string> = {
  detention: 'detention',
  duty: 'duty',
  dispute: 'dispute',
  carePlan: 'aftercare plan',
  need: 'need',
  service: 'service',
  charge: 'charge',
  paymentOffer: 'payment offer',
  panelRequest: 'panel request',
  decision: 'decision',
  communicationPlan: 'communication plan',
  appointment: 'appointment',
  meeting: 'meeting',
  action: 'action',
  complaint: 'complaint',
  remedy: 'Ombudsman remedy',
};

/**
 * What an alert is about, in words ("panel request" for `panelRequest`). The stored and API values keep the
 * case-file names; only pages show these. A kind the engine adds later still reads as words.
 */
export function subjectKindText(kind: string): string {
  return (subjectKindWords as Record<string, string>)[kind] ?? kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
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
  subjectText: string;
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
    subjectText: subjectKindText(alert.subject.kind),
    subjectId: alert.subject.id,
  }));
}
