/**
 * The organisation dashboard's history: the stored alerts held on a date (raised on or before it, not yet
 * cleared), counted by rule and by team, and the list behind each count. A count and its list are built
 * from the same SQL fragment, so they cannot disagree.
 *
 * A team is the team of a worker allocated to the person on that date: an allocation names a staff record,
 * and a worker who signs in has a staff record with their user id (`ensureStaffRecord`), whose user row may
 * name a team. An alert counts once under each team with a worker allocated to the person; under "none"
 * when nobody is allocated or no allocated worker has a team.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { rowsOf, type DbOrTx } from '../../platform/db/client.ts';
import { teams } from '../../platform/organisations/tables.ts';
import { users } from '../../platform/users/tables.ts';
import { resolvedVisibility } from '../register/repository.ts';
import { datesRelation } from './dashboard-queries.ts';
import { allocations, people } from '../register/tables.ts';
import { storedAlerts } from '../alerts/tables.ts';

/** The team key of alerts on people with no allocated worker who has a team. */
export const NO_TEAM = 'none';

export interface HeldAlertFilter {
  rule?: string | undefined;
  team?: string | undefined;
}

export interface HeldAlertRow {
  id: string;
  personId: string;
  givenName: string;
  familyName: string;
  ruleId: string;
  subjectKind: string;
  subjectId: string;
  severity: string;
  since: string;
  message: string;
}

/**
 * One row per (date, stored alert held on that date, team) for the people the actor may see; `visible` is the
 * visibility resolved first (`resolvedVisibility` on `stored_alerts.person_id`), so the alerts are those of
 * the visible people, probed by index, and the team lookup runs only for them. `withNames` adds the person's
 * names (the list); the counts leave `people` out, a probe a visible person (a fifth of the team counts'
 * time at 250,000 people) for rows the foreign key already guarantees.
 */
function teamedHeldAlerts(visible: SQL | undefined, dates: readonly string[], withNames: boolean): SQL {
  return sql`select to_char(d.on_date, 'YYYY-MM-DD') as on_date, ${storedAlerts.id} as id, ${storedAlerts.personId} as person_id,
      ${withNames ? sql`${people.givenName} as given_name, ${people.familyName} as family_name,` : sql``}
      ${storedAlerts.ruleId} as rule_id, ${storedAlerts.subjectKind} as subject_kind, ${storedAlerts.subjectId} as subject_id,
      ${storedAlerts.severity} as severity, ${storedAlerts.since}::text as since, ${storedAlerts.message} as message,
      coalesce(team.team_id, ${NO_TEAM}) as team_id
    from ${storedAlerts}
    join ${datesRelation(dates)} on ${storedAlerts.raisedOn} <= d.on_date and (${storedAlerts.clearedOn} is null or ${storedAlerts.clearedOn} > d.on_date)
    ${withNames ? sql`join ${people} on ${people.id} = ${storedAlerts.personId}` : sql``}
    left join lateral (
      select distinct ${users.teamId} as team_id from ${allocations} join ${users} on ${users.id} = ${allocations.staffId}
      where ${allocations.personId} = ${storedAlerts.personId} and ${allocations.from} <= d.on_date
        and (${allocations.to} is null or ${allocations.to} > d.on_date) and ${users.teamId} is not null
    ) team on true
    where ${visible ?? sql`true`}`;
}

/** How many alerts each team held on each date (teams with none on every date are left out): one statement for every date. */
export async function teamCountsOnDates(db: DbOrTx, actor: Actor, dates: readonly string[]): Promise<{ date: string; teamId: string; n: number }[]> {
  if (dates.length === 0) return [];
  const visible = await resolvedVisibility(db, actor, storedAlerts.personId);
  const rows = rowsOf<{ on_date: string; team_id: string; n: number }>(
    await db.execute(sql`select held.on_date, held.team_id, count(*)::int as n from (${teamedHeldAlerts(visible, dates, false)}) held
      group by held.on_date, held.team_id order by held.on_date, held.team_id`),
  );
  return rows.map((row) => ({ date: row.on_date, teamId: row.team_id, n: row.n }));
}

/** The alerts behind a count: held on `date`, of a rule and/or a team; each alert once, oldest first. */
export async function heldAlertsOn(db: DbOrTx, actor: Actor, date: string, filter: HeldAlertFilter = {}): Promise<HeldAlertRow[]> {
  const conditions = [sql`true`];
  if (filter.team) conditions.push(sql`held.team_id = ${filter.team}`);
  if (filter.rule) conditions.push(sql`held.rule_id = ${filter.rule}`);
  const rows = rowsOf<{ id: string; person_id: string; given_name: string; family_name: string; rule_id: string; subject_kind: string; subject_id: string; severity: string; since: string; message: string }>(
    await db.execute(sql`select distinct on (held.since, held.person_id, held.rule_id, held.subject_kind, held.subject_id) held.id, held.person_id, held.given_name, held.family_name,
        held.rule_id, held.subject_kind, held.subject_id, held.severity, held.since, held.message
      from (${teamedHeldAlerts(await resolvedVisibility(db, actor, storedAlerts.personId), [date], true)}) held where ${sql.join(conditions, sql` and `)}
      order by held.since, held.person_id, held.rule_id, held.subject_kind, held.subject_id`),
  );
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    givenName: row.given_name,
    familyName: row.family_name,
    ruleId: row.rule_id,
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    severity: row.severity,
    since: row.since,
    message: row.message,
  }));
}

/** The names of the teams (the key `none` reads as words). */
export async function teamNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>([[NO_TEAM, 'No team (nobody allocated, or the worker has no team)']]);
  const real = ids.filter((id) => id !== NO_TEAM);
  if (real.length === 0) return names;
  const rows = rowsOf<{ id: string; name: string }>(await db.execute(sql`select ${teams.id} as id, ${teams.name} as name from ${teams} where ${teams.id} in (${sql.join(real.map((id) => sql`${id}`), sql`, `)})`));
  for (const row of rows) names.set(row.id, row.name);
  return names;
}
