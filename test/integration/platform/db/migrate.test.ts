import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../../src/platform/db/client.ts';
import { readMigrations, runMigrations } from '../../../../src/platform/db/migrate.ts';
import { createTestDatabase } from '../../../support/database.ts';

test('migrations apply once and a second run changes nothing', async () => {
  const { db, close } = await createTestDatabase();
  try {
    const all = readMigrations().map((m) => m.name);
    assert.ok(all.includes('0000_platform'));
    const again = await runMigrations(db);
    assert.deepEqual(again.applied, []);
    assert.equal(again.alreadyApplied, all.length);
    const recorded = rowsOf<{ name: string }>(await db.execute(sql`select name from schema_migrations order by name`)).map((r) => r.name);
    assert.deepEqual(recorded, all);
    const tables = rowsOf<{ table_name: string }>(
      await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_name in ('users', 'sessions', 'audit_event')`),
    );
    assert.equal(tables.length, 3);
  } finally {
    await close();
  }
});

test('concurrent migration runs wait for each other and apply each migration once', async () => {
  const { db, close } = await createTestDatabase();
  try {
    const results = await Promise.all([runMigrations(db), runMigrations(db)]);
    assert.deepEqual(results.map((r) => r.applied), [[], []]);
  } finally {
    await close();
  }
});

test('a failing migration leaves the schema as it was', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'aftercare-migrations-'));
  writeFileSync(join(dir, '9000_good.sql'), 'create table probe_good (id int);');
  writeFileSync(join(dir, '9001_bad.sql'), 'create table probe_bad (id int);\n--> statement-breakpoint\nselect no_such_function();');
  const { db, close } = await createTestDatabase();
  try {
    await assert.rejects(runMigrations(db, dir));
    const left = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from information_schema.tables where table_name in ('probe_good', 'probe_bad')`));
    assert.equal(left[0]?.n, 0);
    const recorded = rowsOf<{ name: string }>(await db.execute(sql`select name from schema_migrations where name like '900%'`));
    assert.deepEqual(recorded, []);
  } finally {
    await close();
  }
});

test('several nodes migrating an empty PostgreSQL database at once apply each migration exactly once', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL' }, async () => {
  const pg = (await import('pg')).default;
  const { openPostgres } = await import('../../../../src/platform/db/client.ts');
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `aftercare_test_concurrent_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const nodes = [openPostgres(url.toString(), 2), openPostgres(url.toString(), 2), openPostgres(url.toString(), 2)];
  try {
    const results = await Promise.all(nodes.map((node) => runMigrations(node.db)));
    const applied = results.flatMap((r) => r.applied).sort();
    assert.deepEqual(applied, readMigrations().map((m) => m.name));
    assert.equal(results.filter((r) => r.applied.length > 0).length, 1, 'one node applied them, the others waited');
  } finally {
    await Promise.all(nodes.map((node) => node.close()));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
