/**
 * The alerts of `../shared/domain/alert-rules.md`, raised on an as-of view of a case file (records dated after asOf
 * already removed by `evaluate.ts`). One alert per (id, subject); the caller sorts them.
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import type { CaseFile } from '../../case-file/schema.ts';
import type { RulesConfig } from '../config.ts';
import type { Alert, AlertSeverity, AlertSubjectKind, LawAnalysis } from '../evaluation.ts';
import { alertRules } from './catalogue.ts';
import { AlertContext } from './context.ts';

export type { AlertRule } from './types.ts';
export { alertRules } from './catalogue.ts';

export interface AlertCatalogueEntry {
  id: string;
  severity: AlertSeverity;
  subjectKind: AlertSubjectKind;
  summary: string;
}

export const alertCatalogue: readonly AlertCatalogueEntry[] = Object.freeze(
  alertRules.map(({ id, severity, subjectKind, summary }) =>
    Object.freeze({ id, severity, subjectKind, summary }),
  ),
);

export function computeAlerts(
  view: CaseFile,
  asOf: CivilDate,
  law: LawAnalysis,
  config: RulesConfig,
): Alert[] {
  const ctx = new AlertContext(view, asOf, law, config);
  const alerts: Alert[] = [];
  for (const rule of alertRules) {
    // END-06: after the person's death only complaint and ombudsman alerts are raised.
    if (ctx.personDied && !rule.raisedAfterDeath) continue;
    const raised = rule.evaluate(ctx);
    if (raised.length === 1) alerts.push(raised[0] as Alert);
    else if (raised.length > 1) pushOnePerSubject(alerts, raised);
  }
  return alerts;
}

/** One alert per (id, subject): a rule's alerts all share its id, so only subjects need comparing. */
function pushOnePerSubject(alerts: Alert[], raised: readonly Alert[]): void {
  const subjects = new Set<string>();
  for (const alert of raised) {
    if (subjects.has(alert.subject.id)) continue;
    subjects.add(alert.subject.id);
    alerts.push(alert);
  }
}
