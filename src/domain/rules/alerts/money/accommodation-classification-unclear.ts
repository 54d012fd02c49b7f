import type { Alert } from '../../evaluation.ts';
import { ACCOMMODATION_SERVICE_KINDS, inProgressOn, type AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `accommodation-classification-unclear` (SERV-04, "accommodation plus" after Afework): an
 * accommodation-type service in progress on asOf is classed as aftercare without all three accommodation-plus
 * answers true, or not classed as aftercare while all three are true (a missing answer is not true). `since` is the
 * service start.
 */
export const accommodationClassificationUnclear: AlertRule = {
  id: 'accommodation-classification-unclear',
  severity: 'medium',
  subjectKind: 'service',
  summary:
    'Whether an accommodation service is aftercare does not match its answers to the three "accommodation plus" questions.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const service of ctx.view.services) {
      if (
        !ACCOMMODATION_SERVICE_KINDS.has(service.kind) ||
        !inProgressOn(service, ctx.asOf) ||
        service.start === undefined
      )
        continue;
      const plus = service.accommodationPlus;
      const allTrue =
        plus?.enhancedSpecialised === true &&
        plus.relatedToOriginalCondition === true &&
        plus.reducesRisk === true;
      if (service.aftercare === allTrue) continue;
      const message = service.aftercare
        ? `Service ${service.id} ("${service.description}"), from ${longDate(service.start)}, is classed as aftercare but not every "accommodation plus" question is answered yes.`
        : `Service ${service.id} ("${service.description}"), from ${longDate(service.start)}, answers yes to every "accommodation plus" question but is not classed as aftercare.`;
      alerts.push(raise(accommodationClassificationUnclear, service.start, service.id, message));
    }
    return alerts;
  },
};
