import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { ConflictError, NotFoundError } from '../../../../src/platform/errors.ts';
import { updateVersioned } from '../../../../src/platform/db/versioned.ts';
import { organisations } from '../../../../src/platform/organisations/tables.ts';
import { createTestDatabase } from '../../../support/database.ts';

async function withOrganisation<T>(work: (db: Awaited<ReturnType<typeof createTestDatabase>>['db']) => Promise<T>): Promise<T> {
  const { db, close } = await createTestDatabase();
  try {
    await db.insert(organisations).values({ id: 'o1', name: 'Northshire County Council', kind: 'local_authority' });
    return await work(db);
  } finally {
    await close();
  }
}

test('an update from the current version succeeds and bumps the version', () =>
  withOrganisation(async (db) => {
    const row = await updateVersioned(db, organisations, eq(organisations.id, 'o1'), 1, { name: 'Northshire Council' });
    assert.equal(row.version, 2);
    assert.equal(row.name, 'Northshire Council');
  }));

test('a stale update throws ConflictError with the current row and the attempted values', () =>
  withOrganisation(async (db) => {
    await updateVersioned(db, organisations, eq(organisations.id, 'o1'), 1, { name: 'First' });
    const error = await updateVersioned(db, organisations, eq(organisations.id, 'o1'), 1, { name: 'Second' }).catch((e: unknown) => e);
    assert.ok(error instanceof ConflictError);
    assert.equal((error.current as { name: string; version: number }).name, 'First');
    assert.equal((error.current as { version: number }).version, 2);
    assert.deepEqual(error.attempted, { name: 'Second', version: 1 });
    const [stored] = await db.select().from(organisations);
    assert.equal(stored?.name, 'First');
  }));

test('two updates from the same version: exactly one succeeds, the other conflicts', () =>
  withOrganisation(async (db) => {
    const results = await Promise.allSettled([
      db.transaction((tx) => updateVersioned(tx, organisations, eq(organisations.id, 'o1'), 1, { name: 'From A' })),
      db.transaction((tx) => updateVersioned(tx, organisations, eq(organisations.id, 'o1'), 1, { name: 'From B' })),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 1);
    assert.ok(rejected[0]?.reason instanceof ConflictError);
    const [stored] = await db.select().from(organisations);
    assert.equal(stored?.version, 2);
  }));

test('an update of a missing row throws NotFoundError', () =>
  withOrganisation(async (db) => {
    await assert.rejects(updateVersioned(db, organisations, eq(organisations.id, 'nope'), 1, { name: 'X' }), NotFoundError);
  }));
