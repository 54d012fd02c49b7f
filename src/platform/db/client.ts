/**
 * Opens the database: PGlite in DATA_DIR (behind an exclusive lock) when there is no DATABASE_URL, or a
 * PostgreSQL server through a `pg` pool. Both give the same Drizzle `Db`, so services never know which.
 */
import { join } from 'node:path';
import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireEmbeddedLock } from './embedded-lock.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either a database or a transaction: what repositories accept, so they work inside a service's transaction. */
export type DbOrTx = Db | Tx;

export type Driver = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  driver: Driver;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
}

export interface OpenOptions {
  /** Pool size for PostgreSQL (default 10). */
  maxConnections?: number;
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, options.maxConnections ?? 10);
  const lock = acquireEmbeddedLock(config.dataDir);
  try {
    const client = await PGlite.create(join(config.dataDir, 'pglite'));
    await applyPlannerSettings(client);
    return fromPglite(client, async () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Planner settings for every connection the app opens. The cost of a random page read is set as for a
 * database on SSD whose working set is cached (PostgreSQL's default, 4, models spinning disks): at the
 * default the planner scans all 400,000 stored alerts or 270,000 duties to join them with an organisation's
 * few thousand visible people, rather than probing their indexes (docs/performance.md, "Planner settings").
 * JIT compilation is off: it starts above a plan cost that a dashboard's counts over an organisation's alerts
 * reach, and then compiling took 46 of the statement's 152 ms to save a few (PGlite has no JIT; the setting is
 * accepted and does nothing).
 */
export const PLANNER_SETTINGS = { random_page_cost: '1.1', jit: 'off' } as const;

export function plannerOptions(): string {
  return Object.entries(PLANNER_SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
}

export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, options: plannerOptions() });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, driver: 'postgres', close: () => pool.end() };
}

/** PLANNER_SETTINGS on an embedded database (one connection, so once). */
export async function applyPlannerSettings(client: PGlite): Promise<void> {
  for (const [name, value] of Object.entries(PLANNER_SETTINGS)) await client.exec(`set ${name} = ${value}`);
}

/**
 * The type parsers Drizzle passes with every PGlite query (dates, timestamps, intervals and their arrays, and
 * numeric[], left as text for the columns' own mapping), and what each does: return the text unchanged.
 * test/integration/platform/db/pglite-parsers.test.ts checks that Drizzle still passes exactly these.
 */
export const DRIZZLE_PGLITE_TEXT_TYPES: readonly number[] = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182];

/**
 * PGlite merges a query's own parsers into its ~360 by copying them all (`{ ...parsers, ...options.parsers }`)
 * for every statement, and Drizzle passes its own with every statement: ~0.2 ms of CPU a statement, a fifth of
 * a page request's. Drizzle's are set once on the client instead (the client is Drizzle's alone: the app
 * queries it only through Drizzle), and left out of each query's options when they are exactly those, so every
 * statement's rows are parsed as before; a query with any other parser keeps its own.
 */
function withDrizzleParsersOnce(client: PGlite): PGlite {
  const identity = (value: string) => value;
  for (const type of DRIZZLE_PGLITE_TEXT_TYPES) client.parsers[type] = identity;
  const textTypes = new Set(DRIZZLE_PGLITE_TEXT_TYPES.map(String));
  const lean = (options: QueryOptions | undefined): QueryOptions | undefined => {
    if (!options?.parsers) return options;
    for (const type in options.parsers) if (!textTypes.has(type)) return options;
    return { ...options, parsers: undefined };
  };
  const query = client.query.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = (text, params, options) => query(text, params, lean(options));
  client.transaction = (callback) =>
    transaction((tx) => {
      const wrapped = new Proxy(tx, { get: (target, key) => (key === 'query' ? (text: string, params?: unknown[], options?: QueryOptions) => target.query(text, params, lean(options)) : Reflect.get(target, key)) });
      embeddedClients.set(wrapped, client);
      return callback(wrapped);
    });
  embeddedClients.set(client, client);
  return client;
}

/** The embedded database behind a Drizzle session's client (the database itself, or one of its transactions). */
const embeddedClients = new WeakMap<object, PGlite>();

/** The PGlite instance a Drizzle session's client belongs to, or undefined on PostgreSQL. */
export function embeddedClientOf(sessionClient: unknown): PGlite | undefined {
  return typeof sessionClient === 'object' && sessionClient !== null ? embeddedClients.get(sessionClient) : undefined;
}

/** Wraps an open PGlite (a data folder, or an in-memory test copy); `afterClose` releases what the caller holds. */
export function fromPglite(client: PGlite, afterClose: () => Promise<void> = async () => {}): Database {
  const db = drizzlePglite(withDrizzleParsersOnce(client), { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    driver: 'pglite',
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        await afterClose();
      }
    },
  };
}

/** The rows of a raw `db.execute(sql…)` result; the two drivers shape results alike but type them differently. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
