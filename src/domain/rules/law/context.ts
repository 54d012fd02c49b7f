/**
 * What every law rule reads: the as-of view's records, sorted once per analysis, and look-ups by id.
 */
import type { CivilDate } from '../../calendar/civil-date.ts';
import type { CaseFile, CommunityTreatmentOrder, Duty, GpRegistration, Organisation, Residence } from '../../case-file/schema.ts';
import type { RulesConfig } from '../config.ts';

export interface LawContext {
  asOf: CivilDate;
  config: RulesConfig;
  /** Oldest first; only periods that began on or before asOf. */
  residences: Residence[];
  /** Oldest first; only registrations that began on or before asOf. */
  gpRegistrations: GpRegistration[];
  organisations: ReadonlyMap<string, Organisation>;
  dateOfBirth: CivilDate | null;
  /** END-06: only a death on or before asOf counts. */
  dateOfDeath: CivilDate | null;
  /** CTOs that began by asOf, by the detention they follow. */
  ctosByDetention: ReadonlyMap<string, CommunityTreatmentOrder[]>;
  /** Recorded duties ended by a joint decision on or before asOf (END-01 candidates). */
  jointEndings: Duty[];
}

export function buildLawContext(view: CaseFile, asOf: CivilDate, config: RulesConfig): LawContext {
  const organisations = new Map<string, Organisation>();
  for (const organisation of view.organisations) organisations.set(organisation.id, organisation);
  const death = view.person.dateOfDeath;
  return {
    asOf,
    config,
    residences: startedBy(view.residences, asOf),
    gpRegistrations: startedBy(view.gpRegistrations, asOf),
    organisations,
    dateOfBirth: view.person.dateOfBirth ?? null,
    dateOfDeath: death !== undefined && death <= asOf ? death : null,
    ctosByDetention: ctosByDetention(view.ctos, asOf),
    jointEndings: view.duties.filter((duty) => duty.endReason === 'joint_decision' && duty.end !== undefined && duty.end <= asOf),
  };
}

function ctosByDetention(ctos: readonly CommunityTreatmentOrder[], asOf: CivilDate): Map<string, CommunityTreatmentOrder[]> {
  const byDetention = new Map<string, CommunityTreatmentOrder[]>();
  for (const order of ctos) {
    if (order.start > asOf) continue;
    const list = byDetention.get(order.detentionId);
    if (list === undefined) byDetention.set(order.detentionId, [order]);
    else list.push(order);
  }
  return byDetention;
}

/** The records that began on or before asOf, oldest first (a copy is sorted only when needed). */
function startedBy<T extends { from: CivilDate }>(records: T[], asOf: CivilDate): T[] {
  let sorted = true;
  let allStarted = true;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as T;
    if (record.from > asOf) allStarted = false;
    if (i > 0 && (records[i - 1] as T).from > record.from) sorted = false;
  }
  if (sorted && allStarted) return records;
  const kept = allStarted ? records.slice() : records.filter((record) => record.from <= asOf);
  return sorted ? kept : kept.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The organisation's name as it was (successors are not substituted), or its id if it is not in the file. */
export function organisationName(context: LawContext, id: string | null | undefined): string {
  if (id === null || id === undefined) return 'no organisation';
  return context.organisations.get(id)?.name ?? id;
}
