/**
 * Test databases. By default each test gets an in-memory PGlite loaded from a migrated template
 * (`dumpDataDir` → `loadDataDir`, ≈ 1 s instead of 3–6 s each). The template is built once per set of
 * migrations and kept in the temp folder, so the many test processes of a run (node --test starts one per
 * file) share it instead of each running initdb and the migrations again.
 *
 * With TEST_DATABASE_URL set (an admin URL such as postgres://postgres@127.0.0.1:5432/postgres), each call
 * creates a fresh `aftercare_test_<random>` database on that server — cloned with `CREATE DATABASE … TEMPLATE`
 * from a migrated template database named by the same hash — and drops it at close.
 *
 * Tests that start `aftercare` commands on an embedded database in a folder take `migratedDataDir()`: a copy
 * of a data folder migrated once per set of migrations (also kept in the temp folder), instead of each child
 * process running initdb and the migrations.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { applyPlannerSettings, fromPglite, openDatabase, openPostgres, type Database, type Db, type Driver } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';

export interface TestDatabase {
  db: Db;
  driver: Driver;
  /** The URL of the fresh database when on PostgreSQL (for tests that open a second connection). */
  url?: string;
  close(): Promise<void>;
}

const root = join(import.meta.dirname, '..', '..');

/** A hash of the migrations and the PGlite version: a change to either makes new templates. */
const templateKey: string = (() => {
  const hash = createHash('sha256');
  const pglite = JSON.parse(readFileSync(join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string };
  hash.update(pglite.version);
  const migrations = join(root, 'migrations');
  for (const file of readdirSync(migrations, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.sql')) hash.update(file).update(readFileSync(join(migrations, file)));
  }
  return hash.digest('hex').slice(0, 16);
})();

let template: Promise<Blob> | undefined;

function migratedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const cached = join(tmpdir(), `aftercare-test-pglite-${templateKey}.tar`);
    try {
      return new Blob([readFileSync(cached)]);
    } catch {
      // not built yet by any process: build it (two processes may both build it once; the rename is atomic)
    }
    const client = await PGlite.create();
    const database = fromPglite(client);
    await runMigrations(database.db);
    const dump = await client.dumpDataDir('none');
    await database.close();
    for (const old of readdirSync(tmpdir())) {
      if (old.startsWith('aftercare-test-pglite-') && !old.includes(templateKey)) rmSync(join(tmpdir(), old), { force: true });
    }
    const building = `${cached}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(building, new Uint8Array(await dump.arrayBuffer()));
    renameSync(building, cached);
    return dump;
  })();
  return template;
}

const DATA_DIR_TEMPLATE = join(tmpdir(), `aftercare-test-datadir-${templateKey}`);
let dataDirTemplate: Promise<string> | undefined;

/**
 * The migrated data folder (`DATA_DIR`, the embedded database in its `pglite/`), made once for a set of
 * migrations the way `aftercare migrate` makes it: built under another name and renamed when complete (two
 * processes may both build it; the first rename wins), so a template that exists is always whole.
 */
function migratedDataDirTemplate(): Promise<string> {
  dataDirTemplate ??= (async () => {
    if (existsSync(DATA_DIR_TEMPLATE)) return DATA_DIR_TEMPLATE;
    const building = mkdtempSync(`${DATA_DIR_TEMPLATE}-building-`);
    try {
      const database = await openDatabase({ dataDir: building });
      try {
        await runMigrations(database.db);
      } finally {
        await database.close();
      }
      renameSync(building, DATA_DIR_TEMPLATE);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(DATA_DIR_TEMPLATE)) throw error; // else another process made it first
    }
    for (const old of readdirSync(tmpdir())) {
      if (old.startsWith('aftercare-test-datadir-') && !old.includes(templateKey)) rmSync(join(tmpdir(), old), { recursive: true, force: true });
    }
    return DATA_DIR_TEMPLATE;
  })();
  return dataDirTemplate;
}

/** A new folder (in the temp folder) holding an embedded database with every migration applied, for `DATA_DIR`. */
export async function migratedDataDir(prefix = 'aftercare-'): Promise<string> {
  const template = await migratedDataDirTemplate();
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(template, dataDir, { recursive: true, filter: (source) => !source.endsWith('aftercare.lock') });
  return dataDir;
}

export function usingPostgres(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL);
}

/** An in-memory PGlite with every migration applied, as the app's code has not touched it (not wrapped by fromPglite). */
export async function migratedPglite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await migratedTemplate() });
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) return createPostgresTestDatabase(adminUrl);
  const client = await migratedPglite();
  await applyPlannerSettings(client); // as `openDatabase` does for the app
  const database: Database = fromPglite(client);
  return { db: database.db, driver: 'pglite', close: database.close };
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const POSTGRES_TEMPLATE = `aftercare_test_template_${templateKey}`;
let postgresTemplate: Promise<string> | undefined;

/**
 * The migrated template database on the server, made once for a set of migrations under an advisory lock
 * (test processes run side by side). It is built under another name and renamed when complete, so a
 * template that exists is always whole. Templates of older migrations are dropped when a new one is made.
 */
function migratedPostgresTemplate(adminUrl: string): Promise<string> {
  postgresTemplate ??= withAdmin(adminUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', ['aftercare-test-template']);
    try {
      const existing = await admin.query('select 1 from pg_database where datname = $1', [POSTGRES_TEMPLATE]);
      if (existing.rowCount) return POSTGRES_TEMPLATE;
      const building = `${POSTGRES_TEMPLATE}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const database = openPostgres(databaseUrl(adminUrl, building), 1);
      try {
        await runMigrations(database.db);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${POSTGRES_TEMPLATE}`);
      const stale = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'aftercare\\_test\\_template\\_%' and datname <> $1`,
        [POSTGRES_TEMPLATE],
      );
      for (const { datname } of stale.rows) await admin.query(`drop database if exists ${datname}`).catch(() => undefined);
      return POSTGRES_TEMPLATE;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', ['aftercare-test-template']);
    }
  });
  return postgresTemplate;
}

async function createPostgresTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `aftercare_test_${randomBytes(6).toString('hex')}`;
  const templateName = await migratedPostgresTemplate(adminUrl);
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name} template ${templateName}`));
  const url = databaseUrl(adminUrl, name);
  const database = openPostgres(url, 5);
  return {
    db: database.db,
    driver: 'postgres',
    url,
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
