/**
 * Money: charges (refused by the charging guard, SERV-04/05, with the rule's explanation and no override),
 * refunds worked out by the refund calculator and recorded on the charge (the method and rate are kept in
 * the charge's `ext.refundTerms`, since the contract's `refund` has no field for them), and direct payment
 * and personal health budget offers with the person's answer (SERV-10/11).
 */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { Charge, PaymentOffer } from '../../domain/case-file/schema.ts';
import { checkChargeAllowed } from '../../domain/care-records/charging-guard.ts';
import { calculateRefund, chargeRefundRecord } from '../../domain/care-records/refund-calculator.ts';
import type { CaseWriter } from '../register/case-write.ts';
import { duties } from '../register/tables.ts';
import { parseInput, throwIfIssues, validateInput } from '../register/use-case.ts';
import { chargeInput, endChargeInput, offerInput, offerResponseInput, recordRefundInput } from './api-schemas.ts';
import * as map from './mapping.ts';
import { chargeWhere, dutyWhere, offerWhere, requireRow, serviceWhere } from './repository.ts';
import { careServices, charges, paymentOffers } from './tables.ts';
import { audit, defined, refusal, type Written } from './use-case.ts';
import { chargingAsOf, dutyPeriodsForCharging } from './duty-periods.ts';

export interface MoneyDeps {
  caseWriter: CaseWriter;
  /** The annual rate of simple interest on refunds unless the user gives another (default 8%). */
  refundInterestPercent: number;
}

export function createMoneyWrites({ caseWriter, refundInterestPercent }: MoneyDeps) {
  const { writeCase } = caseWriter;

  async function chargeIssues(tx: Tx, personId: string, candidate: Record<string, unknown>) {
    if (typeof candidate.serviceId !== 'string' || candidate.serviceId === '') return [];
    const found = await tx.select({ id: careServices.id }).from(careServices).where(serviceWhere(personId, candidate.serviceId));
    return found.length ? [] : [{ path: 'serviceId', message: 'Select a service of this person' }];
  }

  return {
    /**
     * SERV-04/05: refused for aftercare during a duty, recorded or given by the law (as the charging
     * alerts count them), so a duty nobody recorded does not make a charge for aftercare allowed.
     */
    addCharge: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const data = await validateInput(chargeInput, input, (c) => chargeIssues(tx, personId, c));
        const service = data.serviceId ? map.serviceFromRow(await requireRow(tx.select().from(careServices).where(serviceWhere(personId, data.serviceId)))) : undefined;
        const activeDutyPeriods = service?.aftercare ? await dutyPeriodsForCharging(tx, personId, chargingAsOf(todayInLondon(ctx.now), [data])) : [];
        const verdict = checkChargeAllowed({ charge: data, service, activeDutyPeriods });
        if (!verdict.allowed) throw refusal(verdict.reasons);
        const charge = defined({ id: randomUUID(), ...data }) as Charge;
        await tx.insert(charges).values(map.chargeToRow(personId, charge));
        await audit(tx, ctx, personId, 'charge.create', charge.id, null, charge);
        return { id: charge.id, version: 1 };
      }),

    /** Ends a charge (`to` on or after `from`). The charging guard is for new charges: ending one is always allowed. */
    endCharge: (ctx: ServiceContext, personId: string, chargeId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = map.chargeFromRow(await requireRow(tx.select().from(charges).where(chargeWhere(personId, chargeId))));
        const { version, to } = await validateInput(endChargeInput, input, async () => []);
        throwIfIssues(to < before.from ? [{ path: 'to', message: 'The date the charge ends must be on or after the date it starts' }] : []);
        const after: Charge = { ...before, to };
        const { personId: _p, id: _i, ...values } = map.chargeToRow(personId, after);
        const updated = await updateVersioned(tx, charges, chargeWhere(personId, chargeId), version, { ...values, updatedAt: ctx.now });
        await audit(tx, ctx, personId, 'charge.end', chargeId, before, after);
        return { id: chargeId, version: updated.version };
      }),

    /** Works out the refund of one charge up to the refund date and records it on the charge. */
    recordRefund: (ctx: ServiceContext, personId: string, chargeId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const row = await requireRow(tx.select().from(charges).where(chargeWhere(personId, chargeId)));
        const { version, refundDate, annualRatePercent, method } = parseInput(recordRefundInput, input);
        const before = map.chargeFromRow(row);
        throwIfIssues(before.refund ? [{ path: 'refundDate', message: 'A refund is already recorded for this charge' }] : []);
        throwIfIssues(refundDate < before.from ? [{ path: 'refundDate', message: 'The refund date must be on or after the charge started' }] : []);
        const calculation = calculateRefund([before], { refundDate, annualRatePercent: annualRatePercent ?? refundInterestPercent, method });
        const [period] = calculation.periods;
        if (!period) throw refusal(calculation.notCalculated.map((item) => ({ ruleId: 'SERV-05', field: 'weeklyPence', reason: item.reason })));
        const refundTerms = { method: calculation.method, annualRatePercent: calculation.annualRatePercent, rounding: calculation.rounding, recordedBy: ctx.actor.name };
        const after: Charge = { ...before, refund: chargeRefundRecord(period, refundDate), ext: { ...before.ext, refundTerms } };
        const { personId: _p, id: _i, ...values } = map.chargeToRow(personId, after);
        const updated = await updateVersioned(tx, charges, chargeWhere(personId, chargeId), version, { ...values, updatedAt: ctx.now });
        await audit(tx, ctx, personId, 'charge.refund', chargeId, before, after);
        return { id: chargeId, version: updated.version };
      }),

    addPaymentOffer: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const data = await validateInput(offerInput, input, async (c) => {
          if (typeof c.dutyId !== 'string' || c.dutyId === '') return [];
          const found = await tx.select({ id: duties.id }).from(duties).where(dutyWhere(personId, c.dutyId));
          return found.length ? [] : [{ path: 'dutyId', message: 'Select a duty of this person' }];
        });
        const offer = defined({ id: randomUUID(), ...data }) as PaymentOffer;
        await tx.insert(paymentOffers).values(map.paymentOfferToRow(personId, offer));
        await audit(tx, ctx, personId, 'payment_offer.create', offer.id, null, offer);
        return { id: offer.id, version: 1 };
      }),

    recordOfferResponse: (ctx: ServiceContext, personId: string, offerId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = map.paymentOfferFromRow(await requireRow(tx.select().from(paymentOffers).where(offerWhere(personId, offerId))));
        const { version, ...response } = parseInput(offerResponseInput, input);
        throwIfIssues(response.respondedOn !== undefined && response.respondedOn < before.offeredOn ? [{ path: 'respondedOn', message: 'The date the person answered must be on or after the offer' }] : []);
        const { respondedOn: _r, reviewOn: _v, ...kept } = before;
        const after = defined({ ...kept, ...response }) as PaymentOffer;
        const { personId: _p, id: _i, ...values } = map.paymentOfferToRow(personId, after);
        const updated = await updateVersioned(tx, paymentOffers, offerWhere(personId, offerId), version, { ...values, updatedAt: ctx.now });
        await audit(tx, ctx, personId, 'payment_offer.response', offerId, before, after);
        return { id: offerId, version: updated.version };
      }),
  };
}
