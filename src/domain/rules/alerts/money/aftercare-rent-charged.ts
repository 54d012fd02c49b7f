import type { Alert } from '../../evaluation.ts';
import { ACCOMMODATION_SERVICE_KINDS, type AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { chargeOverlapsDuty, describeCharge, isRefunded } from './charges.ts';

const KINDS: ReadonlySet<string> = new Set(['rent', 'service_charge', 'housing_benefit_claim']);

/**
 * Catalogue row `aftercare-rent-charged` (SERV-04, SERV-05: accommodation that is aftercare is free, and people should
 * not be steered to housing benefit to pay for it): a rent, service charge or housing benefit claim on an
 * accommodation-type aftercare service, for a period that overlaps a duty, has not been refunded. `since` is `from`.
 */
export const aftercareRentCharged: AlertRule = {
  id: 'aftercare-rent-charged',
  severity: 'high',
  subjectKind: 'charge',
  summary:
    'The person has been charged rent or a service charge, or housing benefit has been claimed, for accommodation that is section 117 aftercare.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const charge of ctx.view.charges) {
      if (!KINDS.has(charge.kind) || charge.serviceId === undefined) continue;
      const service = ctx.service(charge.serviceId);
      if (!service?.aftercare || !ACCOMMODATION_SERVICE_KINDS.has(service.kind)) continue;
      if (isRefunded(charge, ctx) || !chargeOverlapsDuty(charge, ctx)) continue;
      alerts.push(
        raise(
          aftercareRentCharged,
          charge.from,
          charge.id,
          `The ${describeCharge(charge)}, from ${longDate(charge.from)}, is for accommodation ${service.id} ("${service.description}"), which is aftercare and must be free, and has not been refunded.`,
        ),
      );
    }
    return alerts;
  },
};
