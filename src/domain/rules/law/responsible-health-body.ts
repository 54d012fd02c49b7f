/**
 * The responsible health body for one duty (§3.2): the Welsh Local Health Board when ordinary residence is
 * in Wales (ICB-01); otherwise the originating ICB — core responsibility (GP registration, else usual
 * residence: ICB-03) when the chain's first detention began, kept through re-detentions until a joint
 * decision ends aftercare (ICB-02, ICB-04, ICB-05), with defaults for legacy (ICB-09) and Part 3 (ICB-07) chains.
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import type { Residence } from '../../case-file/schema.ts';
import { organisationName, type LawContext } from './context.ts';
import type { DetentionPeriod } from './detention-chains.ts';
import type { DutyDraft } from './duties.ts';
import { flag } from './flags.ts';
import { dayBefore, gpRegistrationOn, lastIndexBefore, overlaps } from './history.ts';
import { residentInEnglandOrWales, type OrdinaryResidenceFinding } from './ordinary-residence.ts';
import { isPart3Section } from './qualifying-sections.ts';
import { healthBodyReasons } from './reasons.ts';
import type { CouncilDecision } from './responsible-council.ts';

export interface HealthBodyDecision {
  organisationId: string | null;
  ruleIds: Set<string>;
  reasons: string[];
  flags: Set<string>;
}

/** ICB-02: SI 2022/635 applies to applications made on or after 1 July 2022. */
const ICB_REGULATIONS_FROM = '2022-07-01';
const NOT_USUAL_RESIDENCE: ReadonlySet<Residence['kind']> = new Set<Residence['kind']>(['prison', 'hospital_detained', 'hospital_informal']);
const NO_FIXED_ABODE: ReadonlySet<Residence['kind']> = new Set<Residence['kind']>(['rough_sleeping', 'no_fixed_abode']);

export function decideHealthBody(
  context: LawContext,
  draft: DutyDraft,
  council: CouncilDecision,
  orAt: (t0: CivilDate) => OrdinaryResidenceFinding,
): HealthBodyDecision {
  const decision: HealthBodyDecision = { organisationId: null, ruleIds: new Set(), reasons: [], flags: new Set() };
  const origin = draft.originPeriod;
  const originNation = origin === draft.period ? council.nation : nationOfOrdinaryResidence(orAt(origin.t0));

  if (council.nation === 'wales') {
    decision.organisationId = council.areaResidence?.healthBodyId ?? null;
    decision.ruleIds.add('ICB-01');
    decision.reasons.push(healthBodyReasons.welshBoard(organisationName(context, decision.organisationId), draft.period.t0));
    if (decision.organisationId === null) decision.flags.add(flag('ICB-01', 'AREA_UNKNOWN'));
    if (livesIn(context, draft, 'england')) crossBorder(decision);
    if (originNation === 'england') englishIcbAcrossBorder(decision);
    return decision;
  }

  let chainStart: DetentionPeriod = origin;
  if (originNation === 'wales') {
    chainStart = draft.period; // ICB-08: an English ICB is identified at the first detention in England
    crossBorder(decision);
  }
  decideOriginatingIcb(context, chainStart, orAt(chainStart.t0), decision);
  const name = organisationName(context, decision.organisationId);
  if (chainStart !== draft.period) {
    decision.ruleIds.add('ICB-04');
    decision.reasons.push(healthBodyReasons.carried(name, chainStart.t0, draft.period.t0));
  }
  const registration = firstGpChangeSince(context, chainStart.t0, draft, decision.organisationId);
  if (registration !== null) {
    decision.ruleIds.add('ICB-04');
    decision.reasons.push(healthBodyReasons.gpChanged(organisationName(context, registration.healthBodyId), registration.from, name));
  }
  if (draft.afterJointDecision) {
    decision.ruleIds.add('ICB-05');
    decision.reasons.push(healthBodyReasons.afterJointDecision(chainStart.t0));
  }
  if (livesIn(context, draft, 'wales')) englishIcbAcrossBorder(decision);
  return decision;
}

