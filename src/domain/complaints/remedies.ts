/**
 * Ombudsman remedies tracked to evidence (CMP-14, CMP-15). A remedy is due on its explicit `due`, else
 * `dueWithin` (P1M…P6M) after the final decision, else one month after it — three for a service
 * improvement — with month ends clamped (the alert ombudsman-remedy-overdue uses the same date).
 */
import { addMonths, daysBetween, type CivilDate } from '../calendar/civil-date.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { OmbudsmanCase, Remedy } from '../case-file/schema.ts';
import { defaultRulesConfig, type RulesConfig } from '../rules/config.ts';

export type RemedyState = 'due' | 'overdue' | 'done_awaiting_evidence' | 'closed';

export interface RemedyDue {
  due: CivilDate | null;
  basis: 'explicit' | 'due_within' | 'default' | 'no_final_decision';
  reason: string;
}

const MONTHS = { P1M: 1, P2M: 2, P3M: 3, P6M: 6 } as const;

function finalDecision(ombudsmanCase: OmbudsmanCase, asOf?: CivilDate): CivilDate | undefined {
  const on = ombudsmanCase.finalDecisionOn;
  return on !== undefined && (asOf === undefined || on <= asOf) ? on : undefined;
}

export function remedyDueDate(remedy: Remedy, ombudsmanCase: OmbudsmanCase, asOf?: CivilDate, config: RulesConfig = defaultRulesConfig): RemedyDue {
  if (remedy.due) return { due: remedy.due, basis: 'explicit', reason: `Due on ${remedy.due}, the date agreed with the Ombudsman.` };
  const decidedOn = finalDecision(ombudsmanCase, asOf);
  if (!decidedOn) return { due: null, basis: 'no_final_decision', reason: 'There is no final decision yet, so no due date.' };
  if (remedy.dueWithin) {
    const months = MONTHS[remedy.dueWithin];
    const due = addMonths(decidedOn, months);
    return { due, basis: 'due_within', reason: `Due on ${due}: ${months} ${months === 1 ? 'month' : 'months'} after the final decision of ${decidedOn}.` };
  }
  // CMP-15: typical practice, not statute — personal remedies in one month, service improvements in three.
  const improvement = remedy.kind === 'service_improvement';
  const months = improvement ? config.thresholds.serviceImprovementRemedyMonths : config.thresholds.remedyDefaultMonths;
  const due = addMonths(decidedOn, months);
  return {
    due, basis: 'default',
    reason: `Due on ${due}: ${months} ${months === 1 ? 'month' : 'months'} after the final decision of ${decidedOn}, the usual time for ${improvement ? 'a service improvement' : 'a personal remedy'} (CMP-15).`,
  };
}

export interface RemedyCompliance {
  remedyId: string;
  state: RemedyState;
  due: CivilDate | null;
  /** Days after the due date it was done (if done late), or has been open (if overdue); 0 otherwise. */
  daysLate: number;
  /** ombudsman-evidence-not-sent: done 10 working days or more ago with no evidence sent. */
  evidenceOverdue: boolean;
  reason: string;
}

/** The remedy's state on asOf; completion and evidence dated after asOf have not happened yet. */
export function remedyCompliance(remedy: Remedy, ombudsmanCase: OmbudsmanCase, asOf: CivilDate, config: RulesConfig = defaultRulesConfig): RemedyCompliance {
  const { due } = remedyDueDate(remedy, ombudsmanCase, asOf, config);
  const completedOn = remedy.completedOn !== undefined && remedy.completedOn <= asOf ? remedy.completedOn : undefined;
  const evidenceSentOn = remedy.evidenceSentOn !== undefined && remedy.evidenceSentOn <= asOf ? remedy.evidenceSentOn : undefined;
  const base = { remedyId: remedy.id, due };
  if (completedOn) {
    const daysLate = due && completedOn > due ? daysBetween(due, completedOn) : 0;
    const late = daysLate > 0 ? `, ${daysLate} days late` : '';
    if (evidenceSentOn) {
      return { ...base, state: 'closed', daysLate, evidenceOverdue: false, reason: `Done on ${completedOn}${late}. Evidence sent to the Ombudsman on ${evidenceSentOn}.` };
    }
    const evidenceOverdue = addWorkingDays(completedOn, config.thresholds.evidenceNotSentWorkingDays) <= asOf;
    return {
      ...base, state: 'done_awaiting_evidence', daysLate, evidenceOverdue,
      reason: `Done on ${completedOn}${late}. Send the Ombudsman evidence that it was done.`,
    };
  }
  if (due && due < asOf) {
    const daysLate = daysBetween(due, asOf);
    return { ...base, state: 'overdue', daysLate, evidenceOverdue: false, reason: `Overdue: it was due on ${due} and is ${daysLate} days late.` };
  }
  return { ...base, state: 'due', daysLate: 0, evidenceOverdue: false, reason: due ? `Due on ${due}.` : 'Not due yet: there is no final decision.' };
}

export interface EarlierRemedy {
  caseId: string;
  reference: string;
  body: OmbudsmanCase['body'];
  finalDecisionOn: CivilDate | null;
  remedyId: string;
  text: string;
  due: CivilDate | null;
  completedOn: CivilDate | null;
  stillOpen: boolean;
  /** completedOn − due when done late; asOf − due while still open and overdue; 0 when on time. */
  daysLate: number;
}

/**
 * Repeat complaints: how late each remedy of the person's earlier Ombudsman cases was, oldest case first.
 * Cases with a final decision after `before` (the new case's date) are left out.
 */
export function earlierRemedies(cases: readonly OmbudsmanCase[], asOf: CivilDate, before: CivilDate = asOf): EarlierRemedy[] {
  const earlier = cases
    .filter((c) => c.finalDecisionOn !== undefined && c.finalDecisionOn <= before && c.finalDecisionOn <= asOf)
    .sort((a, b) => ((a.finalDecisionOn as string) < (b.finalDecisionOn as string) ? -1 : 1));
  return earlier.flatMap((c) =>
    c.remedies.map((remedy) => {
      const compliance = remedyCompliance(remedy, c, asOf);
      const completedOn = remedy.completedOn !== undefined && remedy.completedOn <= asOf ? remedy.completedOn : null;
      return {
        caseId: c.id, reference: c.reference, body: c.body, finalDecisionOn: c.finalDecisionOn ?? null,
        remedyId: remedy.id, text: remedy.text, due: compliance.due, completedOn, stillOpen: completedOn === null, daysLate: compliance.daysLate,
      };
    }),
  );
}

export interface RemedyWorklistRow extends RemedyCompliance {
  caseId: string;
  reference: string;
  text: string;
  ownerId: string | null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const STATE_ORDER: Record<RemedyState, number> = { overdue: 0, done_awaiting_evidence: 1, due: 2, closed: 3 };

/**
 * The compliance view: every remedy not yet closed on asOf, overdue first, then awaiting evidence, then due;
 * within each, the earliest due date first (no due date last).
 */
export function remedyWorklist(cases: readonly OmbudsmanCase[], asOf: CivilDate, config: RulesConfig = defaultRulesConfig): RemedyWorklistRow[] {
  const rows = cases.flatMap((c) =>
    c.remedies.map((remedy) => ({
      ...remedyCompliance(remedy, c, asOf, config), caseId: c.id, reference: c.reference, text: remedy.text, ownerId: remedy.ownerId ?? null,
    })),
  );
  return rows
    .filter((row) => row.state !== 'closed')
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || compare(a.due ?? '9999', b.due ?? '9999') || compare(a.remedyId, b.remedyId));
}
