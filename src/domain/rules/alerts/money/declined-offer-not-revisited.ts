import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

const KIND_NAMES = {
  direct_payment: 'direct payment',
  personal_health_budget: 'personal health budget',
} as const;

/**
 * Catalogue row `declined-offer-not-revisited` (SERV-11: offer a personal health budget at every planning and review
 * event): a declined payment offer's `reviewOn` has passed and no offer was made after it. `since` is `reviewOn`.
 */
export const declinedOfferNotRevisited: AlertRule = {
  id: 'declined-offer-not-revisited',
  severity: 'low',
  subjectKind: 'paymentOffer',
  summary:
    'The person declined a direct payment or personal health budget and it has not been offered again by the date set to revisit it.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    let latestOffer: string | undefined;
    for (const offer of ctx.view.paymentOffers) {
      if (offer.offeredOn <= ctx.asOf && (latestOffer === undefined || offer.offeredOn > latestOffer))
        latestOffer = offer.offeredOn;
    }
    for (const offer of ctx.view.paymentOffers) {
      if (offer.response !== 'declined' || (offer.respondedOn !== undefined && offer.respondedOn > ctx.asOf))
        continue;
      if (offer.reviewOn === undefined || !(offer.reviewOn < ctx.asOf)) continue;
      if (latestOffer !== undefined && latestOffer > offer.offeredOn) continue;
      alerts.push(
        raise(
          declinedOfferNotRevisited,
          offer.reviewOn,
          offer.id,
          `${ctx.personName} declined the ${KIND_NAMES[offer.kind]} offered on ${longDate(offer.offeredOn)} (offer ${offer.id}); it was due to be offered again by ${longDate(offer.reviewOn)}.`,
        ),
      );
    }
    return alerts;
  },
};
