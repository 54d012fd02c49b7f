/**
 * Placement searches for one duty, summed up beside the person's accommodation, and whether provider refusals
 * meet the placement-refusals-unresolved pattern: 3 or more searches ended declined_by_provider or no_vacancy
 * with `outcomeOn` dates spanning 90 days or less, none accepted, and the person not in settled accommodation
 * on asOf (a day with no residence counts as unsettled). As of a date: searches approached later are ignored,
 * and an outcome dated later is still pending.
 */
import { daysBetween, type CivilDate } from '../calendar/civil-date.ts';
import type { PlacementSearch, Residence } from '../case-file/schema.ts';
import { defaultRulesConfig, type RulesConfig } from '../rules/config.ts';
import { covers, UNSETTLED_RESIDENCE_KINDS } from '../rules/alerts/context.ts';

export interface RefusalsPattern {
  met: boolean;
  /** The third outcome date of the earliest set of refusals close enough together; null if none. */
  since: CivilDate | null;
  refusalIds: string[];
  reason: string;
}

export interface PlacementSummary {
  dutyId: string;
  approached: number;
  awaitingReply: number;
  waitingList: number;
  offered: number;
  accepted: number;
  declinedByProvider: number;
  noVacancy: number;
  /** declined_by_provider and no_vacancy together. */
  refusedByProvider: number;
  declinedByPerson: number;
  /** The kind of residence the person is in on asOf, or null when none is recorded. */
  accommodation: Residence['kind'] | null;
  settled: boolean;
  refusals: RefusalsPattern;
}

const REFUSED: ReadonlySet<string> = new Set(['declined_by_provider', 'no_vacancy']);

/** The search as it stood on asOf, or null if not yet approached. */
function asItStoodOn(search: PlacementSearch, day: CivilDate): PlacementSearch | null {
  if (search.approachedOn > day) return null;
  if (search.outcomeOn !== undefined && search.outcomeOn > day) return { ...search, outcome: 'pending', outcomeOn: undefined };
  return search;
}

export function placementSummary(
  dutyId: string, searches: readonly PlacementSearch[], residences: readonly Residence[], day: CivilDate, config: RulesConfig = defaultRulesConfig,
): PlacementSummary {
  const current = searches.filter((s) => s.dutyId === dutyId).map((s) => asItStoodOn(s, day)).filter((s): s is PlacementSearch => s !== null);
  const count = (outcome: PlacementSearch['outcome']): number => current.filter((s) => s.outcome === outcome).length;
  const residence = residences.find((r) => covers(r.from, r.to, day));
  const settled = residence !== undefined && !UNSETTLED_RESIDENCE_KINDS.has(residence.kind);
  const accepted = count('accepted');

  const { placementRefusalsCount: n, placementRefusalsWindowDays: window } = config.thresholds;
  const refused = current
    .filter((s) => REFUSED.has(s.outcome) && s.outcomeOn !== undefined)
    .sort((a, b) => ((a.outcomeOn as string) < (b.outcomeOn as string) ? -1 : (a.outcomeOn as string) > (b.outcomeOn as string) ? 1 : 0));
  let set: PlacementSearch[] = [];
  for (let last = n - 1; last < refused.length; last += 1) {
    const candidate = refused.slice(last - n + 1, last + 1);
    if (daysBetween(candidate[0]?.outcomeOn as string, candidate[n - 1]?.outcomeOn as string) <= window) {
      set = candidate;
      break;
    }
  }
  const since = set.length > 0 ? (set[set.length - 1]?.outcomeOn as string) : null;
  const met = since !== null && accepted === 0 && !settled;
  const reason = since === null
    ? `Fewer than ${n} providers turned the person down within ${window} days.`
    : met
      ? `${n} providers turned the person down within ${window} days (by ${since}), nothing has been accepted and the person has no settled accommodation.`
      : `${n} providers turned the person down within ${window} days (by ${since}), but ${accepted > 0 ? 'a placement has been accepted' : 'the person is in settled accommodation'}.`;

  return {
    dutyId,
    approached: current.length,
    awaitingReply: count('pending'),
    waitingList: count('waiting_list'),
    offered: count('offered'),
    accepted,
    declinedByProvider: count('declined_by_provider'),
    noVacancy: count('no_vacancy'),
    refusedByProvider: count('declined_by_provider') + count('no_vacancy'),
    declinedByPerson: count('declined_by_person'),
    accommodation: residence?.kind ?? null,
    settled,
    refusals: { met, since, refusalIds: set.map((s) => s.id), reason },
  };
}
