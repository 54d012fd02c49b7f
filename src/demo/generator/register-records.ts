/**
 * The register as users recorded it: mostly the duties the law gives, with the mistakes real registers
 * hold — the council the person moved to instead of the one responsible, a missing entitlement, a duty
 * recorded against an s2 detention, a duty ended without a proper joint decision — then the allocations
 * to social workers (some never made, some lapsed) and the odd dispute between councils. A duty recorded
 * wrong on purpose says so in `ext.demoError`, so demonstrations and tests can tell it from a rules finding.
 */
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { addDays, daysBetween } from '../../domain/calendar/civil-date.ts';
import type { Allocation, Detention, Duty, EndingDecision, ResponsibilityDispute } from '../../domain/case-file/schema.ts';
import type { GenerationContext } from './context.ts';
import type { LawfulDuty } from './detention-history.ts';

export interface RegisterRecords {
  duties: Duty[];
  disputes: ResponsibilityDispute[];
  allocations: Allocation[];
}

export function generateRegisterRecords(context: GenerationContext, lawfulDuties: readonly LawfulDuty[], nonQualifying: readonly Detention[]): RegisterRecords {
  const { rng, asOf, ids, areas } = context;
  const duties: Duty[] = [];
  const disputes: ResponsibilityDispute[] = [];
  const allocations: Allocation[] = [];
  for (const lawful of lawfulDuties) {
    if (rng.chance(0.06)) continue; // entitlement never put on the register
    const duty: Duty = { id: ids.next('du'), detentionId: lawful.detentionId, start: lawful.start, localAuthorityId: lawful.localAuthorityId, healthBodyId: lawful.healthBodyId };
    const otherCouncils = areas.map((area) => area.localAuthorityId).filter((id) => id !== lawful.localAuthorityId);
    if (rng.chance(0.08) && otherCouncils.length > 0) {
      // The classic mistake: the council the person was discharged to, or simply the wrong one.
      duty.localAuthorityId = lawful.dischargeArea.localAuthorityId !== lawful.localAuthorityId ? lawful.dischargeArea.localAuthorityId : rng.pick(otherCouncils);
      duty.ext = { demoError: 'wrong_council' };
    }
    if (rng.chance(0.03)) {
      const others = areas.map((area) => area.healthBodyId).filter((id) => id !== lawful.healthBodyId);
      if (others.length > 0) {
        duty.healthBodyId = rng.pick(others);
        duty.ext = { demoError: duty.ext ? 'wrong_council_and_health_body' : 'wrong_health_body' };
      }
    }
    if (lawful.end) {
      duty.end = lawful.end;
      duty.endReason = 'redetained';
    } else {
      const deadline = lawful.nextChainStart ?? asOf;
      if (daysBetween(lawful.start, deadline) > 420 && rng.chance(0.08)) endByDecision(context, duty, rng.dateBetween(addDays(lawful.start, 365), addDays(deadline, -30)));
    }
    duties.push(duty);
    allocations.push(...generateAllocations(context, duty));
    if (duty.localAuthorityId !== lawful.localAuthorityId || (lawful.dischargeArea.localAuthorityId !== lawful.localAuthorityId && rng.chance(0.2))) {
      const dispute = generateDispute(context, duty, duty.localAuthorityId === lawful.localAuthorityId ? lawful.dischargeArea.localAuthorityId : lawful.localAuthorityId);
      if (dispute) disputes.push(dispute);
    }
  }
  const s2 = nonQualifying.find((detention) => detention.section === '2' && detention.end);
  if (s2?.end && rng.chance(0.02)) {
    const area = rng.pick(areas);
    duties.push({ id: ids.next('du'), detentionId: s2.id, start: s2.end, localAuthorityId: area.localAuthorityId, healthBodyId: area.healthBodyId, ext: { demoError: 'recorded_against_s2' } });
  }
  return { duties, disputes, allocations };
}

function endByDecision(context: GenerationContext, duty: Duty, end: CivilDate): void {
  const { rng, staff } = context;
  const proper = rng.chance(0.65);
  const laStaff = staff.byRole(duty.localAuthorityId, 'team_manager')[0];
  const hbStaff = staff.byRole(duty.healthBodyId, 'commissioner')[0];
  const ending: EndingDecision = {
    grounds: proper ? ['needs_no_longer_arise'] : [rng.pick(['disengaged', 'time_elapsed', 'discharged_from_specialist_services', 'moved_area', 'refused_services'] as const)],
    personInvolved: proper || rng.chance(0.4),
  };
  if (laStaff) ending.localAuthoritySignOff = { staffId: laStaff.id, date: addDays(end, -rng.int(0, 10)) };
  if (hbStaff && (proper || rng.chance(0.5))) ending.healthBodySignOff = { staffId: hbStaff.id, date: addDays(end, -rng.int(0, 10)) };
  if (proper || rng.chance(0.3)) ending.writtenReasonsSentOn = addDays(end, rng.int(1, proper ? 12 : 40));
  if (ending.writtenReasonsSentOn && ending.writtenReasonsSentOn > context.asOf) delete ending.writtenReasonsSentOn;
  if (proper) ending.moveOnPlanInPlace = true;
  duty.end = end;
  duty.endReason = proper ? 'joint_decision' : rng.pick(['joint_decision', 'other'] as const);
  duty.ending = ending;
}

function generateAllocations(context: GenerationContext, duty: Duty): Allocation[] {
  const { rng, asOf, staff, intensity } = context;
  const workers = staff.byRole(duty.localAuthorityId, 'social_worker');
  if (workers.length === 0 || rng.chance(0.07)) return [];
  const allocations: Allocation[] = [];
  const until = duty.end ?? asOf;
  let from = addDays(duty.start, rng.weighted([[0, 6], [rng.int(1, 4), 3], [rng.int(5, 30), 1]]));
  let worker = rng.pick(workers);
  while (from < until) {
    const allocation: Allocation = { dutyId: duty.id, staffId: worker.id, from };
    const to = addDays(from, rng.int(Math.round(200 / Math.sqrt(intensity)), Math.round(1000 / Math.sqrt(intensity))));
    allocations.push(allocation);
    if (to >= until) {
      if (duty.end) allocation.to = duty.end;
      else if (rng.chance(0.07) && daysBetween(from, asOf) > 40) allocation.to = addDays(asOf, -rng.int(10, 30)); // lapsed: nobody picked it up
      break;
    }
    allocation.to = to;
    from = rng.chance(0.85) ? to : addDays(to, rng.int(1, 20));
    worker = rng.pick(workers);
  }
  return allocations;
}

function generateDispute(context: GenerationContext, duty: Duty, withOrganisationId: string): ResponsibilityDispute | undefined {
  const { rng, asOf, ids } = context;
  const latest = duty.end ?? asOf;
  if (daysBetween(duty.start, latest) < 60) return undefined;
  const openedOn = rng.dateBetween(addDays(duty.start, 30), addDays(latest, -20));
  const dispute: ResponsibilityDispute = { id: ids.next('dsp'), dutyId: duty.id, withOrganisationId, openedOn };
  if (rng.chance(0.85)) dispute.leadOrganisationId = duty.localAuthorityId;
  const referredOn = addDays(openedOn, rng.int(60, 150));
  if (referredOn <= asOf && rng.chance(0.5)) dispute.referredOn = referredOn;
  const resolvedOn = addDays(dispute.referredOn ?? openedOn, rng.int(30, 200));
  if (resolvedOn <= asOf && rng.chance(0.4)) dispute.resolvedOn = resolvedOn;
  return dispute;
}
