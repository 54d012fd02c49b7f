/**
 * Services meeting the assessed needs, with joint funding and, for accommodation, the panel request and
 * the placement search that led to it. Some needs are left unmet, some services charged for though they
 * are aftercare (with or without a refund), some top-ups lack the choice the law requires.
 */
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { addDays, daysBetween } from '../../domain/calendar/civil-date.ts';
import type { Charge, Duty, PanelRequest, PlacementSearch, Service } from '../../domain/case-file/schema.ts';
import type { GenerationContext } from './context.ts';
import { organisationsOfKind } from './context.ts';
import type { DutyPlans, NeedCategory } from './care-plans.ts';

export interface DutyServices {
  services: Service[];
  charges: Charge[];
  panelRequests: PanelRequest[];
  placementSearches: PlacementSearch[];
}

const serviceFor: Record<NeedCategory, readonly (readonly [Service['kind'], number, number, string])[]> = {
  accommodation: [['supported_living', 90_000, 180_000, 'Supported living with 24-hour staff'], ['residential_care', 120_000, 250_000, 'Residential care home placement'], ['accommodation', 40_000, 90_000, 'Flat with floating support']],
  mental_health: [['community_mental_health', 0, 0, 'Care coordination by the community mental health team']],
  substance_misuse: [['substance_misuse', 5_000, 15_000, 'Community drug and alcohol service']],
  daily_living: [['care_at_home', 20_000, 60_000, 'Home support visits'], ['care_at_home', 10_000, 30_000, 'Floating support']],
  social: [['day_service', 8_000, 25_000, 'Day opportunities service']],
  employment: [['employment', 3_000, 8_000, 'Individual placement and support (employment)']],
  personal_care: [['care_at_home', 15_000, 45_000, 'Personal care visits']],
  other: [['other', 2_000, 6_000, 'Money and benefits advice']],
};

const accommodationKinds: readonly Service['kind'][] = ['accommodation', 'supported_living', 'residential_care', 'nursing_care'];

export function generateServices(context: GenerationContext, duty: Duty, plans: DutyPlans): DutyServices {
  const { rng, asOf, ids } = context;
  const out: DutyServices = { services: [], charges: [], panelRequests: [], placementSearches: [] };
  const periodEnd = duty.end ?? asOf;
  const providers = organisationsOfKind(context.organisations, 'provider', 'voluntary');
  const trusts = organisationsOfKind(context.organisations, 'nhs_trust');
  for (const [category, need] of plans.needsByCategory) {
    if (rng.chance(0.05)) continue; // assessed but never met
    const [kind, minCost, maxCost, description] = rng.pick(serviceFor[category]);
    const accommodation = accommodationKinds.includes(kind);
    let start: CivilDate | undefined = addDays(need.firstAgreedOn, rng.weighted([[rng.int(0, 21), 85], [rng.int(29, 90), 15]]));
    const weeklyCostPence = maxCost > 0 ? rng.int(minCost / 100, maxCost / 100) * 100 : undefined;
    let panelRequestId: string | undefined;
    if (accommodation) {
      const outcome = panelAndSearch(context, duty, need.firstAgreedOn, weeklyCostPence ?? 0, out, providers.map((p) => p.id));
      if (!outcome) start = undefined;
      else {
        panelRequestId = outcome.panelRequestId;
        if (start < outcome.earliestStart) start = outcome.earliestStart;
      }
    }
    const providerPool = kind === 'community_mental_health' && trusts.length > 0 ? trusts : providers;
    const service: Service = { id: ids.next('svc'), dutyId: duty.id, needIds: [...need.ids], description, kind, status: 'planned', aftercare: need.related };
    if (providerPool.length > 0) service.providerId = rng.pick(providerPool).id;
    if (weeklyCostPence !== undefined) service.weeklyCostPence = weeklyCostPence;
    if (start && start <= asOf) {
      service.start = start;
      service.status = 'active';
      const stopped = rng.chance(0.05) ? addDays(start, rng.int(30, 400)) : undefined;
      const end = stopped && stopped < periodEnd ? stopped : duty.end;
      if (end && end > start && end <= asOf) {
        service.end = end;
        service.status = 'ended';
      }
      const split = rng.weighted([[[50, 50], 55], [[70, 30], 15], [[100, 0], 20], [[0, 100], 10]] as const);
      service.funding = [{ from: start, localAuthorityPercent: split[0], healthBodyPercent: split[1], ...(panelRequestId ? { panelRequestId } : {}) }];
      if (service.end) (service.funding[0] as { to?: CivilDate }).to = service.end;
    }
    if (accommodation) {
      const unclear = rng.chance(0.12);
      service.accommodationPlus = { enhancedSpecialised: !unclear || rng.chance(0.5), relatedToOriginalCondition: true, reducesRisk: !unclear };
      if (unclear && rng.chance(0.5)) delete service.accommodationPlus.reducesRisk;
      if (kind === 'residential_care' && service.start && rng.chance(0.12)) {
        service.topUp = { payer: 'person', weeklyPence: rng.int(20, 150) * 100, from: service.start, preferredAccommodationChosen: true, suitableAlternativeOffered: rng.chance(0.8) };
      }
    }
    out.services.push(service);
    if (service.start) out.charges.push(...chargesFor(context, service, accommodation));
  }
  return out;
}

