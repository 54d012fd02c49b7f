import type { Alert } from '../../evaluation.ts';
import { covers, inProgressOn, type AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `top-up-without-choice` (SERV-07, SERV-08, SERV-09: a top-up is lawful only for a genuinely
 * preferred, dearer setting when a suitable one was offered at the usual cost): an aftercare service in progress has a
 * top-up in force without both answers true. `since` is the top-up's `from`.
 */
export const topUpWithoutChoice: AlertRule = {
  id: 'top-up-without-choice',
  severity: 'high',
  subjectKind: 'service',
  summary:
    'A top-up is being paid for an aftercare service without a recorded choice of a dearer setting and the offer of a suitable one at the usual cost.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const service of ctx.view.services) {
      const topUp = service.topUp;
      if (
        !service.aftercare ||
        !topUp ||
        !covers(topUp.from, topUp.to, ctx.asOf) ||
        !inProgressOn(service, ctx.asOf)
      )
        continue;
      if (topUp.preferredAccommodationChosen && topUp.suitableAlternativeOffered) continue;
      const missing = [
        ...(topUp.preferredAccommodationChosen ? [] : ['the person chose this dearer setting']),
        ...(topUp.suitableAlternativeOffered ? [] : ['a suitable setting was offered at the usual cost']),
      ];
      alerts.push(
        raise(
          topUpWithoutChoice,
          topUp.from,
          service.id,
          `A top-up has been paid for aftercare service ${service.id} ("${service.description}") since ${longDate(topUp.from)}, but there is no record that ${missing.join(' or that ')}.`,
        ),
      );
    }
    return alerts;
  },
};
