/**
 * The duties the law gives (§1.3, §1.4, §2.3 step 3): when each starts (ELIG-04), and how it ends — a
 * qualifying re-detention (END-05), a joint decision (END-01, not while a CTO is in force: END-02) or death
 * (END-06). Recalls follow the RECALL_POLICY switch (U-03). Councils and health bodies are decided elsewhere.
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import type { CommunityTreatmentOrder, Duty } from '../../case-file/schema.ts';
import type { LawContext } from './context.ts';
import type { DetentionChains, DetentionPeriod } from './detention-chains.ts';
import { flag } from './flags.ts';
import { residenceOn } from './history.ts';
import { isRestrictedSection, sectionName } from './qualifying-sections.ts';
import { dutyReasons } from './reasons.ts';
import { attachLeaveAndRecalls } from './duty-events.ts';

export interface DutyDraft {
  period: DetentionPeriod;
  /** ICB-02/04: the first qualifying period since the last joint decision that ended aftercare. */
  originPeriod: DetentionPeriod;
  /** ICB-05: a joint decision ended aftercare before this chain began. */
  afterJointDecision: boolean;
  /** LA-07: the duty before this one ended on a qualifying re-detention. */
  afterRedetention: CivilDate | null;
  start: CivilDate;
  end?: CivilDate;
  endReason?: 'redetained' | 'joint_decision' | 'death';
  flags: Set<string>;
  /** Rules that decided the duty itself; both bodies list them. */
  ruleIds: Set<string>;
  reasons: string[];
  /** Recalls the duty continued through (continuing_order). */
  recalls: DetentionPeriod[];
}

export interface DutyTimeline {
  drafts: DutyDraft[];
  /** Flags not tied to one duty. */
  flags: Set<string>;
}

interface Ending {
  date: CivilDate;
  reason: 'redetained' | 'joint_decision' | 'death';
  sentence: string;
}

export function buildDuties(context: LawContext, chains: DetentionChains): DutyTimeline {
  const qualifying = chains.periods.filter((period) => period.qualifying);
  const drafts: DutyDraft[] = [];
  const death = context.dateOfDeath;
  let origin: DetentionPeriod | null = null;
  let afterJointDecision = false;
  let afterRedetention: CivilDate | null = null;

  for (let i = 0; i < qualifying.length; i++) {
    const period = qualifying[i] as DetentionPeriod;
    if (death !== null && period.t0 > death) break;
    origin ??= period;
    const start = period.leftOn;
    const next = qualifying[i + 1];
    const nextStart = next?.qualifyingStart ?? null;
    // ELIG-04: no duty if the person never left hospital before the next qualifying detention, or died first.
    if (start === null || (nextStart !== null && nextStart <= start) || (death !== null && death < start)) continue;

    const draft = newDraft(period, origin, afterJointDecision, afterRedetention, start, context);
    drafts.push(draft);
    const ending = earliestEnding(draft, context, chains, nextStart, next, death);
    afterRedetention = null;
    if (ending !== null) {
      draft.end = ending.date;
      draft.endReason = ending.reason;
      draft.reasons.push(ending.sentence);
      draft.ruleIds.add(ending.reason === 'redetained' ? 'END-05' : ending.reason === 'joint_decision' ? 'END-01' : 'END-06');
      if (ending.reason === 'joint_decision') {
        origin = null; // ICB-05: the next chain is identified afresh
        afterJointDecision = true;
      } else if (ending.reason === 'redetained') {
        afterRedetention = ending.date;
      }
    }
  }

  const flags = new Set<string>();
  attachLeaveAndRecalls(context, chains, drafts, flags);
  return { drafts, flags };
}

function newDraft(
  period: DetentionPeriod,
  originPeriod: DetentionPeriod,
  afterJointDecision: boolean,
  afterRedetention: CivilDate | null,
  start: CivilDate,
  context: LawContext,
): DutyDraft {
  const last = period.episodes[period.episodes.length - 1];
  const ceased = last?.end ?? start;
  const section = sectionName(period.dutyDetention?.section ?? 'other');
  const draft: DutyDraft = {
    period,
    originPeriod,
    afterJointDecision,
    afterRedetention,
    start,
    flags: new Set(),
    ruleIds: new Set(['ELIG-01', 'ELIG-04']),
    reasons: [dutyReasons.arose(section, ceased, start)],
    recalls: [],
  };
  if (period.episodes.some((episode) => episode.kind === 'part6_transfer')) {
    draft.flags.add(flag('ELIG-01', 'PART6_TRANSFER'));
    draft.reasons.push(dutyReasons.part6(period.t0));
  }
  const cto = ctosOf(context, period)[0];
  if (cto !== undefined) {
    draft.ruleIds.add('ELIG-06');
    draft.reasons.push(dutyReasons.cto(cto.start));
  }
  if (period.dutyDetention !== null && isRestrictedSection(period.dutyDetention.section) && residenceOn(context.residences, start)?.legalCondition === 'conditional_discharge') {
    draft.ruleIds.add('ELIG-07');
    draft.reasons.push(dutyReasons.conditionalDischarge(start));
  }
  return draft;
}