function chargesFor(context: GenerationContext, service: Service, accommodation: boolean): Charge[] {
  const { rng, ids, asOf } = context;
  const start = service.start as CivilDate;
  const charges: Charge[] = [];
  if (!service.aftercare && rng.chance(0.5)) {
    charges.push({ id: ids.next('chg'), serviceId: service.id, payer: 'person', kind: 'contribution', from: start, weeklyPence: rng.int(10, 80) * 100 });
  } else if (service.aftercare && rng.chance(accommodation ? 0.1 : 0.04)) {
    const from = addDays(start, rng.int(0, 60));
    if (from > asOf) return charges;
    const charge: Charge = { id: ids.next('chg'), serviceId: service.id, payer: 'person', kind: accommodation && rng.chance(0.5) ? 'rent' : 'contribution', from, weeklyPence: rng.int(20, 90) * 100 };
    const to = addDays(from, rng.int(28, 500));
    if (to <= asOf) {
      charge.to = to;
      if (rng.chance(0.4)) {
        const weeks = Math.ceil(daysBetween(from, to) / 7);
        const refundDate = addDays(to, rng.int(7, 90));
        if (refundDate <= asOf) charge.refund = { date: refundDate, pence: weeks * (charge.weeklyPence ?? 0), interestPence: rng.int(0, 5000) };
      }
    }
    charges.push(charge);
  }
  return charges;
}

/** Placement searches and a panel request; returns when an approved placement could start, or null if none did. */
function panelAndSearch(
  context: GenerationContext,
  duty: Duty,
  from: CivilDate,
  weeklyCostPence: number,
  out: DutyServices,
  providerIds: readonly string[],
): { earliestStart: CivilDate; panelRequestId?: string } | null {
  const { rng, asOf, ids } = context;
  let day = from;
  const searches = rng.int(1, 4);
  let offeredBy: string | undefined;
  for (let i = 0; i < searches && day < asOf; i++) {
    const last = i === searches - 1;
    const search: PlacementSearch = { id: ids.next('ps'), dutyId: duty.id, approachedOn: day, outcome: 'pending' };
    if (providerIds.length > 0) search.providerId = rng.pick(providerIds);
    const outcomeOn = addDays(day, rng.int(3, 30));
    if (outcomeOn <= asOf) {
      search.outcome = last ? (rng.chance(0.85) ? 'offered' : 'no_vacancy') : rng.pick(['declined_by_provider', 'no_vacancy', 'waiting_list', 'declined_by_person'] as const);
      search.outcomeOn = outcomeOn;
      if (search.outcome === 'declined_by_provider') search.reason = rng.pick(['Needs too complex for the service', 'Risk history', 'No suitable room']);
      if (search.outcome === 'offered') offeredBy = search.providerId;
    }
    out.placementSearches.push(search);
    day = addDays(day, rng.int(2, 21));
  }
  if (!offeredBy && providerIds.length > 0) return null;
  // The acceptance of the offer is recorded against the search that made it.
  const accept = (start: CivilDate): void => {
    const offered = out.placementSearches.findLast((search) => search.outcome === 'offered' && search.dutyId === duty.id);
    if (offered && start <= asOf) {
      offered.outcome = 'accepted';
      offered.outcomeOn = start;
    }
  };
  if (weeklyCostPence < 80_000 || rng.chance(0.3)) {
    accept(day);
    return { earliestStart: day };
  }
  if (day > asOf) return null;
  let request: PanelRequest = { id: ids.next('pr'), dutyId: duty.id, submittedOn: day, proposal: 'Placement with the provider that offered a place', weeklyCostPence };
  if (offeredBy) request.providerId = offeredBy;
  for (let attempt = 0; attempt < 3; attempt++) {
    const decidedOn = addDays(request.submittedOn, rng.int(3, 21));
    out.panelRequests.push(request);
    if (decidedOn > asOf) return null;
    const decision = rng.weighted([['approved', 66], ['approved_with_conditions', 6], ['rejected', 22], ['deferred', 6]] as const);
    request.decision = decision;
    request.decidedOn = decidedOn;
    if (rng.chance(0.95)) request.reasons = decision === 'rejected' ? 'The panel was not satisfied the placement would meet the assessed needs' : 'Meets the assessed needs at a cost in line with the market';
    if (decision === 'approved' || decision === 'approved_with_conditions') {
      const start = addDays(decidedOn, rng.int(3, 30));
      accept(start);
      return { earliestStart: start, panelRequestId: request.id };
    }
    if (decision === 'rejected' && !rng.chance(0.6)) return null;
    const resubmittedOn = addDays(decidedOn, rng.int(7, 45));
    if (resubmittedOn > asOf) return null;
    request = { ...request, id: ids.next('pr'), submittedOn: resubmittedOn, resubmissionOf: request.id };
    delete request.decision;
    delete request.decidedOn;
    delete request.reasons;
  }
  return null;
}
