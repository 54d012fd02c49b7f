/**
 * Detention periods: detentions linked by `continuesFrom` (s136 -> s2 -> s3) form one unbroken period of
 * compulsory detention (§2.3 step 2). Its start is the date ordinary residence is read at (LA-05); its last
 * episode says when the person ceased to be detained and left hospital (ELIG-04).
 */
import { maxDate, type CivilDate } from '../../calendar/civil-date.ts';
import type { Detention, Section } from '../../case-file/schema.ts';
import type { RulesConfig } from '../config.ts';
import { isQualifyingSection, isRecall } from './qualifying-sections.ts';

export interface DetentionPeriod {
  /** The id of the period's first detention. */
  id: string;
  /** Oldest first. */
  episodes: Detention[];
  /** Start of the unbroken period of compulsory detention (LA-05). */
  t0: CivilDate;
  /** Set when the period is a recall or revocation under an order that stayed in force (U-03). */
  recall: Detention['kind'] | null;
  /** The period gives rise to s117 (ELIG-01); under `continuing_order` a recall never does. */
  qualifying: boolean;
  /** Start of the first qualifying episode: a live duty ends on this date (END-05). */
  qualifyingStart: CivilDate | null;
  /** The first qualifying episode's section (ICB-07 looks at it). */
  qualifyingSection: Section | null;
  /** The last qualifying episode: the detention the duty is named after. */
  dutyDetention: Detention | null;
  /** ELIG-04: the later of ceasing to be detained and leaving hospital, if both happened by asOf. */
  leftOn: CivilDate | null;
}

export interface DetentionChains {
  /** Sorted by t0, then id. */
  periods: DetentionPeriod[];
  periodOf: ReadonlyMap<string, DetentionPeriod>;
}

export function buildDetentionChains(detentions: readonly Detention[], asOf: CivilDate, recallPolicy: RulesConfig['recallPolicy']): DetentionChains {
  const byId = new Map<string, Detention>();
  for (const detention of detentions) if (detention.start <= asOf) byId.set(detention.id, detention);

  const rootOf = new Map<string, string>();
  const groups = new Map<string, Detention[]>();
  for (const detention of byId.values()) {
    const root = findRoot(detention, byId, rootOf);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [detention]);
    else group.push(detention);
  }

  const periods: DetentionPeriod[] = [];
  const periodOf = new Map<string, DetentionPeriod>();
  for (const [rootId, episodes] of groups) {
    episodes.sort(byStart);
    const period = describePeriod(rootId, episodes, asOf, recallPolicy);
    periods.push(period);
    for (const episode of episodes) periodOf.set(episode.id, period);
  }
  periods.sort((a, b) => (a.t0 < b.t0 ? -1 : a.t0 > b.t0 ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { periods, periodOf };
}

/** A recall starts a period of its own even when it names the order it revived in `continuesFrom`. */
function parentOf(detention: Detention, byId: ReadonlyMap<string, Detention>): Detention | null {
  if (detention.continuesFrom === undefined) return null;
  const parent = byId.get(detention.continuesFrom);
  if (parent === undefined) return null;
  if (isRecall(detention) && !isRecall(parent)) return null;
  return parent;
}

function findRoot(detention: Detention, byId: ReadonlyMap<string, Detention>, rootOf: Map<string, string>): string {
  const path: string[] = [];
  const seen = new Set<string>();
  let current = detention;
  let root: string | undefined;
  for (;;) {
    const known = rootOf.get(current.id);
    if (known !== undefined) {
      root = known;
      break;
    }
    path.push(current.id);
    seen.add(current.id);
    const parent = parentOf(current, byId);
    if (parent === null || seen.has(parent.id)) {
      root = current.id; // a cycle in the data: stop where it closes
      break;
    }
    current = parent;
  }
  for (const id of path) rootOf.set(id, root);
  return root;
}

function byStart(a: Detention, b: Detention): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function describePeriod(id: string, episodes: Detention[], asOf: CivilDate, recallPolicy: RulesConfig['recallPolicy']): DetentionPeriod {
  const first = episodes[0] as Detention;
  const last = episodes[episodes.length - 1] as Detention;
  const recall = isRecall(first) ? (first.kind ?? null) : null;
  const recallCountsAsDetention = recall !== null && recallPolicy === 'worcestershire_strict';
  let qualifyingStart: CivilDate | null = null;
  let qualifyingSection: Section | null = null;
  let dutyDetention: Detention | null = null;
  if (recall === null || recallCountsAsDetention) {
    for (const episode of episodes) {
      if (!isQualifyingSection(episode.section) && !(recallCountsAsDetention && isRecall(episode))) continue;
      if (qualifyingStart === null) {
        qualifyingStart = episode.start;
        qualifyingSection = episode.section;
      }
      dutyDetention = episode;
    }
  }
  const ceased = last.end !== undefined && last.end <= asOf ? last.end : null;
  const left = ceased === null ? null : maxDate(ceased, last.leftHospital ?? ceased);
  return {
    id,
    episodes,
    t0: first.start,
    recall,
    qualifying: dutyDetention !== null,
    qualifyingStart,
    qualifyingSection,
    dutyDetention,
    leftOn: left !== null && left <= asOf ? left : null,
  };
}
