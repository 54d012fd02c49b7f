import type { PanelRequest } from '../../../case-file/schema.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeRequest, isRejected } from './panel.ts';

/**
 * Catalogue row `panel-repeat-rejection` (LA-12, ICB-06; ombudsman findings of repeated panel refusals delaying
 * aftercare): a rejected request resubmits, directly or through a chain, a request that was also rejected. `since` is
 * the `decidedOn` of the later rejection.
 */
export const panelRepeatRejection: AlertRule = {
  id: 'panel-repeat-rejection',
  severity: 'high',
  subjectKind: 'panelRequest',
  summary: 'A panel has turned down a request that resubmits one it had already turned down.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const request of ctx.view.panelRequests) {
      if (!isRejected(request, ctx) || request.resubmissionOf === undefined) continue;
      let earlier: PanelRequest | undefined;
      const seen = new Set<string>([request.id]);
      for (let id: string | undefined = request.resubmissionOf; id !== undefined && !seen.has(id);) {
        seen.add(id);
        const previous = ctx.panelRequest(id);
        if (!previous) break;
        if (isRejected(previous, ctx)) {
          earlier = previous;
          break;
        }
        id = previous.resubmissionOf;
      }
      if (!earlier?.decidedOn) continue;
      alerts.push(
        raise(
          panelRepeatRejection,
          request.decidedOn,
          request.id,
          `${describeRequest(request)} was turned down on ${longDate(request.decidedOn)}, after the panel had already turned down request ${earlier.id} on ${longDate(earlier.decidedOn)}.`,
        ),
      );
    }
    return alerts;
  },
};
