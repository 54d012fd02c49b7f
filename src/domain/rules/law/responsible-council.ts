/**
 * The responsible council for one duty (§2.3): the council of ordinary residence immediately before the
 * unbroken detention that gave rise to the duty (LA-01, LA-05), fixed for the life of the duty (LA-06).
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import type { Residence } from '../../case-file/schema.ts';
import { organisationName, type LawContext } from './context.ts';
import type { DutyDraft } from './duties.ts';
import { flag } from './flags.ts';
import { dayBefore, lastIndexBefore, overlaps, residenceOn } from './history.ts';
import { residentInEnglandOrWales, type OrdinaryResidenceFinding } from './ordinary-residence.ts';
import { isTransferFromCustody } from './qualifying-sections.ts';
import { councilReasons, residenceWords } from './reasons.ts';
import { checkDeeming } from './deeming.ts';

export interface CouncilDecision {
  organisationId: string | null;
  ruleIds: Set<string>;
  reasons: string[];
  flags: Set<string>;
  /** The nation whose bodies answer: R's under LA-01(a)/(b), the discharge area's under LA-01(c). */
  nation: Residence['nation'] | null;
  /** The residence whose area decided. */
  areaResidence: Residence | null;
}

const CARE_ACT_1_APRIL_2015 = '2015-04-01';
const NOT_A_HOME: ReadonlySet<Residence['kind']> = new Set<Residence['kind']>(['prison', 'hospital_detained', 'hospital_informal']);

export function decideCouncil(context: LawContext, draft: DutyDraft, orAt: (t0: CivilDate) => OrdinaryResidenceFinding): CouncilDecision {
  const period = draft.period;
  const decision = councilAt(context, orAt(period.t0), draft.start, period.qualifyingSection !== null && isTransferFromCustody(period.qualifyingSection));
  const name = organisationName(context, decision.organisationId);

  if (period.qualifyingStart !== null && period.qualifyingStart !== period.t0) {
    decision.ruleIds.add('LA-04'); // no ordinary residence is acquired during the earlier sections (LA-05)
    const atSection = councilAt(context, orAt(period.qualifyingStart), draft.start, false);
    if (atSection.organisationId !== decision.organisationId) {
      decision.flags.add(flag('LA-05', 'UNBROKEN_PERIOD'));
      decision.reasons.push(councilReasons.unbrokenPeriod(name, organisationName(context, atSection.organisationId), period.qualifyingStart));
    }
  }
  if (draft.afterRedetention !== null) {
    decision.ruleIds.add('LA-07');
    decision.reasons.push(councilReasons.afterRedetention(draft.afterRedetention));
  }
  for (const recall of draft.recalls) {
    const alternative = councilAt(context, orAt(recall.t0), recall.leftOn, false);
    decision.ruleIds.add('LA-06');
    decision.reasons.push(councilReasons.recallKept(recall.t0, organisationName(context, alternative.organisationId)));
  }
  const move = firstMoveDuring(context, draft, decision.organisationId);
  if (move !== null) {
    decision.ruleIds.add('LA-06');
    decision.reasons.push(councilReasons.movedDuringDuty(organisationName(context, move.localAuthorityId), move.from));
  }
  return decision;
}

