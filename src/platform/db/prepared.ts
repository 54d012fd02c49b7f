/**
 * Hot reads as prepared statements. Every statement Drizzle sends is unnamed, so PostgreSQL parses and plans
 * it again on every execution; for the person page's one-statement case read that was ~1–2 ms of the
 * server's CPU (parse 0.26 ms, plan 0.7–2 ms, execute 0.25–0.5 ms at 250,000 people), more than the read
 * itself, and 1.6–1.8 ms in the embedded database (docs/performance.md, "Prepared hot reads"). Prepared, a
 * connection parses a statement once and PostgreSQL may keep a generic plan for it.
 *
 * The name is a digest of the statement's text, so one name never meets two texts (node-postgres refuses
 * that), and the names a process hands out are capped (`MAX_NAMED_STATEMENTS`): a statement whose text varies
 * without bound (an IN list of any length) must not fill every backend with prepared statements — past the
 * cap, new texts run unnamed as before.
 *
 * On PostgreSQL the statement goes by name over the extended protocol (node-postgres keeps track of what each
 * connection holds). PGlite's query always parses unnamed, so there the statement is `PREPARE`d once per
 * database with SQL and run as `EXECUTE name(literals)`: utility statements take no bind parameters, so the
 * values are written as quoted literals — only strings, finite numbers, booleans and nulls (anything else runs
 * unnamed), with quotes doubled (standard_conforming_strings is on: a backslash is an ordinary character).
 * A prepared statement outlives a transaction rolled back around it, so one `PREPARE` a database is enough.
 */
import { createHash } from 'node:crypto';
import { fillPlaceholders, sql, type SQL } from 'drizzle-orm';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import { embeddedClientOf, type DbOrTx } from './client.ts';

export const MAX_NAMED_STATEMENTS = 200;

const names = new Map<string, string>();

/** The prepared-statement name for a statement text, or undefined once the cap is reached for new texts. */
export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known || names.size >= MAX_NAMED_STATEMENTS) return known;
  const name = `aftercare_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  names.set(text, name);
  return name;
}

/** A parameter as an SQL literal for `EXECUTE`, or undefined when it is not a plain value. */
export function sqlLiteral(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value.includes('\u0000') ? undefined : `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

/** The statements prepared in each embedded database (by name). */
const preparedIn = new WeakMap<PGlite, Set<string>>();

type Built = { sql: string; params: unknown[] };
type Internals = { dialect: PgDialect; session: PgSession & { client?: unknown } };

async function run(db: DbOrTx, built: Built, name: string | undefined, values: Record<string, unknown>): Promise<unknown> {
  const { session } = db as unknown as Internals;
  const embedded = embeddedClientOf(session.client);
  if (!embedded) return session.prepareQuery(built, undefined, name, false).execute(values);
  const literals = fillPlaceholders(built.params, values).map(sqlLiteral);
  if (!name || literals.some((literal) => literal === undefined)) return session.prepareQuery(built, undefined, undefined, false).execute(values);
  let prepared = preparedIn.get(embedded);
  if (!prepared) preparedIn.set(embedded, (prepared = new Set()));
  if (!prepared.has(name)) {
    await db.execute(sql.raw(`prepare ${name} as ${built.sql}`));
    prepared.add(name);
  }
  return db.execute(sql.raw(`execute ${name}${literals.length > 0 ? `(${literals.join(', ')})` : ''}`));
}

/** `db.execute(query)` as a prepared statement: the same result (`rowsOf` reads its rows). */
export async function executePrepared(db: DbOrTx, query: SQL): Promise<unknown> {
  const built = (db as unknown as Internals).dialect.sqlToQuery(query);
  return run(db, built, statementName(built.sql), {});
}

export interface PreparedStatement<Values extends Record<string, unknown>> {
  execute(db: DbOrTx, values: Values): Promise<unknown>;
}

/**
 * A hot statement whose text never changes, its values given as `sql.placeholder(name)`: built (and named) on
 * first use only, where `executePrepared` builds the text from its pieces and digests it on every call (~0.1 ms
 * for the person page's case read).
 */
export function preparedStatement<Values extends Record<string, unknown>>(build: () => SQL): PreparedStatement<Values> {
  let built: Built | undefined;
  let name: string | undefined;
  return {
    execute(db, values) {
      if (!built) {
        built = (db as unknown as Internals).dialect.sqlToQuery(build());
        name = statementName(built.sql);
      }
      return run(db, built, name, values);
    },
  };
}
