/**
 * The dashboards' lists, one query function each, filtered by who may see the case. A dashboard's count is
 * the length of the list the same function returns, and each count links to that list, so the two cannot
 * disagree.
 */
import { and, asc, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { organisations } from '../../platform/organisations/tables.ts';
import { resolvedVisibility } from '../register/repository.ts';
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
export async function myDuties(db: DbOrTx, actor: Actor, today: string): Promise<DutyListRow[]> {
  const mine = sql`exists (select 1 from ${allocations} where ${allocations.personId} = ${duties.personId} and ${allocations.dutyId} = ${duties.id}
    and ${allocations.staffId} = ${actor.id} and ${allocations.from} <= ${today} and (${allocations.to} is null or ${allocations.to} > ${today}))`;
  return dutyRows(db, and(openOn(today), mine, await resolvedVisibility(db, actor, duties.personId)));
}

/**
 * Open duties with nobody allocated on `today`, oldest first. The visible set as an array: as a semi-join
 * PostgreSQL read every open duty of the register to hash them against it (159 → 62–92 ms at 250,000 people).
 */
export async function unallocatedDuties(db: DbOrTx, actor: Actor, today: string): Promise<DutyListRow[]> {
  return dutyRows(db, and(openOn(today), sql`not ${openAllocation(today)}`, await resolvedVisibility(db, actor, duties.personId, 'array')));
}

/** Open duties whose responsible health body is the organisation (an ICB's people across councils). */
export async function healthBodyDuties(db: DbOrTx, actor: Actor, today: string, healthBodyId: string): Promise<DutyListRow[]> {
  return dutyRows(db, and(openOn(today), eq(duties.healthBodyId, healthBodyId), await resolvedVisibility(db, actor, duties.personId)));
}

/** The dates as a one-column relation `d(on_date)`, so one statement counts every date of a trend. */
export function datesRelation(dates: readonly string[]): SQL {
  return sql`(values ${sql.join(dates.map((date) => sql`(${date}::date)`), sql`, `)}) as d(on_date)`;
}

/**
 * How many stored alerts of each rule held on each date (from the history: raised on or before, not yet
 * cleared). One statement for every date, filtered on `stored_alerts.person_id` by the visibility resolved
 * first, so PostgreSQL probes the alerts of the visible people by index rather than hashing every alert.
 */
export async function alertCountsOnDates(db: DbOrTx, actor: Actor, dates: readonly string[]): Promise<{ date: string; ruleId: string; n: number }[]> {
  if (dates.length === 0) return [];
  const visible = (await resolvedVisibility(db, actor, storedAlerts.personId)) ?? sql`true`;
  const rows = rowsOf<{ date: string; rule_id: string; n: number }>(
    await db.execute(sql`select to_char(d.on_date, 'YYYY-MM-DD') as date, ${storedAlerts.ruleId} as rule_id, count(*)::int as n
      from ${storedAlerts} join ${datesRelation(dates)}
        on ${storedAlerts.raisedOn} <= d.on_date and (${storedAlerts.clearedOn} is null or ${storedAlerts.clearedOn} > d.on_date)
      where ${visible}
      group by d.on_date, ${storedAlerts.ruleId}
      order by d.on_date, ${storedAlerts.ruleId}`),
  );
  return rows.map((row) => ({ date: row.date, ruleId: row.rule_id, n: row.n }));
}
