/**
 * `loadCaseRowsInOneStatement` gives exactly what `loadCaseRows` gives — the same rows, every column with
 * the same value and type (dates as civil-date strings, timestamps as Date, JSON, arrays, booleans, versions),
 * in the same order — for the reference case, generated cases with every register section, a ~1,000-record case and a person with no records.
 * `loadVisibleCaseInOneStatement` adds the person (only when the actor may see them) and the staff the rows name.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { todayInLondon } from '../../../src/domain/calendar/civil-date.ts';
import { generateDemoCaseFiles, largeCaseFile } from '../../../src/demo/case-file-generator.ts';
import { referenceCaseFile } from '../../../src/demo/reference-case.ts';
import { emptyCaseFile } from '../../../src/domain/case-file/empty-case-file.ts';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { loadCaseRowsInOneStatement, loadVisibleCaseInOneStatement } from '../../../src/modules/register/case-rows-read.ts';
import { referencedStaffIds, signOffStaffIds } from '../../../src/modules/register/case-references.ts';
import { findVisiblePerson, loadCaseRows, staffByIds } from '../../../src/modules/register/repository.ts';
import { dutyFromRow } from '../../../src/modules/register/case-file-mapping.ts';
import { systemActor, systemContext, type Actor } from '../../../src/platform/context.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';

let t: TestApp;
const ids: string[] = [];

/** The reference case with its first duty's ending signed off by two workers named nowhere else in the case. */
function withSignedOffEnding(file: CaseFile): CaseFile {
  const [first, ...rest] = file.duties;
  assert.ok(first, 'the reference case has a duty');
  const council = first.localAuthorityId;
  const icb = first.healthBodyId;
  return {
    ...file,
    staff: [...file.staff, { id: 'st-sign-off-la', name: 'Council Signatory', organisationId: council }, { id: 'st-sign-off-hb', name: 'ICB Signatory', organisationId: icb }],
    duties: [
      { ...first, ending: { localAuthoritySignOff: { staffId: 'st-sign-off-la', date: first.start }, healthBodySignOff: { staffId: 'st-sign-off-hb', date: first.start }, grounds: ['other'], personInvolved: true } },
      ...rest,
    ],
  };
}

before(async () => {
  t = await createTestApp();
  const ctx = systemContext();
  const files = [
    referenceCaseFile(),
    ...generateDemoCaseFiles({ seed: 81, people: 8, asOf: todayInLondon(), idPrefix: 'p-rows-gen-' }),
    largeCaseFile(3),
    emptyCaseFile({ person: { id: 'x', givenName: 'No', familyName: 'Records' } }),
    withSignedOffEnding(referenceCaseFile()),
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

test('one statement gives the visible person, their rows and the staff they name, exactly as the separate reads do', async () => {
  const stranger: Actor = { kind: 'user', id: 'u-stranger', name: 'Stranger', organisationId: 'org-nobody-shares-with', teamId: null, roles: ['practitioner'] };
  let staffSeen = 0;
  let signOffs = 0;
  for (const id of ids) {
    const rows = await loadCaseRows(t.services.db, id);
    const actual = await loadVisibleCaseInOneStatement(t.services.db, systemActor(), id);
    assert.ok(actual, id);
    assert.deepEqual(actual.person, await findVisiblePerson(t.services.db, systemActor(), id), `${id}: person`);
    assert.deepEqual(actual.rows, rows, `${id}: rows`);
    const duties = rows.duties.map(dutyFromRow);
    assert.deepEqual(actual.staff, await staffByIds(t.services.db, referencedStaffIds({ allocations: rows.allocations, duties })), `${id}: staff`);
    staffSeen += actual.staff.length;
    signOffs += duties.flatMap(signOffStaffIds).length;
    assert.equal(await loadVisibleCaseInOneStatement(t.services.db, stranger, id), undefined, `${id}: not visible to an unrelated organisation`);
  }
  assert.ok(staffSeen > 5 && signOffs > 0, `the cases name staff, some by a duty's sign-off (${staffSeen} staff, ${signOffs} sign-offs)`);
  assert.equal(await loadVisibleCaseInOneStatement(t.services.db, systemActor(), 'nobody'), undefined);
});
