/**
 * Detention chains (s136 → s2 → s3, s2 → s3, s3 alone, s37 and s37/41, s2 alone), what happened on
 * discharge (home, a placement in another council, temporary accommodation, a CTO, a conditional
 * discharge) and the moves in between. The duties the law gives are worked out alongside, following
 * ../shared/domain/s117-rules.md: the council of ordinary residence before the unbroken detention (LA-01,
 * LA-05), the originating ICB by GP registration at the first detention after any joint ending (ICB-02,
 * ICB-04), and a qualifying re-detention ending the duty (END-05).
 */
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { addDays, daysBetween } from '../../domain/calendar/civil-date.ts';
import type { CommunityTreatmentOrder, Detention, Section } from '../../domain/case-file/schema.ts';
import type { DemoArea } from '../organisations.ts';
import type { GenerationContext } from './context.ts';
import type { ResidenceKind } from './residence-timeline.ts';
import { ResidenceTimeline } from './residence-timeline.ts';

export const qualifyingSections: readonly Section[] = ['3', '37', '37/41', '45A', '47', '47/49', '48', '48/49'];

/** A duty as the law gives it, with the facts the register generator needs. */
export interface LawfulDuty {
  detentionId: string;
  start: CivilDate;
  end?: CivilDate;
  localAuthorityId: string;
  healthBodyId: string;
  /** Where the person lived on discharge (for a plausible wrong council on the register). */
  dischargeArea: DemoArea;
  /** Start of the next chain, if any (a duty may only be ended by decision before it). */
  nextChainStart?: CivilDate;
}

export interface DetentionHistory {
  timeline: ResidenceTimeline;
  detentions: Detention[];
  ctos: CommunityTreatmentOrder[];
  lawfulDuties: LawfulDuty[];
  /** Detentions of non-qualifying chains (a register error may point a duty at one). */
  nonQualifying: Detention[];
}

type ChainShape = readonly (readonly [Section, number, number])[];
const chainShapes: readonly (readonly [ChainShape, number])[] = [
  [[['3', 28, 200]], 30],
  [[['2', 5, 27], ['3', 28, 180]], 25],
  [[['136', 1, 1], ['2', 5, 27], ['3', 28, 160]], 15],
  [[['2', 7, 28]], 12],
  [[['136', 1, 1], ['2', 7, 28]], 5],
  [[['37/41', 200, 1200]], 6],
  [[['37', 60, 400]], 7],
];

const settledKinds: readonly (readonly [ResidenceKind, number])[] = [['own_home', 55], ['family', 20], ['supported_living', 15], ['care_home', 5], ['shared_lives', 5]];

