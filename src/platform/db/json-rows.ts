/**
 * Rows read as JSON (`row_to_json`, `json_agg`) turned back into the rows Drizzle's own select gives: one
 * statement can then return a row and its related rows together (a person's whole case, a session with its
 * user) and still be run as a prepared statement (`prepared.ts`), which Drizzle's select builder cannot be on
 * the embedded database.
 */
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

export type JsonColumns = [string, { name: string; mapFromDriverValue(value: unknown): unknown }][];

/** A table's columns as [property, column] pairs, for `fromJson`. */
export function jsonColumnsOf(table: PgTable): JsonColumns {
  return Object.entries(getTableColumns(table));
}

/** A JSON column as the driver gave it: node-postgres parses json, PGlite's raw statements may not. */
export function parsedJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** A row of `json_agg` / `row_to_json` (keys are column names, values JSON) as the row Drizzle's select gives. */
export function fromJson(columns: JsonColumns, json: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [property, column] of columns) {
    const value = json[column.name];
    row[property] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row;
}
