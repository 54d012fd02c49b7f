/**
 * One person's register rows in one statement (issue 8): the person page and the person JSON read nine
 * tables, and on a loaded machine each statement's round trip (a `writev` and a wake-up of the server) cost
 * more than the query — 17% of a person page's CPU profile. Here each table is a `json_agg` sub-select of
 * one `select`, in the order `loadCaseRows` gives, and each row is turned back into exactly the row Drizzle
 * would give (its columns' own `mapFromDriverValue`), so callers cannot tell the two apart (tested).
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import type { CaseRows } from './repository.ts';
import { allocations, caseShares, contacts, ctos, detentions, disputes, duties, gpRegistrations, residences } from './tables.ts';

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
const columnsOf = new Map(names.map((name) => [name, Object.entries(getTableColumns(sections[name].table))]));

/** A row of `json_agg` (keys are column names, values JSON) as the row Drizzle's select gives. */
function fromJson(name: Section, json: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [property, column] of columnsOf.get(name) ?? []) {
    const value = json[column.name];
    row[property] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row;
}

function statement(personId: string): SQL {
  const parts = names.map((name) => {
    const { table, order } = sections[name];
    return sql`(select coalesce(json_agg(t order by ${sql.raw(order)}), '[]'::json) from ${table} t where t.person_id = ${personId}) as ${sql.identifier(name)}`;
  });
  return sql`select ${sql.join(parts, sql`, `)}`;
}

/** `loadCaseRows` in one statement: the same rows, in the same order. */
export async function loadCaseRowsInOneStatement(db: DbOrTx, personId: string): Promise<CaseRows> {
  const [result] = rowsOf<Record<Section, unknown>>(await db.execute(statement(personId)));
  const rows = {} as Record<Section, Record<string, unknown>[]>;
  for (const name of names) {
    const value = result?.[name];
    const list = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as Record<string, unknown>[];
    rows[name] = list.map((json) => fromJson(name, json));
  }
  return rows as unknown as CaseRows;
}
