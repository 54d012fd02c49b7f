/**
 * Evaluates a case file as of a date (contract "Evaluation"): the law's duties, the flags a person must
 * decide, and the alerts. Pure and deterministic: the same file and date give byte-for-byte the same JSON,
 * because every list is sorted here and every object is rebuilt with the contract's key order.
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { CaseFile } from '../case-file/schema.ts';
import { defaultRulesConfig, type RulesConfig } from './config.ts';
import { EVALUATION_SCHEMA_ID, type Alert, type Evaluation, type LawDuty, type ResponsibleBody } from './evaluation.ts';
import { asOfView } from './as-of-view.ts';
import { analyseLaw } from './law/analyse.ts';
import { computeAlerts } from './alerts/index.ts';

export function evaluate(caseFile: CaseFile, asOf: CivilDate, config: RulesConfig = defaultRulesConfig): Evaluation {
  const view = asOfView(caseFile, asOf);
  const law = analyseLaw(view, asOf, config);
  const alerts = computeAlerts(view, asOf, law, config);
  const duties = law.duties.map(orderedDuty).sort(byDuty);
  return {
    schema: EVALUATION_SCHEMA_ID,
    asOf,
    entitled: duties.some((duty) => duty.start <= asOf),
    duties,
    flags: sortedUnique(law.flags),
    alerts: alerts.map(orderedAlert).sort(byAlert),
  };
}

/**
 * The duties the law gives as of `asOf`, exactly as `evaluate(...).duties` lists them, without computing the
 * alerts. The law reads only the person, detentions, CTOs, residences, GP registrations, duties and
 * organisations, so a file holding just those (the other sections empty) gives the same duties.
 */
export function lawDuties(caseFile: CaseFile, asOf: CivilDate, config: RulesConfig = defaultRulesConfig): LawDuty[] {
  return analyseLaw(asOfView(caseFile, asOf), asOf, config).duties.map(orderedDuty).sort(byDuty);
}

/** Plain code-unit order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compare);
}

function byDuty(a: LawDuty, b: LawDuty): number {
  return compare(a.start, b.start) || compare(a.detentionId, b.detentionId);
}

function byAlert(a: Alert, b: Alert): number {
  return compare(a.since, b.since) || compare(a.id, b.id) || compare(a.subject.id, b.subject.id);
}

function orderedBody(body: ResponsibleBody): ResponsibleBody {
  return { organisationId: body.organisationId, ruleIds: [...body.ruleIds], reasons: [...body.reasons] };
}

function orderedDuty(duty: LawDuty): LawDuty {
  const result: LawDuty = { detentionId: duty.detentionId, start: duty.start } as LawDuty;
  if (duty.end !== undefined) result.end = duty.end;
  if (duty.endReason !== undefined) result.endReason = duty.endReason;
  result.localAuthority = orderedBody(duty.localAuthority);
  result.healthBody = orderedBody(duty.healthBody);
  result.flags = sortedUnique(duty.flags);
  return result;
}

function orderedAlert(alert: Alert): Alert {
  return {
    id: alert.id,
    severity: alert.severity,
    since: alert.since,
    subject: { kind: alert.subject.kind, id: alert.subject.id },
    message: alert.message,
  };
}
