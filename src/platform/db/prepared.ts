/**
 * Hot reads as named prepared statements. Every statement Drizzle sends is unnamed, so PostgreSQL parses and
 * plans it again on every execution; for the person page's one-statement case read that was ~1–2 ms of the
 * server's CPU (parse 0.26 ms, plan 0.7–2 ms, execute 0.25–0.5 ms at 250,000 people), more than the read
 * itself (docs/performance.md, "Prepared hot reads"). Named, a connection parses a statement once and
 * PostgreSQL may keep a generic plan for it.
 *
 * The name is a digest of the statement's text, so one name never meets two texts (node-postgres refuses
 * that), and the names a process hands out are capped (`MAX_NAMED_STATEMENTS`): a statement whose text varies
 * without bound (an IN list of any length) must not fill every backend with prepared statements — past the
 * cap, new texts run unnamed as before. Only on PostgreSQL; PGlite has one connection in process and ignores
 * the name. A connection pooler in transaction mode (PgBouncer before 1.21) does not carry prepared statements
 * between clients: docs/operations.md says so.
 */
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.ts';

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

/** `db.execute(query)` as a named prepared statement: the same result (`rowsOf` reads its rows). */
export async function executePrepared(db: DbOrTx, query: SQL): Promise<unknown> {
  const { dialect, session } = db as unknown as { dialect: PgDialect; session: PgSession };
  const built = dialect.sqlToQuery(query);
  return session.prepareQuery(built, undefined, statementName(built.sql), false).execute();
}
