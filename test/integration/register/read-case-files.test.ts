/**
 * `readCaseFiles` (the sweep's set-based read of many cases) gives, for every person, exactly the file
 * `readCaseFile` gives for that person alone: every section of every store, the organisations and staff each
 * case refers to and no others (with successors), in the same order — on generated cases with every
 * section and on the reference case. Ids with no person are left out. Read as an id range (the sweep's
 * batches), the files are the same, and a person in the range but not among the ids is left out.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateDemoCaseFiles } from '../../../src/demo/case-file-generator.ts';
import { referenceCaseFile } from '../../../src/demo/reference-case.ts';
import { systemActor, systemContext } from '../../../src/platform/context.ts';
import { visiblePersonIds } from '../../../src/modules/alerts/repository.ts';
import { createTestApp } from '../../support/app.ts';

test('readCaseFiles equals readCaseFile person by person', async () => {
  const t = await createTestApp();
  try {
    const ctx = systemContext();
    const files = [...generateDemoCaseFiles({ seed: 8, people: 24, asOf: '2026-11-27', sections: 'all' }), referenceCaseFile()];
    for (const file of files) await t.services.register.importCaseFileAlone(ctx, file);
    const ids = files.map((file) => file.person.id);
    assert.ok(files.some((file) => file.complaints.length > 0) && files.some((file) => file.meetings.length > 0) && files.some((file) => file.carePlans.length > 0), 'the cases hold every kind of section');

    const many = await t.services.db.transaction((tx) => t.services.register.readCaseFiles(tx, [...ids, 'no-such-person']));
    assert.deepEqual([...many.keys()].sort(), [...ids].sort());
    for (const id of ids) {
      const alone = await t.services.db.transaction((tx) => t.services.register.readCaseFile(tx, id));
      assert.deepEqual(many.get(id), alone, `the case file of ${id}`);
    }
    assert.equal((await t.services.db.transaction((tx) => t.services.register.readCaseFiles(tx, []))).size, 0);
  } finally {
    await t.close();
  }
});

test('readCaseFiles read as an id range equals the same read by ids, and keeps to the ids asked for', async () => {
  const t = await createTestApp();
  try {
    const ctx = systemContext();
    const files = generateDemoCaseFiles({ seed: 9, people: 16, asOf: '2026-11-27', sections: 'all' });
    for (const file of files) await t.services.register.importCaseFileAlone(ctx, file);
    // The sweep's batches: slices of every person in id order, each read as the range from its first id to its last.
    const all = await visiblePersonIds(t.services.db, systemActor());
    const slice = all.slice(3, 13);
    const range = { first: slice[0] as string, last: slice.at(-1) as string };
    const read = (ids: string[], withRange?: typeof range) => t.services.db.transaction((tx) => t.services.register.readCaseFiles(tx, ids, withRange));
    const byIds = await read(slice);
    assert.equal(byIds.size, slice.length);
    assert.deepEqual(await read(slice, range), byIds);
    // A person inside the range but not asked for (one created after the ids were listed) is left out.
    const fewer = slice.filter((_, i) => i !== 4);
    const byRange = await read(fewer, range);
    assert.deepEqual([...byRange.keys()].sort(), [...fewer].sort());
    assert.deepEqual(byRange, await read(fewer));
  } finally {
    await t.close();
  }
});
