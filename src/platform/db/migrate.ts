/**
 * Applies `migrations/*.sql` in name order, each once, recording it in `schema_migrations`. The same code
 * runs on PGlite and PostgreSQL. The whole run is one transaction holding a PostgreSQL advisory lock, so
 * several nodes starting together apply each migration once (the others wait, then find nothing to do),
 * and a failing migration leaves the schema as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './client.ts';

export const defaultMigrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** An arbitrary constant naming "Aftercare migrations" among advisory locks. */
export const MIGRATION_LOCK_KEY = 117_001_983;

export interface Migration {
  name: string;
  statements: string[];
}

/** drizzle-kit separates statements with `--> statement-breakpoint`; each chunk is one statement. */
export function splitStatements(text: string): string[] {
  return text
    .split(/-->\s*statement-breakpoint/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.replace(/^--.*$/gm, '').trim() !== '');
}

export function readMigrations(dir = defaultMigrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), statements: splitStatements(readFileSync(join(dir, file), 'utf8')) }));
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export async function runMigrations(db: Db, dir = defaultMigrationsDir): Promise<MigrationResult> {
  const migrations = readMigrations(dir);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    // Created only when missing: `create table if not exists` needs CREATE on the schema even when the
    // table exists, which the production app role (scripts/create-app-role.sql) rightly lacks.
    const [exists] = rowsOf<{ found: boolean }>(await tx.execute(sql`select to_regclass('schema_migrations') is not null as found`));
    if (!exists?.found) {
      await tx.execute(sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`);
    }
    const done = new Set(rowsOf<{ name: string }>(await tx.execute(sql`select name from schema_migrations`)).map((row) => row.name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into schema_migrations (name) values (${migration.name})`);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.size };
  });
}
