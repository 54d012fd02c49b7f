/**
 * Events during or around the law's duties that do not start or end them: s17 leave (ELIG-05), detentions
 * on non-qualifying sections (ELIG-03), recalls (RECALL_POLICY, U-03) and custody while entitled (U-05).
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import type { LawContext } from './context.ts';
import type { DetentionChains, DetentionPeriod } from './detention-chains.ts';
import type { DutyDraft } from './duties.ts';
import { flag } from './flags.ts';
import { overlaps } from './history.ts';
import { isQualifyingSection, isRecall, sectionName } from './qualifying-sections.ts';
import { dutyReasons } from './reasons.ts';

const RECALL_CONTESTED = flag('LA-07', 'RECALL_CONTESTED');
const S17_TRIGGER = flag('ELIG-05', 'S17_TRIGGER');
const CUSTODY_GAP = flag('ELIG-04', 'CUSTODY_GAP');

export function attachLeaveAndRecalls(context: LawContext, chains: DetentionChains, drafts: DutyDraft[], flags: Set<string>): void {
  const draftOf = new Map<DetentionPeriod, DutyDraft>();
  for (const draft of drafts) draftOf.set(draft.period, draft);

  for (const period of chains.periods) {
    const own = draftOf.get(period);
    noteS17Leave(context, period, own, flags);
    const active = activeOn(drafts, period.t0, own);
    if (period.recall !== null) {
      noteRecall(period, own, active, drafts, flags);
    } else if (active !== null && (!period.qualifying || (period.qualifyingStart !== null && period.t0 < period.qualifyingStart))) {
      active.ruleIds.add('ELIG-03');
      active.reasons.push(dutyReasons.continuedThrough(period.t0, sectionName((period.episodes[0] ?? { section: 'other' as const }).section)));
    }
  }

  for (const draft of drafts) {
    for (const residence of context.residences) {
      if (residence.kind !== 'prison' || !overlaps(residence, draft.start, draft.end, context.asOf)) continue;
      draft.flags.add(CUSTODY_GAP);
      draft.reasons.push(dutyReasons.custody(residence.from > draft.start ? residence.from : draft.start));
      break;
    }
  }
}

/** ELIG-05: overnight or community-trial leave from a qualifying detention is a possible trigger. */
function noteS17Leave(context: LawContext, period: DetentionPeriod, own: DutyDraft | undefined, flags: Set<string>): void {
  if (!period.qualifying) return;
  for (const episode of period.episodes) {
    if (episode.leave === undefined || !(isQualifyingSection(episode.section) || isRecall(episode))) continue;
    for (const leave of episode.leave) {
      if (leave.kind === 'escorted' || leave.from > context.asOf) continue;
      if (own === undefined) {
        flags.add(S17_TRIGGER);
      } else {
        own.flags.add(S17_TRIGGER);
        own.reasons.push(dutyReasons.s17Leave(leave.from, leave.kind === 'overnight' ? 'overnight' : 'community trial'));
      }
    }
  }
}

function noteRecall(period: DetentionPeriod, own: DutyDraft | undefined, active: DutyDraft | null, drafts: DutyDraft[], flags: Set<string>): void {
  if (!period.qualifying) {
    // continuing_order: the duty in force goes on; the council's reasons give the other answer.
    if (active === null) {
      flags.add(RECALL_CONTESTED);
    } else {
      active.flags.add(RECALL_CONTESTED);
      active.recalls.push(period);
    }
    return;
  }
  // worcestershire_strict: the recall ended the duty in force and starts a new one.
  const ended = drafts.find((draft) => draft.endReason === 'redetained' && draft.end === period.qualifyingStart);
  for (const draft of [ended, own]) {
    if (draft === undefined) continue;
    draft.flags.add(RECALL_CONTESTED);
    draft.reasons.push(dutyReasons.recallEnded(period.t0));
  }
  if (ended === undefined && own === undefined) flags.add(RECALL_CONTESTED);
}

function activeOn(drafts: DutyDraft[], date: CivilDate, except: DutyDraft | undefined): DutyDraft | null {
  for (const draft of drafts) {
    if (draft !== except && draft.start <= date && (draft.end === undefined || date < draft.end)) return draft;
  }
  return null;
}
