import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../src/platform/context.ts';
import { rowsOf } from '../../../src/platform/db/client.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';

interface World {
  t: TestApp;
  manager: SignedIn;
  personId: string;
  ctx: ServiceContext;
}

async function withPerson(work: (world: World) => Promise<void>) {
  const t = await createTestApp();
  try {
    await t.createOrganisation({ id: 'org-icb', name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1' });
    const organisationId = await t.createOrganisation({ id: 'org-north', name: 'Northshire County Council', code: 'E10000001' });
    const manager = await t.signedInUser(['team_manager'], { organisationId });
    const ctx: ServiceContext = { actor: { kind: 'user', id: manager.id, name: 'Manager', organisationId, teamId: null, roles: ['team_manager'] }, requestId: 'test', now: new Date() };
    const { id } = await t.services.register.createPerson(ctx, { givenName: 'Ada', familyName: 'Lovelace', nhsNumber: '9434765919' });
    await work({ t, manager, personId: id, ctx });
  } finally {
    await t.close();
  }
}

const post = (world: World, url: string, fields: Record<string, string>, csrf = true) =>
  world.t.app.inject({
    method: 'POST',
    url,
    headers: { ...world.manager.headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, ...(csrf ? { _csrf: world.manager.csrfToken } : {}) }).toString(),
  });
const get = (world: World, url: string) => world.t.app.inject({ method: 'GET', url, headers: world.manager.headers });
const count = async (world: World, from: string) => rowsOf<{ n: number }>(await world.t.database.db.execute(sql.raw(`select count(*)::int as n from ${from}`)))[0]?.n ?? 0;

test('a detention, then a duty, added through the forms appear on the case and in the identity bar', () =>
  withPerson(async (world) => {
    const base = `/people/${world.personId}`;
    const form = await get(world, `${base}/detentions/new`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1 class="govuk-heading-l">Add a detention<\/h1>/);
    assert.match(form.body, /moj-identity-bar/);

    const saved = await post(world, `${base}/detentions/new`, { section: '3', 'start-day': '10', 'start-month': '1', 'start-year': '2025', 'end-day': '1', 'end-month': '6', 'end-year': '2025' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${base}/duties`);
    const [detention] = (await world.t.services.register.getCase(world.ctx, world.personId)).detentions;
    assert.ok(detention);

    const dutyForm = await get(world, `${base}/duties/new`);
    assert.match(dutyForm.body, /Section 3 from 10 January 2025/);
    assert.match(dutyForm.body, /Northshire County Council/);
    const duty = await post(world, `${base}/duties/new`, {
      detentionId: detention.id, 'start-day': '1', 'start-month': '6', 'start-year': '2025', localAuthorityId: 'org-north', healthBodyId: 'org-icb',
    });
    assert.equal(duty.statusCode, 303);
    const page = await get(world, `${base}/duties`);
    assert.match(page.body, /Section 117 duty from 1 June 2025/);
    assert.match(page.body, /Open duty<span class="govuk-visually-hidden"> from 1 June 2025: Northshire County Council and NHS Northshire ICB<\/span>/);
    assert.match(page.body, /Section 3, 10 January 2025 to 1 June 2025/);
  }));

test('a form with mistakes shows every error, keeps the answers and writes nothing', () =>
  withPerson(async (world) => {
    const base = `/people/${world.personId}`;
    const changesBefore = await count(world, "audit_event where action <> 'case.view'");
    const response = await post(world, `${base}/duties/new`, { detentionId: '', 'start-day': '31', 'start-month': '2', 'start-year': '2025', localAuthorityId: 'org-icb', healthBodyId: '' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Add a section 117 duty – Ada Lovelace – Aftercare<\/title>/);
    // The schema's errors and the reference checks together: the council chosen is an ICB.
    for (const href of ['#detentionId', '#start-day', '#localAuthorityId', '#healthBodyId']) assert.match(response.body, new RegExp(`href="${href}"`), href);
    assert.match(response.body, /value="31"/);
    assert.equal(await count(world, 'duties'), 0);
    assert.equal(await count(world, "audit_event where action <> 'case.view'"), changesBefore);

    const contact = await post(world, `${base}/contacts/new`, { name: 'Sam', role: 'carer', actsForPerson: 'yes', consent: 'yes' });
    assert.equal(contact.statusCode, 400);
    assert.match(contact.body, /href="#consentDate-day"/);
    assert.equal(await count(world, 'contacts'), 0);

    // With the fields well formed, the organisations are checked: a council must be a council.
    const detention = await world.t.services.register.addDetention(world.ctx, world.personId, { section: '3', start: '2025-01-10' });
    const wrongKind = await post(world, `${base}/duties/new`, { detentionId: detention.id, 'start-day': '1', 'start-month': '6', 'start-year': '2025', localAuthorityId: 'org-icb', healthBodyId: 'org-north' });
    assert.equal(wrongKind.statusCode, 400);
    assert.match(wrongKind.body, /href="#localAuthorityId">Select the responsible council from the list/);
    assert.match(wrongKind.body, /href="#healthBodyId">Select the responsible ICB or health board from the list/);
    assert.equal(await count(world, 'duties'), 0);
  }));

test('ending an allocation from a stale page shows the conflict page with both values', () =>
  withPerson(async (world) => {
    const register = world.t.services.register;
    const detention = await register.addDetention(world.ctx, world.personId, { section: '3', start: '2025-01-10', end: '2025-06-01' });
    const duty = await register.addDuty(world.ctx, world.personId, { detentionId: detention.id, start: '2025-06-01', localAuthorityId: 'org-north', healthBodyId: 'org-icb' });
    const allocationForm = await get(world, `/people/${world.personId}/allocations/new`);
    assert.match(allocationForm.body, /Test User/);
    const allocated = await post(world, `/people/${world.personId}/allocations/new`, { dutyId: duty.id, staffId: world.manager.id, 'from-day': '2', 'from-month': '6', 'from-year': '2025' });
    assert.equal(allocated.statusCode, 303);
    const [allocation] = (await register.getCase(world.ctx, world.personId)).allocations;
    assert.ok(allocation);
    const endUrl = `/people/${world.personId}/allocations/${allocation.id}/end`;
    const endForm = await get(world, endUrl);
    assert.match(endForm.body, /name="version" value="1"/);
    // Someone else ends it first.
    await register.endAllocation(world.ctx, world.personId, allocation.id, { to: '2025-07-01', version: 1 });
    const stale = await post(world, endUrl, { version: '1', 'to-day': '1', 'to-month': '8', 'to-year': '2025' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this record/);
    assert.match(stale.body, /End date/);
    assert.match(stale.body, /1 July 2025/);
    assert.match(stale.body, /1 August 2025/);
    assert.equal((await register.getCase(world.ctx, world.personId)).allocations[0]?.to, '2025-07-01');
  }));

test('a practitioner may not allocate, and another organisation cannot open the forms', () =>
  withPerson(async (world) => {
    const practitioner = await world.t.signedInUser(['practitioner'], { organisationId: 'org-north' });
    const refused = await world.t.app.inject({ method: 'GET', url: `/people/${world.personId}/allocations/new`, headers: practitioner.headers });
    assert.equal(refused.statusCode, 403);
    const south = await world.t.signedInUser(['team_manager'], { organisationId: await world.t.createOrganisation({ id: 'org-south', name: 'Southshire' }) });
    const hidden = await world.t.app.inject({ method: 'GET', url: `/people/${world.personId}/contacts/new`, headers: south.headers });
    assert.equal(hidden.statusCode, 404);
    const write = await world.t.app.inject({
      method: 'POST',
      url: `/people/${world.personId}/contacts/new`,
      headers: { ...south.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ name: 'X', role: 'carer', actsForPerson: 'no', _csrf: south.csrfToken }).toString(),
    });
    assert.equal(write.statusCode, 404);
    assert.equal(await count(world, 'contacts'), 0);
  }));

test('every section page of the case renders its heading under the identity bar', () =>
  withPerson(async (world) => {
    for (const [path, heading] of [['', 'Overview'], ['/duties', 'Detentions and duties'], ['/contacts', 'Contacts'], ['/residence', 'Residence and GP'], ['/allocation', 'Allocation']]) {
      const page = await get(world, `/people/${world.personId}${path}`);
      assert.equal(page.statusCode, 200, path);
      assert.match(page.body, new RegExp(`<h1 class="govuk-heading-l">${heading} `), path);
      assert.match(page.body, /aria-current="page"/);
    }
    assert.equal(await count(world, "audit_event where action = 'case.view'"), 5);
  }));

test('sharing a case through its page lets the other organisation see it', () =>
  withPerson(async (world) => {
    await world.t.createOrganisation({ id: 'org-south', name: 'Southshire County Council' });
    const form = await get(world, `/people/${world.personId}/shares/new`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Southshire County Council/);
    assert.doesNotMatch(form.body, /<option value="org-north">/, 'not with the organisation that already holds it');
    const shared = await post(world, `/people/${world.personId}/shares/new`, { organisationId: 'org-south' });
    assert.equal(shared.statusCode, 303);
    assert.equal(shared.headers.location, `/people/${world.personId}`);
    const overview = await get(world, `/people/${world.personId}`);
    assert.match(overview.body, /<li>Southshire County Council<\/li>/);
    const south = await world.t.signedInUser(['practitioner'], { organisationId: 'org-south' });
    const seen = await world.t.app.inject({ method: 'GET', url: `/people/${world.personId}`, headers: south.headers });
    assert.equal(seen.statusCode, 200);
    assert.equal(await count(world, "audit_event where action = 'case.share'"), 1);
  }));

test('personal details can be changed (an emptied box clears the field); a stale page is a conflict', () =>
  withPerson(async (world) => {
    const url = `/people/${world.personId}/edit`;
    await world.t.services.register.updatePerson(world.ctx, world.personId, { phone: '01234 567890', version: 1 });
    const form = await get(world, url);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="version" value="2"/);
    assert.match(form.body, /value="943 476 5919"/);
    assert.match(form.body, /value="01234 567890"/);
    const saved = await post(world, url, { version: '2', givenName: 'Ada', familyName: 'King', nhsNumber: '943 476 5919', phone: '', address: '1 High Street\nWorcester' });
    assert.equal(saved.statusCode, 303);
    const person = (await world.t.services.register.getCase(world.ctx, world.personId)).person;
    assert.equal(person.familyName, 'King');
    assert.equal(person.phone, undefined);
    assert.deepEqual(person.address, ['1 High Street', 'Worcester']);
    const stale = await post(world, url, { version: '2', givenName: 'Ada', familyName: 'Byron' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Family name/);
    assert.match(stale.body, /King/);
    assert.match(stale.body, /Byron/);
  }));
