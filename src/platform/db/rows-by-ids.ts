/**
 * The rows of one table whose key column (a person id, mostly) is one of many ids, in one statement,
 * without Drizzle's generic row mapping: for the sweep, which reads ~40 rows a case, `mapResultRow` (an
 * `is()` check a field) and the timestamps it turned into `Date`s were ~12% of its Node CPU, and the
 * timestamps and versions no case file holds were a third of the columns PostgreSQL formatted and `pg`
 * parsed (docs/performance.md, "Bulk paths").
 *
 * The statement selects every column of the table but those named (`omit`), so a column added later is read
 * without anyone remembering to list it, and each row is the object Drizzle's `select` gives for those
 * columns: the same property names and values (each column's own `mapFromDriverValue`), from the same rows
 * in the same order. Rows come from the driver as arrays (`rowMode: 'array'`, dates as text: the query
 * config Drizzle itself uses), on both drivers.
 *
 * When the ids are every key between two (`IdRange`: the sweep's batches are slices of all people in id
 * order), the statement reads that range of the key's index instead of probing it once an id: PostgreSQL
 * spent ~3× the CPU on 500 probes a statement (each a descent comparing text in the database's collation)
 * as on the rows themselves. Rows of keys in the range but not among the ids (a person created since the
 * ids were listed) are left out, so both forms give the same rows.
 */
import { Column, getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.ts';

/** A statement's rows as arrays of driver values (PostgreSQL or PGlite, inside a transaction or not). */
export async function selectArrays(db: DbOrTx, text: string, params: unknown[]): Promise<unknown[][]> {
  const query = db._.session.prepareQuery<{ execute: unknown[][]; all: unknown; values: unknown }>({ sql: text, params }, undefined, undefined, true, (rows) => rows);
  return query.execute();
}

/** The ids are every key from `first` to `last` (both included) in the database's order of the key column. */
export interface IdRange {
  first: string;
  last: string;
}

export interface RowsByIds<R> {
  /** The rows whose key column is one of `ids`, in the statement's order (read as `range` when the ids are all of it). */
  read(db: DbOrTx, ids: readonly string[], range?: IdRange): Promise<R[]>;
  /** The SQL of each form, for tests and plans. */
  text: { ids: string; range: string };
}

type ColumnsOf<T extends PgTable> = T['_']['columns'];

interface ReaderOptions<T extends PgTable> {
  by: (columns: ColumnsOf<T>) => PgColumn;
  orderBy: (columns: ColumnsOf<T>) => PgColumn[];
  /** Only rows where these columns are null (the current stored alerts: `cleared_at is null`). */
  whereNull?: (columns: ColumnsOf<T>) => PgColumn[];
}

/**
 * The ids as one PostgreSQL array literal, and as a set, made once for a list however many statements take
 * it (a batch's ~20 reads): `pg` would otherwise escape the same 500 ids again for every statement.
 */
const literals = new WeakMap<readonly string[], string>();
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
function arrayLiteral(ids: readonly string[]): string {
  let literal = literals.get(ids);
  if (literal === undefined) {
    literal = `{${ids.map((id) => `"${id.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
    literals.set(ids, literal);
  }
  return literal;
}
function setOf(ids: readonly string[]): ReadonlySet<string> {
  let set = sets.get(ids);
  if (set === undefined) {
    set = new Set(ids);
    sets.set(ids, set);
  }
  return set;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Decode = (values: unknown[], decoders: readonly PgColumn[]) => Record<string, unknown>;

/**
 * A table's row decoder, compiled once: `(values, decoders) => ({ id: values[0], … })`, each value through
 * its column's `mapFromDriverValue` unless that is the identity, null as null. An object literal of fixed
 * keys gives every row of a table one shape; building rows by assigning properties in a loop (one keyed
 * store for every column of every table) cost ~3× as much, ~0.5 µs a row, ~40 rows a case. The names
 * written into it are the table's own property names (Drizzle's definitions, not data), as JSON strings.
 */
function compileDecoder(properties: readonly string[], decoders: readonly PgColumn[]): Decode {
  const identity = Column.prototype.mapFromDriverValue;
  const fields = properties.map((property, i) => {
    const value = `values[${i}]`;
    const decoded = decoders[i]?.mapFromDriverValue === identity ? value : `decoders[${i}].mapFromDriverValue(${value})`;
    return `${JSON.stringify(property)}: ${value} == null ? null : ${decoded}`;
  });
  return new Function('values', 'decoders', `return { ${fields.join(', ')} };`) as Decode;
}

/**
 * The reader of `table`'s rows for many ids: `where <by> = any($1::text[]) order by <orderBy>` (or the
 * range form), every column but `omit`. An order that ends in a unique key gives each id's rows in a
 * single-id read's order.
 */
export function rowsByIds<T extends PgTable, K extends keyof ColumnsOf<T> & string>(table: T, options: ReaderOptions<T> & { omit: readonly K[] }): RowsByIds<Omit<T['$inferSelect'], K>> {
  const properties = Object.keys(getTableColumns(table)).filter((property) => !(options.omit as readonly string[]).includes(property));
  return reader(table, properties, options);
}

/** The same with only the columns named (`pick`, which must hold the key), for tables whose other columns copy what those hold. */
export function pickedRowsByIds<T extends PgTable, K extends keyof ColumnsOf<T> & string>(table: T, options: ReaderOptions<T> & { pick: readonly K[] }): RowsByIds<Pick<T['$inferSelect'], K>> {
  return reader(table, options.pick, options);
}

function reader<T extends PgTable, R>(table: T, properties: readonly string[], options: ReaderOptions<T>): RowsByIds<R> {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const decoders = properties.map((property) => all[property] as PgColumn);
  const key = options.by(all as ColumnsOf<T>);
  const keyAt = decoders.indexOf(key);
  if (keyAt < 0) throw new Error(`rowsByIds(${getTableName(table)}): the key column ${key.name} must be read`);
  const order = options.orderBy(all as ColumnsOf<T>).map((column) => quoted(column.name));
  const nulls = (options.whereNull?.(all as ColumnsOf<T>) ?? []).map((column) => ` and ${quoted(column.name)} is null`).join('');
  const statement = (where: string) =>
    `select ${decoders.map((column) => quoted(column.name)).join(', ')} from ${quoted(getTableName(table))}` +
    ` where ${where}${nulls}${order.length > 0 ? ` order by ${order.join(', ')}` : ''}`;
  const text = { ids: statement(`${quoted(key.name)} = any($1::text[])`), range: statement(`${quoted(key.name)} >= $1 and ${quoted(key.name)} <= $2`) };
  const decode = compileDecoder(properties, decoders);
  return {
    text,
    async read(db, ids, range) {
      if (ids.length === 0) return [];
      const rows = range ? await selectArrays(db, text.range, [range.first, range.last]) : await selectArrays(db, text.ids, [arrayLiteral(ids)]);
      const wanted = range ? setOf(ids) : undefined;
      const out: R[] = [];
      for (const values of rows) {
        if (wanted && !wanted.has(values[keyAt] as string)) continue;
        out.push(decode(values, decoders) as R);
      }
      return out;
    },
  };
}
