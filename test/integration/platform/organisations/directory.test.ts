/**
 * The organisation directory (src/platform/organisations/directory.ts): what a page is given equals the
 * table; successors are followed; an organisation created since the list was read is found (one reload);
 * a change made through the services is seen at once (they forget the list); a change made behind its back
 * (another node) shows once the list is forgotten or a minute has passed; a page that reads the list while a
 * change is not yet committed does not keep the old rows (they are forgotten again after the commit).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { allOrganisations, forgetCachedOrganisations, organisationsWithSuccessors, withOrganisationsChanging } from '../../../../src/platform/organisations/directory.ts';
import { organisations } from '../../../../src/platform/organisations/tables.ts';
import { createTestDatabase, usingPostgres } from '../../../support/database.ts';

test('the directory gives the table, follows successors, finds new ids and is forgotten on change', async () => {
  const { db, close } = await createTestDatabase();
  try {
    await db.insert(organisations).values([
      { id: 'dir-b-icb', name: 'B ICB', kind: 'icb', code: 'DIRB', validTo: '2026-03-31', successorId: 'dir-c-icb' },
      { id: 'dir-a-council', name: 'A Council', kind: 'local_authority', code: 'DIRA' },
      { id: 'dir-c-icb', name: 'C ICB', kind: 'icb', code: 'DIRC', validFrom: '2026-04-01', successorId: 'dir-d-icb' },
      { id: 'dir-d-icb', name: 'D ICB', kind: 'icb', code: 'DIRD', validFrom: '2027-04-01' },
    ]);
    forgetCachedOrganisations();
    const { id, name, kind, code, nation, validFrom, validTo, successorId } = organisations;
    const table = await db.select({ id, name, kind, code, nation, validFrom, validTo, successorId }).from(organisations).orderBy(asc(organisations.name), asc(organisations.id));
    assert.deepEqual(await allOrganisations(db), table, 'every organisation, by name then id, with what pages show');

    // The asked-for first (in id order), then each successor round in turn.
    assert.deepEqual((await organisationsWithSuccessors(db, ['dir-b-icb', 'dir-a-council'])).map((o) => o.id), ['dir-a-council', 'dir-b-icb', 'dir-c-icb', 'dir-d-icb']);
    assert.deepEqual(await organisationsWithSuccessors(db, []), []);
    assert.deepEqual(await organisationsWithSuccessors(db, ['no-such-organisation']), []);

    // Created behind the directory's back (another node, an import): an id it does not hold reloads it.
    await db.insert(organisations).values({ id: 'dir-e-provider', name: 'E Provider', kind: 'provider' });
    assert.deepEqual((await organisationsWithSuccessors(db, ['dir-e-provider'])).map((o) => o.name), ['E Provider']);
    assert.ok((await allOrganisations(db)).some((o) => o.id === 'dir-e-provider'), 'the reload refreshed the whole list');

    // Renamed behind its back: still the old name until forgotten (what the services do when they change one).
    await db.update(organisations).set({ name: 'A Council (renamed)' }).where(eq(organisations.id, 'dir-a-council'));
    assert.equal((await organisationsWithSuccessors(db, ['dir-a-council']))[0]?.name, 'A Council');
    forgetCachedOrganisations();
    assert.equal((await organisationsWithSuccessors(db, ['dir-a-council']))[0]?.name, 'A Council (renamed)');
  } finally {
    await close();
  }
});

test('a change through the services (loading the reference data) is seen by the directory at once', async () => {
  const { createTestApp } = await import('../../../support/app.ts');
  const { readReferenceOrganisations } = await import('../../../../src/modules/interop/reference-file.ts');
  const { systemContext } = await import('../../../../src/platform/context.ts');
  const t = await createTestApp();
  try {
    const { db } = t.services;
    const reference = await readReferenceOrganisations();
    await t.services.interop.loadOrganisations(systemContext());
    const worcestershire = (await allOrganisations(db)).find((o) => o.code === 'E10000034');
    assert.ok(worcestershire, 'the loaded reference data is listed');
    const renamed = reference.map((o) => (o.code === 'E10000034' ? { ...o, name: 'Worcestershire (renamed)' } : o));
    await t.services.interop.loadOrganisations(systemContext(), renamed);
    assert.equal((await organisationsWithSuccessors(db, [worcestershire.id]))[0]?.name, 'Worcestershire (renamed)', 'no minute-old copy');
  } finally {
    await t.close();
  }
});

test(
  'a page reading the directory while a change is not yet committed keeps no old copy once it commits',
  { skip: usingPostgres() ? false : 'PostgreSQL only: on the embedded database the transaction holds the one connection, so no page reads meanwhile' },
  async () => {
    const { db, close } = await createTestDatabase();
    try {
      await db.insert(organisations).values({ id: 'race-council', name: 'Race Council', kind: 'local_authority', code: 'RACE' });
      forgetCachedOrganisations();
      const nameNow = async () => (await organisationsWithSuccessors(db, ['race-council']))[0]?.name;
      await withOrganisationsChanging(() =>
        db.transaction(async (tx) => {
          await tx.update(organisations).set({ name: 'Race Council (renamed)' }).where(eq(organisations.id, 'race-council'));
          forgetCachedOrganisations(); // forgetting at the change alone is not enough
          // A concurrent page, on another pooled connection, reads (and caches) the committed rows meanwhile.
          assert.equal(await nameNow(), 'Race Council');
        }),
      );
      assert.equal(await nameNow(), 'Race Council (renamed)', 'the copy read before the commit is not kept');
    } finally {
      await close();
    }
  },
);
