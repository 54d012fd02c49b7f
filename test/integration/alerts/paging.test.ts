/**
 * Keyset pages of the alerts: the API's optional `limit`/`after` (an extension of aftercare.alerts/v1) and
 * the alerts page's previous/next, each walked from the first page to the last and compared with the whole
 * list (ties in the sort key: the same case imported for several people), filters kept across pages,
 * acknowledged alerts hidden from the open pages, and the count that stops at its limit.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemContext, type ServiceContext } from '../../../src/platform/context.ts';
import type { ListedAlert } from '../../../src/modules/alerts/api-schemas.ts';
import { filterAlerts, groupCounts } from '../../../src/modules/reports/dashboard.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';
import { fixture } from './support.ts';

let t: TestApp;
let manager: SignedIn;
let ctx: ServiceContext;
const people = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5'];

before(async () => {
  t = await createTestApp();
  const file = fixture('law/TC-04.json');
  for (const id of people) await t.services.register.importCaseFileAlone(systemContext(), { ...file, person: { ...file.person, id } });
  const council = (await t.services.register.readCaseFile(t.services.db, 'p-1')).duties[0]!.localAuthorityId;
  manager = await t.signedInUser(['team_manager'], { organisationId: council });
  ctx = { ...systemContext(), actor: { ...systemContext().actor, kind: 'user', id: manager.id, organisationId: council, roles: ['team_manager'] } };
});
after(async () => {
  await t.close();
});

const keyOf = (a: ListedAlert) => `${a.personId}/${a.id}/${a.subject.kind}/${a.subject.id}`;

describe('alerts by keyset page', () => {
  it('the API pages by cursor through the same document, today and on another date', async () => {
    for (const asOf of ['', '&asOf=2025-06-30']) {
      const whole = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts?${asOf}`, headers: manager.headers })).json();
      assert.equal(whole.nextCursor, undefined, 'unpaged, the document is the contract one');
      assert.ok(whole.alerts.length > 6, `enough alerts to page (${asOf}: ${whole.alerts.length})`);
      const walked: ListedAlert[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/v1/alerts?limit=3${asOf}${cursor ? `&after=${cursor}` : ''}`;
        const response = await t.app.inject({ method: 'GET', url, headers: manager.headers });
        assert.equal(response.statusCode, 200);
        const page = response.json<{ schema: string; alerts: ListedAlert[]; nextCursor: string | null }>();
        assert.equal(page.schema, 'aftercare.alerts/v1');
        assert.ok(page.alerts.length <= 3);
        walked.push(...page.alerts);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      assert.deepEqual(walked, whole.alerts, asOf || 'today');
      assert.equal(pages, Math.ceil(whole.alerts.length / 3));
    }
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/alerts?limit=3&after=nonsense', headers: manager.headers });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(bad.json().errors.map((e: { path: string }) => e.path), ['after']);
  });

  it('the alerts page walks forwards and back in its order, filters kept, acknowledged alerts hidden', async () => {
    const open = await t.services.alerts.openAlerts(ctx);
    for (const filter of [{}, { severity: 'high' }, { rule: open[0]!.id }]) {
      const expected = filterAlerts(open, filter).map(keyOf);
      const pages: string[][] = [];
      let page = await t.services.alerts.alertsPage(ctx, { ...filter, pageSize: 2 });
      assert.equal(page.previousCursor, null);
      for (;;) {
        assert.equal(page.total, expected.length, 'the count is the whole filtered list');
        pages.push(page.alerts.map(keyOf));
        if (!page.nextCursor) break;
        page = await t.services.alerts.alertsPage(ctx, { ...filter, pageSize: 2, after: page.nextCursor });
        assert.equal(page.page, pages.length + 1);
      }
      assert.deepEqual(pages.flat(), expected, JSON.stringify(filter));
      const back: string[][] = [page.alerts.map(keyOf)];
      while (page.previousCursor) {
        page = await t.services.alerts.alertsPage(ctx, { ...filter, pageSize: 2, before: page.previousCursor });
        back.unshift(page.alerts.map(keyOf));
      }
      assert.deepEqual(back, pages, `${JSON.stringify(filter)}: back`);
    }
    // A cursor made for one filter does not page another.
    const first = await t.services.alerts.alertsPage(ctx, { pageSize: 2 });
    await assert.rejects(t.services.alerts.alertsPage(ctx, { severity: 'high', pageSize: 2, after: first.nextCursor! }), (e: unknown) => e instanceof Error && 'issues' in e);
    // Acknowledged: hidden from the open pages, flagged on every page of all.
    const target = open[3]!;
    await t.services.alerts.acknowledge(ctx, target.personId, { ruleId: target.id, subjectKind: target.subject.kind, subjectId: target.subject.id, reason: 'In hand', lookAgainOn: '2099-01-01' });
    const openNow = await t.services.alerts.alertsPage(ctx, { pageSize: 100 });
    assert.deepEqual(openNow.alerts.map(keyOf), open.filter((a) => keyOf(a) !== keyOf(target)).map(keyOf));
    const all = await t.services.alerts.alertsPage(ctx, { show: 'all', pageSize: 100 });
    assert.equal(all.alerts.find((a) => keyOf(a) === keyOf(target))?.acknowledged, true);
    assert.equal(all.total, open.length);
    // The dashboard's counts, counted in SQL, equal the open list grouped (the acknowledged alert left out).
    const openAfter = await t.services.alerts.openAlerts(ctx);
    const counts = await t.services.alerts.openAlertCounts(ctx);
    assert.equal(counts.total, open.length - 1);
    assert.deepEqual(counts.bySeverity, groupCounts(openAfter, 'severity'));
    assert.deepEqual(counts.byRule, groupCounts(openAfter, 'rule'));
    assert.deepEqual((await t.services.alerts.openAlertsOf(ctx, ['p-2'])).map(keyOf), openAfter.filter((a) => a.personId === 'p-2').map(keyOf));
  });

  it('the page shows the count, previous and next; past the count limit it says more than', async () => {
    const open = await t.services.alerts.openAlerts(ctx);
    const capped = await t.services.alerts.alertsPage(ctx, { pageSize: 2 }, 3);
    assert.deepEqual([capped.total, capped.totalExact], [3, false]);
    assert.ok(open.length > 3 && capped.nextCursor);
    const body = (await t.app.inject({ method: 'GET', url: '/alerts?severity=high', headers: manager.headers })).body;
    const high = open.filter((a) => a.severity === 'high').length;
    assert.match(body, new RegExp(`>${high} alerts?<`));
    const stale = await t.app.inject({ method: 'GET', url: '/alerts?severity=high&after=not-a-cursor', headers: manager.headers });
    assert.equal(stale.statusCode, 200, 'a cursor that does not fit starts again at the first page');
    assert.match(stale.body, new RegExp(`>${high} alerts?<`));
  });
});
