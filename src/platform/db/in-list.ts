/**
 * `column = any($1::text[])`: membership in a list of text values as ONE array parameter, for the set-based
 * reads of many people at once (the sweep, the batch import). Drizzle's `inArray` binds one parameter per
 * value, and for the sweep's batches of 500 people building those parameters (`prepareTyping` and `is()` for
 * each) cost more Node CPU than the rows the query returns; PostgreSQL plans both forms alike (an IN list is
 * an `= ANY(ARRAY[…])` to the planner), with the same index scans. Works on both drivers (pg and PGlite).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export function inTextList(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...values])}::text[])`;
}
