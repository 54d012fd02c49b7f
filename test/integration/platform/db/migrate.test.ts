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
