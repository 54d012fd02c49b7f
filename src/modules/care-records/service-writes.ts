/**
 * Services that meet the plan's needs: the service with its aftercare classification (and the reason
 * recorded in `ext.classificationReason`), the funding split ledger (SERV-12: dated shares, each period
 * 100%, with the panel decision or agreement reference — the contract's share has a `panelRequestId`; any
 * other agreement reference is kept in `ext.fundingAgreements` by the share's start date), and the top-up
 * (SERV-07…09, refused by `checkTopUpAllowed` with no override).
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { Service } from '../../domain/case-file/schema.ts';
import { validateFundingShares, type FundingShare } from '../../domain/care-records/funding-ledger.ts';
import { checkTopUpAllowed } from '../../domain/care-records/top-up-guard.ts';
import { classifyService } from '../../domain/care-records/aftercare-classification.ts';
import { checkChargeAllowed } from '../../domain/care-records/charging-guard.ts';
import { throwIfIssues } from '../register/use-case.ts';
import type { CaseWriter } from '../register/case-write.ts';
import { duties } from '../register/tables.ts';
import { organisationIssues, validateInput } from '../register/use-case.ts';
import { changeServiceInput, endServiceInput, fundingShareInput, serviceInput, topUpInput } from './api-schemas.ts';
import * as map from './mapping.ts';
import { dutyWhere, requireRow, serviceWhere } from './repository.ts';
import { carePlans, careServices, charges } from './tables.ts';
import { audit, defined, refusal, type Written } from './use-case.ts';
import { chargingAsOf, dutyPeriodsForCharging } from './duty-periods.ts';

export function createServiceWrites({ caseWriter }: { caseWriter: CaseWriter }) {
  const { writeCase } = caseWriter;

  async function loadService(tx: Tx, personId: string, serviceId: string) {
    return map.serviceFromRow(await requireRow(tx.select().from(careServices).where(serviceWhere(personId, serviceId))));
  }
  async function saveService(tx: Tx, ctx: ServiceContext, personId: string, version: number, before: Service, after: Service, action: string): Promise<Written> {
    const { personId: _p, id: _i, ...values } = map.serviceToRow(personId, after);
    const updated = await updateVersioned(tx, careServices, serviceWhere(personId, before.id), version, { ...values, updatedAt: ctx.now });
    await audit(tx, ctx, personId, action, before.id, before, after);
    return { id: before.id, version: updated.version };
  }

  /** The duty exists, the needs belong to a plan of that duty, and the provider is a provider. */
  async function serviceIssues(tx: Tx, personId: string, candidate: Record<string, unknown>) {
    const issues = await organisationIssues(tx, [{ path: 'providerId', id: candidate.providerId, kinds: ['provider', 'voluntary', 'nhs_trust'], label: 'a provider' }]);
    if (typeof candidate.dutyId !== 'string' || candidate.dutyId === '') return issues;
    const duty = await tx.select({ id: duties.id }).from(duties).where(dutyWhere(personId, candidate.dutyId));
    if (duty.length === 0) return [...issues, { path: 'dutyId', message: 'Select a duty of this person' }];
    const plans = await tx.select().from(carePlans).where(and(eq(carePlans.personId, personId), eq(carePlans.dutyId, candidate.dutyId)));
    const needIds = new Set(plans.flatMap((plan) => plan.needs.map((need) => need.id)));
    const unknown = (Array.isArray(candidate.needIds) ? candidate.needIds : []).filter((id) => typeof id === 'string' && !needIds.has(id));
    return unknown.length ? [...issues, { path: 'needIds', message: 'Select needs from the aftercare plan for this duty' }] : issues;
  }

  /**
   * The service's stored charges (not refunded) the charging guard would refuse now that the service is as
   * `after`: kept (history as it was) and shown with the rule's "must be refunded" explanation.
   */
  async function chargesToRefund(tx: Tx, ctx: ServiceContext, personId: string, after: Service) {
    const rows = await tx.select().from(charges).where(and(eq(charges.personId, personId), eq(charges.serviceId, after.id)));
    const unrefunded = rows.map(map.chargeFromRow).filter((charge) => charge.refund === undefined);
    if (unrefunded.length === 0) return [];
    const activeDutyPeriods = await dutyPeriodsForCharging(tx, personId, chargingAsOf(todayInLondon(ctx.now), unrefunded));
    return unrefunded
      .map((charge) => ({ charge, verdict: checkChargeAllowed({ charge, service: after, activeDutyPeriods }) }))
      .filter(({ verdict }) => !verdict.allowed)
      .map(({ charge, verdict }) => ({ chargeId: charge.id, warning: `Must be refunded: ${verdict.reasons.map((r) => r.reason).join(' ')}` }));
  }

  return {
    /**
     * Changes a service (description, provider, dates, status, cost, classification and accommodation-plus
     * answers). `classifyService` is re-run and its suggestion returned; a service that becomes aftercare
     * while it carries charges the guard refuses keeps them, listed with the "must be refunded" warning.
     */
    changeService: (ctx: ServiceContext, personId: string, serviceId: string, input: unknown): Promise<Written & { classification: ReturnType<typeof classifyService>; chargesToRefund: { chargeId: string; warning: string }[] }> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadService(tx, personId, serviceId);
        const { version, classificationReason, needIds, ...data } = await validateInput(changeServiceInput, input, (c) => serviceIssues(tx, personId, { ...c, dutyId: before.dutyId }));
        // The optional fields and the reason are replaced, not merged: a blank answer clears them. `ext` is
        // rebuilt (never the stored object changed in place) and left out when nothing is left in it.
        const { providerId: _pr, start: _s, end: _e, weeklyCostPence: _w, accommodationPlus: _a, ext: _x, ...kept } = before;
        const { classificationReason: _r, ...otherExt } = before.ext ?? {};
        const ext = defined({ ...otherExt, classificationReason });
        const after = defined({ ...kept, ...data, needIds: needIds ?? before.needIds, ...(Object.keys(ext).length ? { ext } : {}) }) as Service;
        const plans = (await tx.select().from(carePlans).where(and(eq(carePlans.personId, personId), eq(carePlans.dutyId, before.dutyId)))).map(map.carePlanFromRow);
        const classification = classifyService(after, plans.flatMap((plan) => plan.needs));
        const written = await saveService(tx, ctx, personId, version, before, after, 'service.update');
        return { ...written, classification, chargesToRefund: after.aftercare ? await chargesToRefund(tx, ctx, personId, after) : [] };
      }),

    /** Ends a service: its end date (on or after it started) and status `ended`. */
    endService: (ctx: ServiceContext, personId: string, serviceId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadService(tx, personId, serviceId);
        const { version, end } = await validateInput(endServiceInput, input, async () => []);
        throwIfIssues(before.start !== undefined && end < before.start ? [{ path: 'end', message: 'The date the service ended must be on or after the date it started' }] : []);
        return saveService(tx, ctx, personId, version, before, { ...before, end, status: 'ended' }, 'service.end');
      }),

    addService: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const { classificationReason, ...data } = await validateInput(serviceInput, input, (c) => serviceIssues(tx, personId, c));
        const service = defined({ id: randomUUID(), ...data, ...(classificationReason ? { ext: { classificationReason } } : {}) }) as Service;
        await tx.insert(careServices).values(map.serviceToRow(personId, service));
        await audit(tx, ctx, personId, 'service.create', service.id, null, service);
        return { id: service.id, version: 1 };
      }),

    /** Adds a dated share to the ledger; the whole ledger must stay valid (each period 100%, no overlaps). */
    addFundingShare: (ctx: ServiceContext, personId: string, serviceId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const before = await loadService(tx, personId, serviceId);
        const { version, agreementReference, ...share } = await validateInput(fundingShareInput, input, async () => []);
        const shares = [...(before.funding ?? []), defined(share) as FundingShare].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
        const problems = validateFundingShares(shares);
        if (problems.length > 0) throw refusal(problems, (field) => field.replace(/^funding\[\d+\]\./, ''));
        const agreements = agreementReference ? { fundingAgreements: { ...(before.ext?.fundingAgreements as object | undefined), [share.from]: agreementReference } } : {};
        const ext = { ...before.ext, ...agreements };
        const after: Service = { ...before, funding: shares, ...(Object.keys(ext).length ? { ext } : {}) };
        return saveService(tx, ctx, personId, version, before, after, 'service.funding_share');
      }),

    /** SERV-07…09: a top-up only for a preferred, dearer aftercare setting with a suitable one offered. */
    setTopUp: (ctx: ServiceContext, personId: string, serviceId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx, person) => {
        const before = await loadService(tx, personId, serviceId);
        const { version, usualWeeklyCostPence, ...topUp } = await validateInput(topUpInput, input, async () => []);
        const duty = await requireRow(tx.select().from(duties).where(dutyWhere(personId, before.dutyId)));
        const verdict = checkTopUpAllowed({
          topUp,
          service: before,
          dateOfBirth: person.dateOfBirth ?? undefined,
          responsibleBodyIds: [duty.localAuthorityId, duty.healthBodyId],
          usualWeeklyCostPence,
        });
        if (!verdict.allowed) throw refusal(verdict.reasons, (field) => field.replace(/^topUp\.?/, '') || 'payer');
        return saveService(tx, ctx, personId, version, before, { ...before, topUp: defined(topUp) }, 'service.top_up');
      }),
  };
}
