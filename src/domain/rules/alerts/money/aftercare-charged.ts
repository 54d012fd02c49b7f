import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { chargeOverlapsDuty, describeCharge, isRefunded } from './charges.ts';

const KINDS: ReadonlySet<string> = new Set(['contribution', 'other']);

/**
 * Catalogue row `aftercare-charged` (SERV-05, SERV-06): a contribution or other charge on a service classed as
 * aftercare, for a period that overlaps a duty, has not been refunded. `since` is the charge's `from`.
 */
export const aftercareCharged: AlertRule = {
  id: 'aftercare-charged',
  severity: 'high',
  subjectKind: 'charge',
  summary:
    'The person has been charged for a service classed as section 117 aftercare, which must be free, and the charge has not been refunded.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const charge of ctx.view.charges) {
      if (!KINDS.has(charge.kind) || charge.serviceId === undefined) continue;
      const service = ctx.service(charge.serviceId);
      if (!service?.aftercare || isRefunded(charge, ctx) || !chargeOverlapsDuty(charge, ctx)) continue;
      alerts.push(
        raise(
          aftercareCharged,
          charge.from,
          charge.id,
          `The ${describeCharge(charge)}, from ${longDate(charge.from)}, is for aftercare service ${service.id} ("${service.description}"), which must be free, and has not been refunded.`,
        ),
      );
    }
    return alerts;
  },
};