export function generateDetentionHistory(context: GenerationContext, historyStart: CivilDate, firstArea: DemoArea, chainCount: number): DetentionHistory {
  const { rng, asOf, ids, areas } = context;
  const timeline = new ResidenceTimeline(rng, firstArea, asOf);
  const detentions: Detention[] = [];
  const ctos: CommunityTreatmentOrder[] = [];
  const lawfulDuties: LawfulDuty[] = [];
  const nonQualifying: Detention[] = [];
  timeline.live(historyStart, rng.weighted(settledKinds), firstArea, { ordinarilyResident: 'yes' });
  timeline.registerWithGp(historyStart, firstArea);
  const otherArea = (area: DemoArea, englandOnly: boolean): DemoArea =>
    rng.pick(areas.filter((candidate) => candidate !== area && (!englandOnly || candidate.nation === 'england')));

  let cursor = historyStart;
  let originatingHealthBody: string | undefined;
  for (let chain = 0; chain < chainCount; chain++) {
    const window = daysBetween(cursor, asOf) - 45;
    if (window < 40) break;
    const start = addDays(cursor, rng.int(30, Math.max(30, Math.floor(window / (chainCount - chain)))));
    // A move between chains now and then (voluntary, so ordinary residence may follow it: LA-03).
    if (chain > 0 && rng.chance(0.15) && daysBetween(cursor, start) > 120) {
      const moveOn = addDays(cursor, rng.int(30, daysBetween(cursor, start) - 60));
      const area = otherArea(timeline.homeArea, rng.chance(0.9));
      timeline.live(moveOn, rng.weighted(settledKinds), area, { ordinarilyResident: 'yes' });
      timeline.registerWithGp(addDays(moveOn, rng.int(7, 45)), area);
    }
    const areaBefore = timeline.homeArea;
    const gpBefore = timeline.gpHealthBodyOn(start) ?? areaBefore.healthBodyId;
    const shape = rng.weighted(chainShapes);
    const chainDetentions: Detention[] = [];
    let segmentStart = start;
    let stillDetained = false;
    for (const [section, minDays, maxDays] of shape) {
      const detention: Detention = { id: ids.next('det'), section, start: segmentStart, hospital: `${rng.pick(areaBefore.towns)} Mental Health Unit` };
      const previous = chainDetentions[chainDetentions.length - 1];
      if (previous) detention.continuesFrom = previous.id;
      const end = addDays(segmentStart, rng.int(minDays, maxDays));
      chainDetentions.push(detention);
      if (end >= asOf) {
        stillDetained = true;
        break;
      }
      detention.end = end;
      segmentStart = end;
    }
    detentions.push(...chainDetentions);
    timeline.live(start, 'hospital_detained', areaBefore, { ordinarilyResident: 'no' });
    const last = chainDetentions[chainDetentions.length - 1] as Detention;
    const qualifying = qualifyingSections.includes(last.section);
    if (!qualifying) nonQualifying.push(...chainDetentions);

    // A qualifying re-detention ends the duty running before it (END-05).
    const running = lawfulDuties[lawfulDuties.length - 1];
    if (qualifying && running && !running.end) {
      running.end = last.start;
      running.nextChainStart = start;
    } else if (running && !running.end && !running.nextChainStart) running.nextChainStart = start;
    if (qualifying && !originatingHealthBody) originatingHealthBody = gpBefore;

    if (stillDetained) {
      cursor = asOf;
      break;
    }
    const end = last.end as CivilDate;
    const onCto = qualifying && (last.section === '3' || last.section === '37') && rng.chance(0.2);
    const informalStay = !onCto && rng.chance(0.2) ? rng.int(3, 40) : 0;
    const leftHospital = addDays(end, informalStay);
    if (leftHospital >= asOf) {
      timeline.live(end, 'hospital_informal', areaBefore);
      cursor = asOf;
      break;
    }
    if (informalStay > 0) {
      last.leftHospital = leftHospital;
      timeline.live(end, 'hospital_informal', areaBefore);
    }
    if (onCto) {
      const cto: CommunityTreatmentOrder = { id: ids.next('cto'), detentionId: last.id, start: end };
      const ctoEnd = addDays(end, rng.int(120, 540));
      if (ctoEnd < asOf && rng.chance(0.65)) cto.end = ctoEnd;
      ctos.push(cto);
    }
    const dischargeArea = settleAfterDischarge(context, timeline, leftHospital, areaBefore, last.section, otherArea);
    if (qualifying) {
      const healthBodyId = areaBefore.nation === 'wales' ? areaBefore.healthBodyId : (originatingHealthBody ?? gpBefore);
      lawfulDuties.push({ detentionId: last.id, start: leftHospital, localAuthorityId: areaBefore.localAuthorityId, healthBodyId, dischargeArea });
    }
    cursor = leftHospital;
  }
  return { timeline, detentions, ctos, lawfulDuties, nonQualifying };
}

/** Where the person goes on leaving hospital; returns the area they were discharged to. */
function settleAfterDischarge(
  context: GenerationContext,
  timeline: ResidenceTimeline,
  leftHospital: CivilDate,
  areaBefore: DemoArea,
  section: Section,
  otherArea: (area: DemoArea, englandOnly: boolean) => DemoArea,
): DemoArea {
  const { rng, asOf } = context;
  if (section === '37/41') {
    timeline.live(leftHospital, rng.pick(['supported_living', 'hostel', 'approved_premises'] as const), areaBefore, { legalCondition: 'conditional_discharge', ordinarilyResident: 'unknown' });
    return areaBefore;
  }
  const destination = rng.weighted([['home', 62], ['placement', 20], ['unsettled', 13], ['wales', 5]] as const);
  if (destination === 'home') {
    timeline.live(leftHospital, rng.weighted(settledKinds), areaBefore, { ordinarilyResident: 'yes' });
    return areaBefore;
  }
  if (destination === 'placement' || destination === 'wales') {
    const area = destination === 'wales' ? otherArea(areaBefore, false) : otherArea(areaBefore, true);
    timeline.live(leftHospital, rng.pick(['supported_living', 'care_home', 'shared_lives'] as const), area, {
      placedById: areaBefore.localAuthorityId,
      placedUnder: 's117',
      ordinarilyResident: rng.chance(0.6) ? 'yes' : 'unknown',
    });
    timeline.registerWithGp(addDays(leftHospital, rng.int(3, 40)), area);
    return area;
  }
  // Temporary accommodation, a hotel or the street for a while, then somewhere settled in the same area.
  timeline.live(leftHospital, rng.pick(['temporary', 'hotel', 'no_fixed_abode', 'rough_sleeping'] as const), areaBefore);
  const settledOn = addDays(leftHospital, rng.int(14, 240));
  if (settledOn < asOf) timeline.live(settledOn, rng.pick(['hostel', 'supported_living', 'own_home'] as const), areaBefore, { ordinarilyResident: 'yes' });
  return areaBefore;
}
