/**
 * Keyset ("seek") paging: a page starts after (or ends before) the row a cursor names, found by one row
 * comparison on the list's sort key instead of OFFSET, so a page deep in a long list costs what the first
 * does. The key is a tuple of SQL expressions sorted all one way and ending in something unique (ties in the
 * sort are broken by it). A cursor is opaque to callers: base64url JSON of the key's values as text, the
 * list it belongs to (so a cursor from another sort or filter is refused) and the page number it leads to.
 */
import { sql, type SQL } from 'drizzle-orm';
import { ValidationError } from '../errors.ts';

export interface KeysetKey {
  exprs: SQL[];
  /** The PostgreSQL type of each expression, to cast a cursor's text back. */
  types: string[];
}

export interface Cursor {
  /** What list, sort and filters the cursor was made for. */
  list: string;
  key: string[];
  page: number;
}

export const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** The cursor, or a ValidationError naming `field` when it is not one made for `list` with a key of this length. */
export function decodeCursor(text: string, list: string, keyLength: number, field: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (
      cursor.list === list && Array.isArray(cursor.key) && cursor.key.length === keyLength && cursor.key.every((k) => typeof k === 'string')
      && Number.isInteger(cursor.page) && cursor.page >= 1
    ) return cursor;
  } catch {
    // reported below
  }
  throw new ValidationError([{ path: field, message: 'This page link is out of date or was changed: go back to the first page' }]);
}

/** `(key) > (cursor)` (or `<`): the rows after the cursor in the direction being read. */
export function keysetCondition(key: KeysetKey, values: readonly string[], greater: boolean): SQL {
  return sql`(${sql.join(key.exprs, sql`, `)}) ${greater ? sql`>` : sql`<`} (${sql.join(values.map((value, i) => sql`${value}::${sql.raw(key.types[i]!)}`), sql`, `)})`;
}

/** `order by` of the key, every expression the same way. */
export function keysetOrder(key: KeysetKey, ascending: boolean): SQL {
  return sql.join(key.exprs.map((expr) => sql`${expr} ${ascending ? sql`asc` : sql`desc`}`), sql`, `);
}

/** The key's values of a row as text (select them `as sort_key`, read them with `sortKeyOf`). */
export function keysetSelect(key: KeysetKey): SQL {
  return sql`json_build_array(${sql.join(key.exprs.map((expr) => sql`${expr}::text`), sql`, `)})`;
}

export const sortKeyOf = (value: unknown): string[] => (typeof value === 'string' ? (JSON.parse(value) as string[]) : (value as string[]));

/** Where a count stops: past it a list says "more than 10,000" rather than scanning every row to be exact. */
export const COUNT_LIMIT = 10_000;
