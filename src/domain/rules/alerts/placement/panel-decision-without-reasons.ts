import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeRequest } from './panel.ts';

/**
 * Catalogue row `panel-decision-without-reasons` (CMP-05: decisions explained; ombudsman findings of unreasoned
 * panel decisions): a panel request has a decision but no non-blank `reasons`. `since` is `decidedOn`.
 */
export const panelDecisionWithoutReasons: AlertRule = {
  id: 'panel-decision-without-reasons',
  severity: 'medium',
  subjectKind: 'panelRequest',
  summary: 'A panel made a decision on a request without recording its reasons.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const request of ctx.view.panelRequests) {
      if (request.decision === undefined || (request.reasons ?? '').trim() !== '') continue;
      const decidedOn = request.decidedOn ?? request.submittedOn;
      if (decidedOn > ctx.asOf) continue;
      alerts.push(
        raise(
          panelDecisionWithoutReasons,
          decidedOn,
          request.id,
          `${describeRequest(request)} was ${request.decision.replaceAll('_', ' ')} on ${longDate(decidedOn)} with no reasons recorded.`,
        ),
      );
    }
    return alerts;
  },
};
