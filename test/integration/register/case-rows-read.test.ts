/**
 * `loadCaseRowsInOneStatement` gives exactly what `loadCaseRows` gives — the same rows, every column with
 * the same value and type (dates as civil-date strings, timestamps as Date, JSON, arrays, booleans, versions),
 * in the same order — for the reference case, generated cases with every register section, a ~1,000-record case and a person with no records.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { todayInLondon } from '../../../src/domain/calendar/civil-date.ts';
import { generateDemoCaseFiles, largeCaseFile } from '../../../src/demo/case-file-generator.ts';
import { referenceCaseFile } from '../../../src/demo/reference-case.ts';
import { emptyCaseFile } from '../../../src/domain/case-file/empty-case-file.ts';
import { loadCaseRowsInOneStatement } from '../../../src/modules/register/case-rows-read.ts';
import { loadCaseRows } from '../../../src/modules/register/repository.ts';
import { systemContext } from '../../../src/platform/context.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';

let t: TestApp;
const ids: string[] = [];

before(async () => {
  t = await createTestApp();
  const ctx = systemContext();
  const files = [
    referenceCaseFile(),
    ...generateDemoCaseFiles({ seed: 81, people: 8, asOf: todayInLondon(), idPrefix: 'p-rows-gen-' }),
    largeCaseFile(3),
    emptyCaseFile({ person: { id: 'x', givenName: 'No', familyName: 'Records' } }),
  ];
  for (const [index, file] of files.entries()) {
    const id = `p-rows-${index}`;
    await t.services.register.importCaseFileAlone(ctx, { ...file, person: { ...file.person, id, nhsNumber: undefined } });
    ids.push(id);
  }
});

after(async () => {
  await t.close();
});

test('one statement gives the rows of the nine register tables exactly as nine selects do', async () => {
  let rows = 0;
  for (const id of ids) {
    const expected = await loadCaseRows(t.services.db, id);
    const actual = await loadCaseRowsInOneStatement(t.services.db, id);
    assert.deepEqual(actual, expected, id);
    rows += Object.values(expected).reduce((n, list) => n + list.length, 0);
  }
  assert.ok(rows > 150, `the cases hold rows to compare (${rows})`);
  assert.deepEqual(await loadCaseRowsInOneStatement(t.services.db, 'nobody'), await loadCaseRows(t.services.db, 'nobody'));
});
