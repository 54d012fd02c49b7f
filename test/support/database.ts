/**
 * Test databases. By default each test gets an in-memory PGlite loaded from a migrated template that is
 * built once per process (`dumpDataDir` → `loadDataDir`, ≈ 1 s instead of 3–6 s each). With
 * TEST_DATABASE_URL set (an admin URL such as postgres://postgres@127.0.0.1:5432/postgres), each call creates
 * a fresh `aftercare_test_<random>` database on that server, migrates it and drops it at close.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPglite, openPostgres, type Database, type Db, type Driver } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';

export interface TestDatabase {
  db: Db;
  driver: Driver;
  /** The URL of the fresh database when on PostgreSQL (for tests that open a second connection). */
  url?: string;
  close(): Promise<void>;
}

let template: Promise<File | Blob> | undefined;

function migratedTemplate(): Promise<File | Blob> {
  template ??= (async () => {
    const client = await PGlite.create();
    const database = fromPglite(client);
    await runMigrations(database.db);
    const dump = await client.dumpDataDir('none');
    await database.close();
    return dump;
  })();
  return template;
}

export function usingPostgres(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) return createPostgresTestDatabase(adminUrl);
  const client = await PGlite.create({ loadDataDir: await migratedTemplate() });
  const database: Database = fromPglite(client);
  return { db: database.db, driver: 'pglite', close: database.close };
}

async function createPostgresTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `aftercare_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 5);
  try {
    await runMigrations(database.db);
  } catch (error) {
    await database.close();
    await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    throw error;
  }
  return {
    db: database.db,
    driver: 'postgres',
    url: url.toString(),
    async close() {
      await database.close();
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
