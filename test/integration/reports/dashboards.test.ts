/**
 * Dashboards through the app: every count equals the length of the list its link shows (duty lists and the
 * filtered alerts list), the organisation chart has its numbers in a table, and the register CSV has one row
 * per duty.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { systemContext } from '../../../src/platform/context.ts';
import { teams } from '../../../src/platform/organisations/tables.ts';
import { users } from '../../../src/platform/users/tables.ts';
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
  // The manager works in a team and is allocated p-a's duty: p-a's alerts count under that team, p-b's under none.
  await t.database.db.insert(teams).values({ id: 'team-north', organisationId: council, name: 'North locality team' });
  await t.database.db.update(users).set({ teamId: 'team-north' }).where(eq(users.id, manager.id));
  const managerCtx = { ...systemContext(), actor: { ...systemContext().actor, organisationId: council } };
  const duty = (await t.services.register.readCaseFile(t.services.db, 'p-a')).duties[0]!;
  await t.services.register.allocateWorker(managerCtx, 'p-a', { dutyId: duty.id, staffId: manager.id, from: duty.start });
  // Two open actions owned by the manager (one overdue), one done, and one owned by somebody else.
  const meetings = t.services.coordination;
  await meetings.addAction(managerCtx, 'p-a', { text: 'Ring the GP', ownerId: manager.id, due: '2099-02-01' });
  await meetings.addAction(managerCtx, 'p-b', { text: 'Send the plan to the person', ownerId: manager.id, due: '2020-01-10' });
  const done = await meetings.addAction(managerCtx, 'p-a', { text: 'Book the review', ownerId: manager.id, due: '2020-01-01' });
  await meetings.completeAction(managerCtx, 'p-a', done.id, { completedOn: '2020-01-02', version: 1 });
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
    assert.equal(count(page.body, 'unallocated'), 1, 'p-b only: p-a is allocated to the manager');
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

  it('counts alerts by rule and by team over time, each count linking to the alerts behind it', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/dashboard', headers: manager.headers });
    assert.match(page.body, /Alerts held on each date, by team/);
    assert.match(page.body, /<th scope="row" class="govuk-table__header">North locality team<\/th>/);
    assert.match(page.body, /No team \(nobody allocated, or the worker has no team\)/);
    const links = [...page.body.matchAll(/href="(\/dashboard\/alerts-held\?[^"]+)" data-held-count="(\d+)"/g)];
    const teamLinks = links.filter(([, href]) => href!.includes('team='));
    assert.ok(teamLinks.length >= 2 && links.some(([, href]) => href!.includes('rule=')));
    for (const [, href, n] of links) {
      const list = await t.app.inject({ method: 'GET', url: href!.replaceAll('&amp;', '&'), headers: manager.headers });
      assert.equal(list.statusCode, 200);
      assert.equal((list.body.match(/data-alert-row/g) ?? []).length, Number(n), href);
    }
    // Today the team holds exactly p-a's current alerts, and "none" exactly p-b's.
    const today = links.at(-1)![1]!.match(/on=([0-9-]+)/)![1]!;
    const heldBy = async (team: string) => {
      const list = await t.app.inject({ method: 'GET', url: `/dashboard/alerts-held?on=${today}&team=${team}`, headers: manager.headers });
      return [...list.body.matchAll(/href="\/people\/(p-[ab])\/alerts"/g)].map((m) => m[1]);
    };
    const current = await t.services.alerts.listAlerts(systemContext());
    const ofPerson = (id: string) => current.alerts.filter((a) => a.personId === id).length;
    assert.ok(ofPerson('p-a') > 0);
    assert.deepEqual(await heldBy('team-north'), Array(ofPerson('p-a')).fill('p-a'));
    assert.deepEqual(await heldBy('none'), Array(ofPerson('p-b')).fill('p-b'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/dashboard/alerts-held?on=2026-02-30', headers: manager.headers })).statusCode, 404);
  });

  it('shows the actions due of the signed-in user, overdue first, linking to each', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/dashboard', headers: manager.headers });
    const rows = [...page.body.matchAll(/<tr class="govuk-table__row" data-my-action>(.*?)<\/tr>/g)].map((m) => m[1]!);
    assert.equal(rows.length, 2);
    assert.match(rows[0]!, /Send the plan to the person/);
    assert.match(rows[0]!, /Overdue/);
    assert.match(rows[1]!, /Ring the GP/);
    assert.match(rows[1]!, /To do/);
    assert.match(rows[0]!, /href="\/people\/p-b\/actions\/[^"]+\/complete"/);
    assert.equal(count(page.body, 'my-actions'), 2);
    const myActions = await t.app.inject({ method: 'GET', url: '/my-actions', headers: manager.headers });
    assert.equal((myActions.body.match(/<tr class="govuk-table__row">/g) ?? []).length - 1, 2);
    const other = await t.signedInUser(['team_manager'], { organisationId: manager.organisationId });
    const theirs = await t.app.inject({ method: 'GET', url: '/dashboard', headers: other.headers });
    assert.equal(count(theirs.body, 'my-actions'), 0);
  });

  it('the register downloads as CSV, one row per duty', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/reports/register.csv', headers: manager.headers });
    assert.equal(csv.statusCode, 200);
    const lines = csv.body.trimEnd().split('\r\n');
    assert.match(lines[0]!, /^personId,name,nhsNumber,dutyId,qualifyingDetention/);
    assert.equal(lines.length, 1 + 2);
  });
});
