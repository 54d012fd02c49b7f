/**
 * Case-file records ↔ care-records rows, both ways, with nothing lost: an absent optional field is stored
 * as null and comes back absent; nested parts and `ext` are kept as they came. Pure functions.
 */
import type { CarePlan, Charge, PaymentOffer, Service } from '../../domain/case-file/schema.ts';
import { compact } from '../register/case-file-mapping.ts';
import type { carePlans, careServices, charges, paymentOffers } from './tables.ts';

/** A stored row as a case-file record needs it: its timestamps and version are not part of a case file. */
type Row<T extends { $inferSelect: unknown }> = Omit<T['$inferSelect'], 'createdAt' | 'updatedAt' | 'version'>;
type NewRow<T extends { $inferInsert: unknown }> = T['$inferInsert'];
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function carePlanToRow(personId: string, plan: CarePlan): NewRow<typeof carePlans> {
  return {
    personId,
    id: plan.id,
    dutyId: plan.dutyId,
    status: plan.status,
    agreedOn: orNull(plan.agreedOn),
    reviewDue: orNull(plan.reviewDue),
    reviewedOn: orNull(plan.reviewedOn),
    needs: plan.needs,
    ext: orNull(plan.ext),
  };
}
export function carePlanFromRow(row: Row<typeof carePlans>): CarePlan {
  const { id, dutyId, status, agreedOn, reviewDue, reviewedOn, needs, ext } = row;
  return compact({ id, dutyId, status, agreedOn, reviewDue, reviewedOn, needs, ext }) as CarePlan;
}

export function serviceToRow(personId: string, service: Service): NewRow<typeof careServices> {
  return {
    personId,
    id: service.id,
    dutyId: service.dutyId,
    needIds: service.needIds,
    description: service.description,
    kind: service.kind,
    providerId: orNull(service.providerId),
    start: orNull(service.start),
    end: orNull(service.end),
    status: service.status,
    weeklyCostPence: orNull(service.weeklyCostPence),
    aftercare: service.aftercare,
    accommodationPlus: orNull(service.accommodationPlus),
    funding: orNull(service.funding),
    topUp: orNull(service.topUp),
    ext: orNull(service.ext),
  };
}
export function serviceFromRow(row: Row<typeof careServices>): Service {
  const { id, dutyId, needIds, description, kind, providerId, start, end, status, weeklyCostPence, aftercare, accommodationPlus, funding, topUp, ext } = row;
  return compact({ id, dutyId, needIds, description, kind, providerId, start, end, status, weeklyCostPence, aftercare, accommodationPlus, funding, topUp, ext }) as Service;
}

export function chargeToRow(personId: string, charge: Charge): NewRow<typeof charges> {
  return {
    personId,
    id: charge.id,
    serviceId: orNull(charge.serviceId),
    payer: charge.payer,
    kind: charge.kind,
    from: charge.from,
    to: orNull(charge.to),
    weeklyPence: orNull(charge.weeklyPence),
    refund: orNull(charge.refund),
    ext: orNull(charge.ext),
  };
}
export function chargeFromRow(row: Row<typeof charges>): Charge {
  const { id, serviceId, payer, kind, from, to, weeklyPence, refund, ext } = row;
  return compact({ id, serviceId, payer, kind, from, to, weeklyPence, refund, ext }) as Charge;
}

export function paymentOfferToRow(personId: string, offer: PaymentOffer): NewRow<typeof paymentOffers> {
  return {
    personId,
    id: offer.id,
    dutyId: orNull(offer.dutyId),
    kind: offer.kind,
    offeredOn: offer.offeredOn,
    weeklyPence: orNull(offer.weeklyPence),
    response: offer.response,
    respondedOn: orNull(offer.respondedOn),
    reviewOn: orNull(offer.reviewOn),
    ext: orNull(offer.ext),
  };
}
export function paymentOfferFromRow(row: Row<typeof paymentOffers>): PaymentOffer {
  const { id, dutyId, kind, offeredOn, weeklyPence, response, respondedOn, reviewOn, ext } = row;
  return compact({ id, dutyId, kind, offeredOn, weeklyPence, response, respondedOn, reviewOn, ext }) as PaymentOffer;
}
