/**
 * A bulk writer for any of the app's Drizzle tables: `INSERT INTO t (…) SELECT … FROM jsonb_to_recordset($1)`,
 * the rows as one JSON parameter, so a statement carries thousands of rows in one parameter. Rows are the
 * tables' own insert shapes (`typeof table.$inferInsert`), serialised as they are (`JSON.stringify`, native,
 * instead of escaping every element of a text array per column in JavaScript); the record's columns are the
 * rows' own keys with the column types of the table definition, so PostgreSQL converts each value as it would
 * a parameter (dates, timestamps, text arrays from JSON arrays, jsonb from nested JSON). A column no row sets is
 * left out so that its default (version, created_at…) applies. Works on both drivers (pg and PGlite).
 *
 * `bulkInsertAll` writes several tables in one statement (each table's insert a data-modifying CTE): one round
 * trip, and foreign keys checked at its end, so the order of the tables does not matter.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.ts';

type Row = Record<string, unknown>;

export interface BulkInsertOptions {
  /** Rows a statement (or a CTE of `bulkInsertAll`) carries at most; 5,000 by default. */
  batchSize?: number;
  onConflictDoNothing?: boolean;
}

const DEFAULT_BATCH = 5_000;

/** The `insert … select … from jsonb_to_recordset(…)` statements of `rows`, one per `batchSize` rows. */
function insertStatements(table: PgTable, rows: readonly Row[], options: BulkInsertOptions): SQL[] {
  if (rows.length === 0) return [];
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const used = (Object.entries(getTableColumns(table)) as [string, PgColumn][]).filter(([key]) => rows.some((row) => row[key] !== undefined));
  const names = sql.join(
    used.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const keys = sql.join(
    used.map(([key]) => sql.identifier(key)),
    sql`, `,
  );
  const record = sql.join(
    used.map(([key, column]) => sql`${sql.identifier(key)} ${sql.raw(column.getSQLType())}`),
    sql`, `,
  );
  const conflict = options.onConflictDoNothing ? sql` on conflict do nothing` : sql``;
  const statements: SQL[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const json = JSON.stringify(start === 0 && rows.length <= batchSize ? rows : rows.slice(start, start + batchSize));
    statements.push(sql`insert into ${table} (${names}) select ${keys} from jsonb_to_recordset(${json}::jsonb) as r(${record})${conflict}`);
  }
  return statements;
}

/** Inserts `rows` into `table` in statements of `batchSize` rows; returns the number of rows written. */
export async function bulkInsert<T extends PgTable>(db: DbOrTx, table: T, rows: readonly T['$inferInsert'][], options: BulkInsertOptions = {}): Promise<number> {
  for (const statement of insertStatements(table, rows as readonly Row[], options)) await db.execute(statement);
  return rows.length;
}

/**
 * Inserts every table's rows with one statement (`with w0 as (insert …), w1 as (insert …) select …`); returns
 * the number of rows written. The whole statement fails if any row is refused (a unique or foreign key violation).
 */
export async function bulkInsertAll(db: DbOrTx, writes: readonly (readonly [PgTable, readonly Row[]])[], options: Omit<BulkInsertOptions, 'onConflictDoNothing'> = {}): Promise<number> {
  const statements = writes.flatMap(([table, rows]) => insertStatements(table, rows, options));
  if (statements.length === 0) return 0;
  if (statements.length === 1) await db.execute(statements[0] as SQL);
  else {
    const ctes = sql.join(
      statements.map((statement, i) => sql`${sql.identifier(`w${i}`)} as (${statement})`),
      sql`, `,
    );
    await db.execute(sql`with ${ctes} select 1`);
  }
  return writes.reduce((n, [, rows]) => n + rows.length, 0);
}
