/**
 * The shape of one alert rule of the catalogue (`../shared/domain/alert-rules.md`): its id, severity, the kind of
 * record it is about, a one-sentence summary for `docs/rules.md`, and the function that raises it.
 */
import type { Alert, AlertSeverity, AlertSubjectKind } from '../evaluation.ts';
import type { AlertContext } from './context.ts';

export interface AlertRule {
  readonly id: string;
  readonly severity: AlertSeverity;
  readonly subjectKind: AlertSubjectKind;
  readonly summary: string;
  /** Complaint and ombudsman alerts are still raised after the person's death (alert-rules "Death"). */
  readonly raisedAfterDeath?: boolean;
  evaluate(ctx: AlertContext): Alert[];
}
