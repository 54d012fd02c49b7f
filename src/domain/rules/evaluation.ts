/**
 * The evaluation output `aftercare.evaluation/v1` (`../shared/contracts/case-file.md`, "Evaluation").
 */
import type { CivilDate } from '../calendar/civil-date.ts';

export const EVALUATION_SCHEMA_ID = 'aftercare.evaluation/v1';

export interface ResponsibleBody {
  organisationId: string | null;
  ruleIds: string[];
  reasons: string[];
}

/** A duty the LAW gives, computed from detentions, CTOs, residences and GP registrations. */
export interface LawDuty {
  detentionId: string;
  start: CivilDate;
  end?: CivilDate;
  endReason?: 'redetained' | 'joint_decision' | 'death';
  localAuthority: ResponsibleBody;
  healthBody: ResponsibleBody;
  flags: string[];
}

/** What the law engine returns; `flags` are those not tied to one duty (e.g. "ELIG-05:S17_TRIGGER"). */
export interface LawAnalysis {
  duties: LawDuty[];
  flags: string[];
}

export type AlertSeverity = 'high' | 'medium' | 'low';
export type AlertSubjectKind =
  | 'detention' | 'duty' | 'dispute' | 'carePlan' | 'need' | 'service' | 'charge' | 'paymentOffer' | 'panelRequest'
  | 'decision' | 'communicationPlan' | 'appointment' | 'meeting' | 'action' | 'complaint' | 'remedy';

export interface Alert {
  id: string;
  severity: AlertSeverity;
  since: CivilDate;
  subject: { kind: AlertSubjectKind; id: string };
  message: string;
}

export interface Evaluation {
  schema: typeof EVALUATION_SCHEMA_ID;
  asOf: CivilDate;
  entitled: boolean;
  duties: LawDuty[];
  flags: string[];
  alerts: Alert[];
}
