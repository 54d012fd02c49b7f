/**
 * Reading a person's care records with what the rules say about them: each duty's ending state, the plans
 * with their review due and the offer prompt, each service's suggested classification (and any conflict
 * with the record) and funding summary, each charge the charging guard would refuse now (a legacy or
 * imported charge stays visible with the warning; duties recorded or given by the law), and the refund calculator. Each read records `case.view`
 * in its own transaction (a route's `audit` config only declares it; it records nothing by itself).
 */
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import { addDays, maxDate, todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { CarePlan, Charge, Service } from '../../domain/case-file/schema.ts';
import { classifyService } from '../../domain/care-records/aftercare-classification.ts';
import { paymentOfferPrompt, planReviewDue } from '../../domain/care-records/care-plan.ts';
import { checkChargeAllowed, type DutyPeriod } from '../../domain/care-records/charging-guard.ts';
import { endingState } from '../../domain/care-records/duty-ending.ts';
import { summariseFunding } from '../../domain/care-records/funding-ledger.ts';
import { calculateRefund, type RefundCalculation } from '../../domain/care-records/refund-calculator.ts';
import { organisationsByIds } from '../register/repository.ts';
import { parseInput, requireVisiblePerson } from '../register/use-case.ts';
import { refundQuery } from './api-schemas.ts';
import { chargingAsOf, dutyPeriodsForCharging } from './duty-periods.ts';
import { loadCareRecords, loadRegisterContext } from './repository.ts';

export function createCareReads({ db, reviewMonths, refundInterestPercent }: { db: Db; reviewMonths: number; refundInterestPercent: number }) {
  async function getCareRecords(ctx: ServiceContext, personId: string) {
    assertPermission(ctx.actor, 'case:read');
    return db.transaction(async (tx) => {
      const person = await requireVisiblePerson(tx, ctx.actor, personId);
      await recordAudit(tx, ctx, { action: 'case.view', recordType: 'person', recordId: personId, personId });
      const today = todayInLondon(ctx.now);
      const register = await loadRegisterContext(tx, personId);
      const rows = await loadCareRecords(tx, personId);
      const plans = rows.carePlans.map((row) => row.record);
      const offers = rows.paymentOffers.map((row) => row.record);
      const services = rows.services.map((row) => row.record);
      // The law is evaluated only when a charge is on an aftercare service (the only charges the guard can refuse).
      const chargesOnAftercare = rows.charges.map((row) => row.record).filter((charge) => services.some((s) => s.id === charge.serviceId && s.aftercare));
      const dutyPeriods = chargesOnAftercare.length ? await dutyPeriodsForCharging(tx, personId, chargingAsOf(today, chargesOnAftercare)) : [];
      const providerIds = services.flatMap((service) => (service.providerId ? [service.providerId] : []));
      const organisationIds = [...new Set([...register.duties.flatMap(({ record }) => [record.localAuthorityId, record.healthBodyId]), ...providerIds])];
      const organisations = (await organisationsByIds(tx, organisationIds)).map(({ id, name, kind }) => ({ id, name, kind }));
      return {
        person: { id: person.id, givenName: person.givenName, familyName: person.familyName, nhsNumber: person.nhsNumber ?? undefined, dateOfBirth: person.dateOfBirth ?? undefined },
        today,
        organisations,
        duties: register.duties.map(({ record, version }) => ({
          record,
          version,
          endingState: endingState(record),
          offerPrompt: record.end === undefined ? paymentOfferPrompt({ duty: record, plans, offers, on: today }) : undefined,
        })),
        carePlans: rows.carePlans.map(({ record, version }) => ({ record, version, reviewDue: planReviewDue(record, today, reviewMonths) })),
        services: rows.services.map(({ record, version }) => ({
          record,
          version,
          classification: classifyService(record, needsOfDuty(plans, record.dutyId)),
          funding: fundingSummary(record, today),
        })),
        charges: rows.charges.map(({ record, version }) => ({ record, version, guard: chargeGuardNow(record, services, dutyPeriods) })),
        paymentOffers: rows.paymentOffers,
      };
    });
  }

  /** The refund of the person's charges (all, or those named) up to a date: principal and interest per period. */
  async function refundCalculation(ctx: ServiceContext, personId: string, query: unknown): Promise<RefundCalculation> {
    assertPermission(ctx.actor, 'case:read');
    return db.transaction(async (tx) => {
      // Visibility first: a person the caller may not see is NotFound whatever the query says.
      await requireVisiblePerson(tx, ctx.actor, personId);
      const terms = parseInput(refundQuery, query);
      await recordAudit(tx, ctx, { action: 'case.view', recordType: 'person', recordId: personId, personId });
      const rows = await loadCareRecords(tx, personId);
      const chosen = rows.charges.map((row) => row.record).filter((charge) => !terms.chargeIds || terms.chargeIds.includes(charge.id));
      const refundDate = terms.refundDate ?? todayInLondon(ctx.now);
      return calculateRefund(chosen, { refundDate, annualRatePercent: terms.annualRatePercent ?? refundInterestPercent, method: terms.method });
    });
  }

  return { getCareRecords, refundCalculation };
}

export type CareRecordsView = Awaited<ReturnType<ReturnType<typeof createCareReads>['getCareRecords']>>;

function needsOfDuty(plans: readonly CarePlan[], dutyId: string) {
  return plans.filter((plan) => plan.dutyId === dutyId).flatMap((plan) => plan.needs);
}

/** What each body pays for the service from its start up to today (or its end). */
function fundingSummary(service: Service, today: string) {
  if (service.start === undefined || service.weeklyCostPence === undefined) return undefined;
  const to = service.end ?? maxDate(addDays(today, 1), addDays(service.start, 1));
  return summariseFunding({ shares: service.funding ?? [], weeklyCosts: [{ from: service.start, to: service.end, weeklyPence: service.weeklyCostPence }], from: service.start, to });
}

/** A stored charge the guard would refuse now: shown with the rule's explanation until it is refunded. */
function chargeGuardNow(charge: Charge, services: readonly Service[], activeDutyPeriods: readonly DutyPeriod[]) {
  const service = services.find((candidate) => candidate.id === charge.serviceId);
  const verdict = checkChargeAllowed({ charge, service, activeDutyPeriods });
  return { refused: !verdict.allowed, refunded: charge.refund !== undefined, reasons: verdict.reasons };
}


