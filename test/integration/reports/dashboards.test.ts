/**
 * Dashboards through the app: every count equals the length of the list its link shows (duty lists and the
 * filtered alerts list), the organisation chart has its numbers in a table, and the register CSV has one row
 * per duty.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { systemContext } from '../../../src/platform/context.ts';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';

let t: TestApp;
let manager: SignedIn;

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as CaseFile;

before(async () => {
  t = await createTestApp();
  const file = fixture('law/TC-04.json');
  for (const id of ['p-a', 'p-b']) await t.services.register.importCaseFileAlone(systemContext(), { ...file, person: { ...file.person, id } });
  const council = (await t.services.register.readCaseFile(t.services.db, 'p-a')).duties[0]!.localAuthorityId;
  manager = await t.signedInUser(['team_manager'], { organisationId: council });
});
after(async () => {
  await t.close();
});

const count = (body: string, key: string) => Number(new RegExp(`data-count="${key}">(\\d+)<`).exec(body)?.[1]);
const rowsIn = (body: string) => (body.match(/<tr class="govuk-table__row"><td class="govuk-table__cell">/g) ?? []).length;
const alertRowsIn = (body: string) => (body.match(/<tr class="govuk-table__row">\s*<td class="govuk-table__cell"><a class="govuk-link" href="\/people\//g) ?? []).length;

describe('dashboards', () => {
  it('each count matches the list behind its link', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/dashboard', headers: manager.headers });
    assert.equal(page.statusCode, 200);
    for (const [key, list] of [['unallocated', 'unallocated'], ['mine', 'mine'], ['health-body', 'health-body']] as const) {
      const listPage = await t.app.inject({ method: 'GET', url: `/dashboard/duties/${list}`, headers: manager.headers });
      assert.equal(listPage.statusCode, 200);
      assert.equal(rowsIn(listPage.body), count(page.body, key), key);
    }
    assert.equal(count(page.body, 'unallocated'), 2);
    const severities = [...page.body.matchAll(/href="(\/alerts\?severity=[a-z]+)" data-count="severity-[a-z]+">(\d+)</g)];
    assert.ok(severities.length > 0);
    for (const [, href, n] of severities) {
      const list = await t.app.inject({ method: 'GET', url: href!.replaceAll('&amp;', '&'), headers: manager.headers });
      assert.equal(alertRowsIn(list.body), Number(n), href);
    }
    const open = await t.app.inject({ method: 'GET', url: '/alerts', headers: manager.headers });
    assert.equal(alertRowsIn(open.body), count(page.body, 'open-alerts'));
    assert.match(page.body, /<svg role="img"/);
    assert.match(page.body, /Alerts held on each date, by rule/);
  });

  it('the register downloads as CSV, one row per duty', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/reports/register.csv', headers: manager.headers });
    assert.equal(csv.statusCode, 200);
    const lines = csv.body.trimEnd().split('\r\n');
    assert.match(lines[0]!, /^personId,name,nhsNumber,dutyId,qualifyingDetention/);
    assert.equal(lines.length, 1 + 2);
  });
});
