import { plusDays } from '../dates.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeRequest, isRejected } from './panel.ts';

/**
 * Catalogue row `panel-rejection-no-alternative` (LA-12, ICB-06: funding questions must not delay aftercare): 28 days
 * after a rejection, there is no panel request for the same duty submitted after it and no placement search for that
 * duty accepted on or before asOf. `since` is the rejection's `decidedOn`.
 */
export const panelRejectionNoAlternative: AlertRule = {
  id: 'panel-rejection-no-alternative',
  severity: 'medium',
  subjectKind: 'panelRequest',
  summary:
    'Four weeks after a panel turned down a request, no new request has been made and no placement has been accepted.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const request of ctx.view.panelRequests) {
      if (!isRejected(request, ctx)) continue;
      if (ctx.asOf < plusDays(request.decidedOn, ctx.thresholds.panelRejectionNoAlternativeDays)) continue;
      const resubmitted = ctx
        .panelRequestsOf(request.dutyId)
        .some((other) => other.submittedOn > request.decidedOn && other.submittedOn <= ctx.asOf);
      if (resubmitted) continue;
      const placed = ctx
        .placementSearchesOf(request.dutyId)
        .some(
          (search) =>
            search.outcome === 'accepted' && search.outcomeOn !== undefined && search.outcomeOn <= ctx.asOf,
        );
      if (placed) continue;
      alerts.push(
        raise(
          panelRejectionNoAlternative,
          request.decidedOn,
          request.id,
          `${describeRequest(request)} was turned down on ${longDate(request.decidedOn)} and nothing else has been put to the panel or accepted since.`,
        ),
      );
    }
    return alerts;
  },
};
