import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeRemedy } from './remedy.ts';

/**
 * Catalogue row `ombudsman-evidence-not-sent` (CMP-15: the body provides evidence of compliance): a remedy completed
 * 10 working days or more before asOf has no `evidenceSentOn` on or before asOf. `since` is `completedOn`.
 */
export const ombudsmanEvidenceNotSent: AlertRule = {
  id: 'ombudsman-evidence-not-sent',
  severity: 'medium',
  subjectKind: 'remedy',
  summary:
    'A remedy was completed 10 working days or more ago but the evidence has not been sent to the Ombudsman.',
  raisedAfterDeath: true,
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const ombudsmanCase of ctx.view.ombudsmanCases) {
      for (const remedy of ombudsmanCase.remedies) {
        const completedOn = remedy.completedOn;
        if (completedOn === undefined || completedOn > ctx.asOf) continue;
        if (remedy.evidenceSentOn !== undefined && remedy.evidenceSentOn <= ctx.asOf) continue;
        if (ctx.asOf < ctx.workingDaysAfter(completedOn, ctx.thresholds.evidenceNotSentWorkingDays)) continue;
        alerts.push(
          raise(
            ombudsmanEvidenceNotSent,
            completedOn,
            remedy.id,
            `${describeRemedy(remedy, ombudsmanCase)} was completed on ${longDate(completedOn)} but the evidence has not been sent to the Ombudsman.`,
          ),
        );
      }
    }
    return alerts;
  },
};
