/**
 * One person's register rows in one statement (issue 8): the person page and the person JSON read nine
 * tables, and on a loaded machine each statement's round trip (a `writev` and a wake-up of the server) cost
 * more than the query — 17% of a person page's CPU profile. Here each table is a `json_agg` sub-select of
 * one `select`, in the order `loadCaseRows` gives, and each row is turned back into exactly the row Drizzle
 * would give (its columns' own `mapFromDriverValue`), so callers cannot tell the two apart (tested).
 */
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { preparedStatement } from '../../platform/db/prepared.ts';
import { fromJson, jsonColumnsOf, parsedJson } from '../../platform/db/json-rows.ts';
import { personVisibleToOrganisation, type CaseRows } from './repository.ts';
import { allocations, caseShares, contacts, ctos, detentions, disputes, duties, gpRegistrations, people, residences, staff } from './tables.ts';

type Section = keyof CaseRows;

/** Each section's table and its order (the same as `loadCaseRows`), as SQL on the row alias `t`. */
const sections: Record<Section, { table: PgTable; order: string }> = {
  contacts: { table: contacts, order: 't.created_at, t.id' },
  detentions: { table: detentions, order: 't.start, t.id' },
  ctos: { table: ctos, order: 't.start, t.id' },
  residences: { table: residences, order: 't."from", t.id' },
  gpRegistrations: { table: gpRegistrations, order: 't."from", t.id' },
  duties: { table: duties, order: 't.start, t.id' },
  disputes: { table: disputes, order: 't.opened_on, t.id' },
  allocations: { table: allocations, order: 't."from", t.id' },
  shares: { table: caseShares, order: 't.organisation_id' },
};

const names = Object.keys(sections) as Section[];

/** The columns of each table as [property, column] pairs, once. */
const columnsOf = new Map(names.map((name) => [name, jsonColumnsOf(sections[name].table)]));


function sectionsSelect(personId: string | Placeholder): SQL {
  const parts = names.map((name) => {
    const { table, order } = sections[name];
    return sql`(select coalesce(json_agg(t order by ${sql.raw(order)}), '[]'::json) from ${table} t where t.person_id = ${personId}) as ${sql.identifier(name)}`;
  });
  return sql.join(parts, sql`, `);
}

function caseRowsOf(result: Record<string, unknown> | undefined): CaseRows {
  const rows = {} as Record<Section, Record<string, unknown>[]>;
  for (const name of names) {
    const list = (parsedJson(result?.[name]) ?? []) as Record<string, unknown>[];
    const columns = columnsOf.get(name) ?? [];
    rows[name] = list.map((json) => fromJson(columns, json));
  }
  return rows as unknown as CaseRows;
}

/** `loadCaseRows` in one statement: the same rows, in the same order. */
export async function loadCaseRowsInOneStatement(db: DbOrTx, personId: string): Promise<CaseRows> {
  const [result] = rowsOf<Record<string, unknown>>(await db.execute(sql`select ${sectionsSelect(personId)}`));
  return caseRowsOf(result);
}

const personColumns = jsonColumnsOf(people);
const staffColumns = jsonColumnsOf(staff);

/**
 * The staff records the case names, as `staffByIds(referencedStaffIds(…))` finds them: allocated workers
 * and the workers who signed off a duty's ending (kept in the ending's JSON), in id order.
 */
function referencedStaffSelect(personId: string | Placeholder): SQL {
  return sql`(select coalesce(json_agg(s order by s.id), '[]'::json) from ${staff} s where s.id in (
      select a.staff_id from ${allocations} a where a.person_id = ${personId}
      union select d.ending->'localAuthoritySignOff'->>'staffId' from ${duties} d where d.person_id = ${personId}
      union select d.ending->'healthBodySignOff'->>'staffId' from ${duties} d where d.person_id = ${personId})) as staff`;
}

/**
 * The person, if `actor` may see them, with their register rows and the staff those rows name, in one
 * statement: the visibility check is the `people` row's own WHERE (the same rule as `findVisiblePerson`),
 * and the sections are read only when it passes. `undefined` when there is no such person or the actor may
 * not see them.
 */
export async function loadVisibleCaseInOneStatement(
  db: DbOrTx,
  actor: Actor,
  personId: string,
): Promise<{ person: typeof people.$inferSelect; rows: CaseRows; staff: (typeof staff.$inferSelect)[] } | undefined> {
  const org = actor.organisationId;
  if (actor.kind !== 'system' && !org) return undefined; // an actor of no organisation sees nobody
  const read = actor.kind === 'system' || !org ? caseReadForSystem.execute(db, { personId }) : caseReadForOrganisation.execute(db, { personId, org });
  const [result] = rowsOf<Record<string, unknown>>(await read);
  if (!result) return undefined;
  const person = fromJson(personColumns, parsedJson(result.person) as Record<string, unknown>) as typeof people.$inferSelect;
  const staffRows = ((parsedJson(result.staff) ?? []) as Record<string, unknown>[]).map((json) => fromJson(staffColumns, json) as typeof staff.$inferSelect);
  return { person, rows: caseRowsOf(result), staff: staffRows };
}

/** The statement of `loadVisibleCaseInOneStatement`, built once: for an organisation's users, and for the system (no visibility rule). */
const caseReadOf = (visible: SQL | undefined) => {
  const personId = sql.placeholder('personId');
  return sql`select row_to_json(${people}) as person, ${sectionsSelect(personId)}, ${referencedStaffSelect(personId)}
      from ${people} where ${people.id} = ${personId}${visible ? sql` and ${visible}` : sql``}`;
};
const caseReadForOrganisation = preparedStatement<{ personId: string; org: string }>(() => caseReadOf(personVisibleToOrganisation(sql.placeholder('org'))));
const caseReadForSystem = preparedStatement<{ personId: string }>(() => caseReadOf(undefined));