/** ICB-03 on the application date (ICB-02), before custody or detention for Part 3 (ICB-07), flagged for legacy chains (ICB-09). */
function decideOriginatingIcb(context: LawContext, chainStart: DetentionPeriod, finding: OrdinaryResidenceFinding, decision: HealthBodyDecision): void {
  const part3 = chainStart.qualifyingSection !== null && isPart3Section(chainStart.qualifyingSection);
  const legacy = chainStart.t0 < ICB_REGULATIONS_FROM;
  const date = part3 ? dayBefore(finding.custody?.from ?? chainStart.t0) : chainStart.t0;
  decision.ruleIds.add('ICB-03');
  if (legacy) {
    decision.ruleIds.add('ICB-09');
    decision.flags.add(flag('ICB-09', 'LEGACY'));
    decision.reasons.push(healthBodyReasons.legacy(chainStart.t0));
  } else if (!part3) {
    decision.ruleIds.add('ICB-02');
  }
  if (part3) {
    decision.ruleIds.add('ICB-07');
    decision.flags.add(flag('ICB-07', 'PART3'));
    decision.reasons.push(healthBodyReasons.part3(date));
  }
  const registration = gpRegistrationOn(context.gpRegistrations, date);
  if (registration !== null) {
    decision.organisationId = registration.healthBodyId;
    decision.reasons.push(healthBodyReasons.byGp(organisationName(context, registration.healthBodyId), date, chainStart.t0));
    return;
  }
  const usual = usualResidence(context, date);
  if (usual !== null && !NO_FIXED_ABODE.has(usual.kind) && usual.healthBodyId !== undefined) {
    decision.organisationId = usual.healthBodyId;
    decision.reasons.push(healthBodyReasons.byUsualResidence(organisationName(context, usual.healthBodyId), date, chainStart.t0));
    return;
  }
  decision.flags.add(flag('ICB-03', 'ICB_NFA'));
  decision.reasons.push(healthBodyReasons.noFixedAbode(date, usual?.healthBodyId === undefined ? null : organisationName(context, usual.healthBodyId)));
}

/** Where the person usually lived on `date`: the latest residence that is not prison or hospital. */
function usualResidence(context: LawContext, date: CivilDate): Residence | null {
  for (let i = lastIndexBefore(context.residences, `${date}~`); i >= 0; i--) {
    const residence = context.residences[i] as Residence;
    if (!NOT_USUAL_RESIDENCE.has(residence.kind)) return residence;
  }
  return null;
}

function nationOfOrdinaryResidence(finding: OrdinaryResidenceFinding): Residence['nation'] | null {
  return residentInEnglandOrWales(finding) ? (finding.residence?.nation ?? null) : null;
}

function livesIn(context: LawContext, draft: DutyDraft, nation: Residence['nation']): boolean {
  return context.residences.some(
    (residence) => residence.nation === nation && !NOT_USUAL_RESIDENCE.has(residence.kind) && overlaps(residence, draft.start, draft.end, context.asOf),
  );
}

/** ICB-04: the first registration with another body after the application, up to the end of the duty. */
function firstGpChangeSince(context: LawContext, application: CivilDate, draft: DutyDraft, healthBodyId: string | null) {
  for (const registration of context.gpRegistrations) {
    if (draft.end !== undefined && registration.from >= draft.end) break;
    if (registration.from > application && registration.healthBodyId !== healthBodyId) return registration;
  }
  return null;
}

function crossBorder(decision: HealthBodyDecision): void {
  decision.ruleIds.add('ICB-08');
  decision.flags.add(flag('ICB-08', 'CROSS_BORDER'));
  decision.reasons.push(healthBodyReasons.crossBorder());
}

function englishIcbAcrossBorder(decision: HealthBodyDecision): void {
  decision.ruleIds.add('ICB-08');
  decision.flags.add(flag('ICB-08', 'ICB_WALES'));
  decision.reasons.push(healthBodyReasons.englishIcbInWales());
}
