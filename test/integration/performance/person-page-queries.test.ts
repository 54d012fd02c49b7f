/**
 * No N+1 on a person's overview (issue 8): the SQL statements one person page issues — HTML and JSON —
 * are counted through the services' own Drizzle instance, and must stay under a small fixed number and be
 * (but for a read of a child table that only runs when its parents exist) the same for a small case (the
 * reference case) as for a ~1,000-record one. A read per record (a loop of
 * queries over plans, services, meetings…) makes the large case's count grow and fails the test.
 * Transaction control (begin, commit, savepoints) is not counted: the drivers differ in whether Drizzle
 * sends it as a statement.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { largeCaseFile } from '../../../src/demo/case-file-generator.ts';
import { referenceCaseFile } from '../../../src/demo/reference-case.ts';
import { countRecords } from '../../../src/demo/case-file-generator.ts';
import { systemContext } from '../../../src/platform/context.ts';
import type { SignedIn, TestApp } from '../../support/app.ts';
import { createCountingApp, type CountingApp } from '../../support/statement-count.ts';

/**
 * The most statements one person page may issue, session and audit included (fixed: it must not grow with
 * the case). The JSON is the session, the visible person with the nine register tables and the staff they
 * name in one statement (case-rows-read.ts) and the audit insert: 3 (organisations come from the per-process
 * directory, read on the warm-up request; no BEGIN/COMMIT: a view is one read and its audit event). The
 * overview page issues the same 3: its "what the law says" card is evaluated from the case the page has
 * already read.
 * (Until issue 8's person-page work: 14 for the JSON, 42–44 for the page, which read the whole case file a
 * second time; then 6.)
 */
const MAX_STATEMENTS = { json: 3, page: 3 };

let counting: CountingApp;
let t: TestApp;
let practitioner: SignedIn;
const small = 'p-queries-small';
const large = 'p-queries-large';

before(async () => {
  counting = await createCountingApp();
  t = counting.app;
  practitioner = await t.signedInUser(['practitioner']);
  const ctx = systemContext();
  ctx.actor = { ...ctx.actor, organisationId: practitioner.organisationId };
  const reference = referenceCaseFile();
  await t.services.register.importCaseFileAlone(ctx, { ...reference, person: { ...reference.person, id: small } });
  const busy = largeCaseFile(1);
  assert.ok(countRecords(busy) >= 900, 'the large case has about a thousand records');
  await t.services.register.importCaseFileAlone(ctx, { ...busy, person: { ...busy.person, id: large, nhsNumber: undefined } });
});

after(async () => {
  await t.close();
});

const statementsOf = (url: string) => counting.statementsOf(url, practitioner);

for (const [name, path, max] of [
  ['person overview page (HTML)', (id: string) => `/people/${id}`, MAX_STATEMENTS.page],
  ['person as JSON', (id: string) => `/api/v1/people/${id}`, MAX_STATEMENTS.json],
] as const) {
  test(`${name}: a fixed, small number of statements, whatever the size of the case`, async () => {
    const forSmall = await statementsOf(path(small));
    const forLarge = await statementsOf(path(large));
    assert.ok(forSmall.length > 0, 'the counter sees the statements');
    for (const count of [forSmall.length, forLarge.length]) assert.ok(count <= max, `${count} statements for one page (at most ${max})`);
    assert.ok(forLarge.length <= max, `${forLarge.length} statements for one page (at most ${max}):\n${forLarge.map((s) => s.slice(0, 120)).join('\n')}`);
    // Child tables are read only when their parents exist (complaint points, ombudsman remedies), so the two
    // cases may differ by those few; a query per record would make the large case's count run away.
    assert.ok(Math.abs(forLarge.length - forSmall.length) <= 2, `the large case issues ${forLarge.length} statements against ${forSmall.length} for the small one: a query per record?`);
  });
}
