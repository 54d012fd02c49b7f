/**
 * Optimistic concurrency (ADR 0001). Every mutable table has `version integer not null default 1`; an update
 * names the version it read, and a stale one fails with ConflictError instead of overwriting someone's work.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { DbOrTx } from './client.ts';

type VersionedTable = PgTable & { version: PgColumn };

/**
 * Updates the row(s) matching `where` if their version is still `expectedVersion`, bumping it by one, and
 * returns the updated row. When no row matched: ConflictError with the current row and the attempted values
 * if the row exists, NotFoundError if it does not.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: DbOrTx,
  table: T,
  where: SQL | undefined,
  expectedVersion: number,
  values: PgUpdateSetSource<T>,
): Promise<T['$inferSelect']> {
  const set = { ...values, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>;
  const updated = (await db
    .update(table)
    .set(set)
    .where(and(where, eq(table.version, expectedVersion)))
    .returning()) as T['$inferSelect'][];
  if (updated[0]) return updated[0];
  const current = (await db.select().from(table as PgTable).where(where).limit(1)) as T['$inferSelect'][];
  if (!current[0]) throw new NotFoundError();
  throw new ConflictError(current[0], { ...values, version: expectedVersion });
}