/** LA-01 to LA-10 for the detention period that began on finding.t0; `dischargedOn` is the duty's start. */
export function councilAt(context: LawContext, finding: OrdinaryResidenceFinding, dischargedOn: CivilDate | null, transferFromCustody: boolean): CouncilDecision {
  const { t0, residence } = finding;
  const decision: CouncilDecision = { organisationId: null, ruleIds: new Set(['LA-01', 'LA-02', 'LA-05']), reasons: [], flags: new Set(), nation: null, areaResidence: null };
  if (finding.passedOverDetention) decision.ruleIds.add('LA-04');
  if (residence !== null && residentInEnglandOrWales(finding)) {
    const limb = residence.nation === 'england' ? '(a)' : '(b)';
    decision.organisationId = residence.localAuthorityId ?? null;
    decision.nation = residence.nation;
    decision.areaResidence = residence;
    decision.ruleIds.add(`LA-01${limb}`);
    decision.reasons.push(councilReasons.ordinarilyResident(organisationName(context, decision.organisationId), dayBefore(t0), t0, limb));
    if (decision.organisationId === null) {
      decision.flags.add(flag('LA-01', 'AREA_UNKNOWN'));
      decision.reasons.push(councilReasons.areaUnknown());
    }
  } else {
    decideUnderLimbC(context, finding, dischargedOn, decision);
  }
  if (residence !== null && finding.inferred) {
    decision.flags.add(flag('LA-02', 'INFERRED'));
    decision.reasons.push(councilReasons.inferred(residenceWords(residence), finding.ordinarilyResident));
  }
  if (finding.custody !== null || transferFromCustody) {
    decision.flags.add(flag('LA-10', 'PRISON_OR'));
    decision.ruleIds.add('LA-10').add('LA-04');
    decision.reasons.push(councilReasons.custody(finding.custody?.from ?? t0));
  }
  if (finding.legalCondition !== null) {
    decision.flags.add(flag('LA-04', 'LEGAL_CONDITION'));
    decision.ruleIds.add('LA-04');
    decision.reasons.push(councilReasons.legalCondition(residenceWords(finding.legalCondition), finding.legalCondition.legalCondition ?? 'legal'));
  }
  if (finding.informal !== null) {
    decision.flags.add(flag('LA-09', 'INFORMAL_ADMISSION'));
    decision.ruleIds.add('LA-09');
    decision.reasons.push(
      finding.informal === residence
        ? councilReasons.informalRecorded(residenceWords(finding.informal))
        : councilReasons.informal(residenceWords(finding.informal), organisationName(context, finding.informal.localAuthorityId)),
    );
  }
  if (residence !== null && residence.to !== undefined && residence.to > t0 && (dischargedOn === null || residence.to <= dischargedOn) && residentInEnglandOrWales(finding)) {
    decision.ruleIds.add('LA-04').add('LA-08');
    decision.reasons.push(councilReasons.lostDuringDetention(organisationName(context, residence.localAuthorityId), residence.to));
  }
  if (t0 < CARE_ACT_1_APRIL_2015) {
    decision.flags.add(flag('LA-01', 'PRE2015'));
    decision.reasons.push(councilReasons.pre2015(t0));
  }
  checkDeeming(context, finding, decision);
  return decision;
}

/** LA-01(c): no ordinary residence in England or Wales; the council the person is sent to on discharge. */
function decideUnderLimbC(context: LawContext, finding: OrdinaryResidenceFinding, dischargedOn: CivilDate | null, decision: CouncilDecision): void {
  decision.flags.add(flag('LA-08', 'S117_3C'));
  decision.ruleIds.add('LA-01(c)').add('LA-08');
  decision.reasons.push(councilReasons.notInEnglandOrWales(finding.t0, finding.residence === null ? 'none recorded' : residenceWords(finding.residence)));
  const sentTo = dischargedOn === null ? null : sentOnDischarge(context, dischargedOn);
  if (sentTo === null) {
    decision.reasons.push(councilReasons.notYetSent());
  } else {
    decision.organisationId = sentTo.localAuthorityId ?? null;
    decision.nation = sentTo.nation;
    decision.areaResidence = sentTo;
    decision.reasons.push(councilReasons.sentOnDischarge(organisationName(context, decision.organisationId), sentTo.from > dischargedOn! ? sentTo.from : dischargedOn!));
  }
  const living = residenceOn(context.residences, context.asOf)?.localAuthorityId;
  const before = finding.residence?.localAuthorityId;
  if (living !== undefined && living !== decision.organisationId) {
    decision.reasons.push(councilReasons.otherCandidate(organisationName(context, living), 'lives now'));
  } else if (before !== undefined && before !== decision.organisationId) {
    decision.reasons.push(councilReasons.otherCandidate(organisationName(context, before), 'lived before the detention'));
  } else {
    decision.reasons.push(councilReasons.sameCandidate());
  }
}

/** Where the hospital sent the person: the first home (not prison or hospital) from the day they left. */
function sentOnDischarge(context: LawContext, dischargedOn: CivilDate): Residence | null {
  const residences = context.residences;
  for (let i = Math.max(0, lastIndexBefore(residences, `${dischargedOn}~`)); i < residences.length; i++) {
    const residence = residences[i] as Residence;
    if (residence.to !== undefined && residence.to <= dischargedOn) continue;
    if (!NOT_A_HOME.has(residence.kind)) return residence;
  }
  return null;
}

/** LA-06: the first move to another council's area during the duty. */
function firstMoveDuring(context: LawContext, draft: DutyDraft, councilId: string | null): Residence | null {
  for (let i = Math.max(0, lastIndexBefore(context.residences, `${draft.start}~`)); i < context.residences.length; i++) {
    const residence = context.residences[i] as Residence;
    if (!overlaps(residence, draft.start, draft.end, context.asOf)) break;
    if (!NOT_A_HOME.has(residence.kind) && residence.localAuthorityId !== undefined && residence.localAuthorityId !== councilId) return residence;
  }
  return null;
}
