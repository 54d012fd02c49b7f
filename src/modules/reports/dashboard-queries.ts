/**
 * The dashboards' lists, one query function each, filtered by who may see the case. A dashboard's count is
 * the length of the list the same function returns, and each count links to that list, so the two cannot
 * disagree.
 */
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { organisations } from '../../platform/organisations/tables.ts';
import { visiblePeople } from '../register/repository.ts';
import { allocations, duties, people } from '../register/tables.ts';
import { storedAlerts } from '../alerts/tables.ts';

export interface DutyListRow {
  personId: string;
  givenName: string;
  familyName: string;
  dutyId: string;
  dutyStart: string;
  localAuthorityId: string;
  localAuthorityName: string | null;
  healthBodyId: string;
}

const openOn = (today: string) => and(lte(duties.start, today), or(isNull(duties.end), gt(duties.end, today)));
const openAllocation = (today: string) =>
  sql`exists (select 1 from ${allocations} where ${allocations.personId} = ${duties.personId} and ${allocations.dutyId} = ${duties.id}
    and ${allocations.from} <= ${today} and (${allocations.to} is null or ${allocations.to} > ${today}))`;

function dutyRows(db: DbOrTx, where: ReturnType<typeof and>) {
  return db
    .select({
      personId: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      dutyId: duties.id,
      dutyStart: duties.start,
      localAuthorityId: duties.localAuthorityId,
      localAuthorityName: organisations.name,
      healthBodyId: duties.healthBodyId,
    })
    .from(duties)
    .innerJoin(people, eq(people.id, duties.personId))
    .leftJoin(organisations, eq(organisations.id, duties.localAuthorityId))
    .where(where)
    .orderBy(asc(duties.start), asc(people.id), asc(duties.id));
}

/** Open duties allocated to the actor on `today` (their staff record has their user id). */
export function myDuties(db: DbOrTx, actor: Actor, today: string): Promise<DutyListRow[]> {
  const mine = sql`exists (select 1 from ${allocations} where ${allocations.personId} = ${duties.personId} and ${allocations.dutyId} = ${duties.id}
    and ${allocations.staffId} = ${actor.id} and ${allocations.from} <= ${today} and (${allocations.to} is null or ${allocations.to} > ${today}))`;
  return dutyRows(db, and(openOn(today), mine, visiblePeople(actor)));
}

/** Open duties with nobody allocated on `today`, oldest first. */
export function unallocatedDuties(db: DbOrTx, actor: Actor, today: string): Promise<DutyListRow[]> {
  return dutyRows(db, and(openOn(today), sql`not ${openAllocation(today)}`, visiblePeople(actor)));
}

/** Open duties whose responsible health body is the organisation (an ICB's people across councils). */
export function healthBodyDuties(db: DbOrTx, actor: Actor, today: string, healthBodyId: string): Promise<DutyListRow[]> {
  return dutyRows(db, and(openOn(today), eq(duties.healthBodyId, healthBodyId), visiblePeople(actor)));
}

/** How many stored alerts of each rule held on each date (from the history: raised on or before, not yet cleared). */
export async function alertCountsOnDates(db: DbOrTx, actor: Actor, dates: readonly string[]): Promise<{ date: string; ruleId: string; n: number }[]> {
  const counts: { date: string; ruleId: string; n: number }[] = [];
  for (const date of dates) {
    const rows = await db
      .select({ ruleId: storedAlerts.ruleId, n: sql<number>`count(*)::int` })
      .from(storedAlerts)
      .innerJoin(people, eq(people.id, storedAlerts.personId))
      .where(and(lte(storedAlerts.raisedOn, date), or(isNull(storedAlerts.clearedOn), gt(storedAlerts.clearedOn, date)), visiblePeople(actor)))
      .groupBy(storedAlerts.ruleId)
      .orderBy(asc(storedAlerts.ruleId));
    counts.push(...rows.map((row) => ({ date, ...row })));
  }
  return counts;
}
