import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordAudit } from '../../../../src/platform/audit/audit-trail.ts';
import { auditEvents } from '../../../../src/platform/audit/tables.ts';
import { systemContext } from '../../../../src/platform/context.ts';
import { createTestApp } from '../../../support/app.ts';

test('auditors search the trail by person, user and date range; the search itself is audited', async () => {
  const t = await createTestApp();
  try {
    const auditor = await t.signedInUser(['auditor']);
    const worker = await t.createUser(['practitioner'], { email: 'worker@example.org', name: 'Wendy Worker' });
    const actor = { kind: 'user' as const, id: worker.id, name: 'Wendy Worker', organisationId: worker.organisationId, teamId: null, roles: ['practitioner' as const] };
    await recordAudit(t.database.db, { actor, requestId: 'r1', now: new Date('2026-03-02T12:00:00Z') }, { action: 'case.view', personId: 'person-7' });
    await recordAudit(t.database.db, { actor, requestId: 'r2', now: new Date('2026-03-10T12:00:00Z') }, { action: 'duty.update', personId: 'person-7', recordType: 'duty', recordId: 'du1', before: { end: null }, after: { end: '2026-03-10' } });
    await recordAudit(t.database.db, systemContext('r3', new Date('2026-03-05T12:00:00Z')), { action: 'case.view', personId: 'person-8' });

    const form = (await t.app.inject({ url: '/audit', headers: auditor.headers })).body;
    const names = [...form.matchAll(/<input[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    for (const name of ['personId', 'user', 'fromDay', 'fromMonth', 'fromYear', 'toDay', 'toMonth', 'toYear']) assert.ok(names.includes(name), `the form sends ${name}`);

    const byPerson = await t.app.inject({ url: '/audit?personId=person-7', headers: auditor.headers });
    assert.equal(byPerson.statusCode, 200);
    assert.match(byPerson.body, /2 events/);
    assert.match(byPerson.body, /duty\.update/);
    assert.match(byPerson.body, /Wendy Worker/);
    assert.match(byPerson.body, /2026-03-10/, 'before/after shown');

    const byEmail = await t.app.inject({ url: '/audit?user=worker%40example.org&fromDay=1&fromMonth=3&fromYear=2026&toDay=5&toMonth=3&toYear=2026', headers: auditor.headers });
    assert.match(byEmail.body, /1 event</);
    assert.match(byEmail.body, /case\.view/);

    const badDate = await t.app.inject({ url: '/audit?fromDay=31&fromMonth=2&fromYear=2026', headers: auditor.headers });
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.body, /href="#fromDay"[^>]*>Date from must be a real date/);

    const searches = (await t.database.db.select().from(auditEvents)).filter((e) => e.action === 'audit.search');
    assert.equal(searches.length, 2);
    assert.equal(searches[0]?.actorId, auditor.id);
  } finally {
    await t.close();
  }
});

test('the audit page is refused to roles without audit:read', async () => {
  const t = await createTestApp();
  try {
    for (const role of ['practitioner', 'team_manager', 'panel_member', 'commissioner', 'complaints_officer'] as const) {
      const user = await t.signedInUser([role]);
      assert.equal((await t.app.inject({ url: '/audit?personId=p1', headers: user.headers })).statusCode, 403, role);
    }
    const admin = await t.signedInUser(['admin']);
    assert.equal((await t.app.inject({ url: '/audit', headers: admin.headers })).statusCode, 200);
  } finally {
    await t.close();
  }
});
