/**
 * The benchmark's database: PostgreSQL from DATABASE_URL (used as it is when it names an empty database,
 * or a throwaway database created beside it and dropped afterwards with `--fresh-db` or when the URL names
 * the `postgres` admin database), or PGlite in a temporary folder with `--pglite`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, rowsOf, type Database } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';

export interface BenchDatabase {
  database: Database;
  driver: 'postgres' | 'pglite';
  /** Environment for `aftercare serve` to open the same database. */
  serverEnv: NodeJS.ProcessEnv;
  /** PostgreSQL's or PGlite's version string. */
  version: string;
  /** Where the data lives, without credentials. */
  where: string;
  /** Closes the loader's connection (before the server opens a PGlite folder). */
  closeLoader(): Promise<void>;
  /** Drops what the bench created. */
  dispose(): Promise<void>;
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withoutCredentials(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export interface OpenBenchOptions {
  pglite: boolean;
  freshDb: boolean;
  databaseUrl: string | undefined;
  /** Use the people already in DATABASE_URL's database (made by `npm run bench:data`) instead of refusing them. */
  reuse?: boolean;
}

export async function openBenchDatabase(options: OpenBenchOptions): Promise<BenchDatabase> {
  if (options.pglite) {
    const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-bench-'));
    let database = await openDatabase({ dataDir });
    await runMigrations(database.db);
    const version = rowsOf<{ version: string }>(await database.db.execute(sql`select version()`))[0]?.version ?? '';
    let closed = false;
    return {
      database,
      driver: 'pglite',
      serverEnv: { DATABASE_URL: '', DATA_DIR: dataDir, NODE_ENV: 'test' },
      version: `PGlite (${version.split(',')[0]})`,
      where: dataDir,
      async closeLoader() {
        if (!closed) await database.close();
        closed = true;
      },
      async dispose() {
        if (!closed) await database.close();
        closed = true;
        database = undefined as never;
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  if (!options.databaseUrl) throw new Error('Set DATABASE_URL to a PostgreSQL database (or an admin URL with --fresh-db), or pass --pglite.');
  const given = new URL(options.databaseUrl);
  let url = given;
  let created: string | undefined;
  if (options.reuse && (options.freshDb || given.pathname === '/postgres' || given.pathname === '/')) {
    throw new Error('--reuse needs DATABASE_URL to name the database `npm run bench:data` generated (not the postgres admin database).');
  }
  if (!options.reuse && (options.freshDb || given.pathname === '/postgres' || given.pathname === '/')) {
    created = `aftercare_bench_${Date.now()}_${process.pid}`;
    await admin(options.databaseUrl, (client) => client.query(`create database ${created}`));
    url = new URL(given);
    url.pathname = `/${created}`;
  }
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '' }, { maxConnections: 4 });
  const dispose = async () => {
    await database.close().catch(() => {});
    if (created) await admin(options.databaseUrl as string, (client) => client.query(`drop database if exists ${created} with (force)`));
  };
  try {
    await runMigrations(database.db);
    const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from people`));
    if (options.reuse && n === 0) throw new Error(`${withoutCredentials(url)} holds no people: generate them first with npm run bench:data.`);
    if (n > 0 && !options.reuse) {
      throw new Error(`${withoutCredentials(url)} already holds ${n} people: pass --reuse to measure them (data from npm run bench:data), give an empty database, or pass --fresh-db to create a throwaway one on the same server.`);
    }
    const version = rowsOf<{ version: string }>(await database.db.execute(sql`select version()`))[0]?.version ?? '';
    return {
      database,
      driver: 'postgres',
      serverEnv: { DATABASE_URL: url.toString(), NODE_ENV: 'production' },
      version: version.split(' on ')[0] ?? version,
      where: withoutCredentials(url) + (created ? ' (created for this run, dropped after)' : ''),
      closeLoader: async () => {},
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