function earliestEnding(
  draft: DutyDraft,
  context: LawContext,
  chains: DetentionChains,
  nextStart: CivilDate | null,
  next: DetentionPeriod | undefined,
  death: CivilDate | null,
): Ending | null {
  const endings: Ending[] = [];
  if (nextStart !== null && next !== undefined && nextStart <= context.asOf) {
    const section = next.qualifyingSection ?? 'other';
    endings.push({ date: nextStart, reason: 'redetained', sentence: dutyReasons.endedRedetained(nextStart, next.recall === null ? sectionName(section) : 'a recall') });
  }
  const joint = jointDecisionEnding(draft, context, chains);
  if (joint !== null) endings.push(joint);
  if (death !== null) endings.push({ date: death, reason: 'death', sentence: dutyReasons.endedByDeath(death) });
  let earliest: Ending | null = null;
  for (const ending of endings) if (earliest === null || ending.date < earliest.date) earliest = ending;
  return earliest;
}

/**
 * END-01: a recorded duty of this chain ended by joint decision with both sign-offs ends the law's duty —
 * unless a CTO was in force (END-02) or the grounds do not include that the needs have gone (END-03).
 */
function jointDecisionEnding(draft: DutyDraft, context: LawContext, chains: DetentionChains): Ending | null {
  let found: Ending | null = null;
  for (const recorded of context.jointEndings) {
    if (recorded.end === undefined || recorded.end < draft.start) continue;
    const period = chains.periodOf.get(recorded.detentionId);
    if (period === undefined || (period !== draft.period && !(period.recall !== null && !period.qualifying && period.t0 >= draft.start))) continue;
    const date = recorded.end;
    if (!bothSignedOff(recorded, context.asOf)) {
      draft.flags.add(flag('END-01', 'NOT_JOINT'));
      draft.reasons.push(dutyReasons.endingNotJoint(date));
    } else if (ctoInForce(draft, context, date)) {
      draft.flags.add(flag('END-02', 'CTO_IN_FORCE'));
      draft.ruleIds.add('END-02');
      draft.reasons.push(dutyReasons.endingBlockedByCto(date));
    } else if (!(recorded.ending?.grounds ?? []).includes('needs_no_longer_arise')) {
      draft.flags.add(flag('END-03', 'IMPROPER_GROUNDS'));
      draft.ruleIds.add('END-03');
      draft.reasons.push(dutyReasons.endingOnImproperGrounds(date));
    } else if (found === null || date < found.date) {
      found = { date, reason: 'joint_decision', sentence: dutyReasons.endedJointly(date) };
      if (residenceOn(context.residences, date)?.legalCondition === 'conditional_discharge') {
        // END-04: no statutory bar, but hard to justify while the person can be recalled
        draft.flags.add(flag('END-04', 'CONDITIONAL_DISCHARGE'));
        draft.ruleIds.add('END-04');
      }
    }
  }
  return found;
}

function bothSignedOff(recorded: Duty, asOf: CivilDate): boolean {
  const la = recorded.ending?.localAuthoritySignOff;
  const hb = recorded.ending?.healthBodySignOff;
  return la !== undefined && hb !== undefined && la.date <= asOf && hb.date <= asOf;
}

function ctoInForce(draft: DutyDraft, context: LawContext, date: CivilDate): boolean {
  return ctosOf(context, draft.period).some((order) => order.start <= date && (order.end === undefined || order.end > date));
}

/** ELIG-06: the CTOs that follow a detention of the period. */
function ctosOf(context: LawContext, period: DetentionPeriod): CommunityTreatmentOrder[] {
  const orders: CommunityTreatmentOrder[] = [];
  for (const episode of period.episodes) {
    const found = context.ctosByDetention.get(episode.id);
    if (found !== undefined) orders.push(...found);
  }
  return orders;
}
