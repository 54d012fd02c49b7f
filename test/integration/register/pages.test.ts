import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/platform/db/client.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';

async function withApp(work: (t: TestApp, manager: SignedIn) => Promise<void>) {
  const t = await createTestApp();
  try {
    await t.createOrganisation({ id: 'org-icb', name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1' });
    const manager = await t.signedInUser(['team_manager'], { organisationId: await t.createOrganisation({ id: 'org-north', name: 'Northshire County Council', code: 'E10000001' }) });
    await work(t, manager);
  } finally {
    await t.close();
  }
}

const count = async (t: TestApp, table: string) => rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;

const form = (fields: Record<string, string>, csrf: string) => new URLSearchParams({ ...fields, _csrf: csrf }).toString();
const formHeaders = (user: SignedIn) => ({ ...user.headers, 'content-type': 'application/x-www-form-urlencoded' });

test('add a person: the form, check your answers, then the person page with the identity bar', () =>
  withApp(async (t, manager) => {
    const blank = await t.app.inject({ method: 'GET', url: '/people/new', headers: manager.headers });
    assert.equal(blank.statusCode, 200);
    assert.match(blank.body, /<h1 class="govuk-heading-l">Add a person to the register<\/h1>/);
    assert.match(blank.body, /name="_csrf"/);

    const fields = { nhsNumber: '943 476 5919', givenName: 'Ada', familyName: 'Lovelace', 'dateOfBirth-day': '12', 'dateOfBirth-month': '3', 'dateOfBirth-year': '1990' };
    const check = await t.app.inject({ method: 'POST', url: '/people/new', headers: formHeaders(manager), payload: form(fields, manager.csrfToken) });
    assert.equal(check.statusCode, 200, check.body);
    assert.match(check.body, /Check the person’s details/);
    assert.match(check.body, /943 476 5919/);
    assert.match(check.body, /12 March 1990/);
    assert.equal(await count(t, 'people'), 0);

    const created = await t.app.inject({ method: 'POST', url: '/people/new/check', headers: formHeaders(manager), payload: form(fields, manager.csrfToken) });
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location);
    assert.match(location, /^\/people\/[\w-]+$/);

    const page = await t.app.inject({ method: 'GET', url: location, headers: manager.headers });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /moj-identity-bar/);
    assert.match(page.body, /Ada Lovelace/);
    assert.match(page.body, /NHS number <span class="app-nhs-number">943 476 5919<\/span>/);
    assert.match(page.body, /Date of birth 12 March 1990/);
    assert.match(page.body, /moj-sub-navigation/);
    assert.match(page.body, /<title>Overview – Ada Lovelace – Aftercare<\/title>/);
    assert.equal(await count(t, 'people'), 1);
  }));

test('a form with errors shows the error summary, keeps the answers, and writes nothing', () =>
  withApp(async (t, manager) => {
    const fields = { nhsNumber: '943 476 5918', givenName: 'Ada', familyName: '', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1990' };
    const response = await t.app.inject({ method: 'POST', url: '/people/new', headers: formHeaders(manager), payload: form(fields, manager.csrfToken) });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: Add a person to the register – Aftercare<\/title>/);
    assert.match(response.body, /govuk-error-summary/);
    assert.match(response.body, /href="#familyName"/);
    assert.match(response.body, /href="#nhsNumber"/);
    assert.match(response.body, /href="#dateOfBirth-day"/);
    assert.match(response.body, /value="Ada"/);
    assert.equal(await count(t, 'people'), 0);
    assert.equal(await count(t, "audit_event where action like 'person.%'"), 0);
  }));

test('a POST without the CSRF token is refused with 403 and changes nothing', () =>
  withApp(async (t, manager) => {
    const fields = { givenName: 'Ada', familyName: 'Lovelace' };
    const response = await t.app.inject({ method: 'POST', url: '/people/new/check', headers: formHeaders(manager), payload: new URLSearchParams(fields).toString() });
    assert.equal(response.statusCode, 403);
    assert.equal(await count(t, 'people'), 0);
  }));

test('the register lists people with the filter, a sortable table and a count; another organisation sees none', () =>
  withApp(async (t, manager) => {
    const ctx = { actor: { kind: 'user' as const, id: manager.id, name: 'M', organisationId: manager.organisationId, teamId: null, roles: ['team_manager' as const] }, requestId: 'r', now: new Date() };
    for (const [givenName, familyName] of [['Ada', 'Lovelace'], ['Alan', 'Turing'], ['Grace', 'Hopper']]) {
      await t.services.register.createPerson(ctx, { givenName, familyName });
    }
    const list = await t.app.inject({ method: 'GET', url: '/people?sort=name&order=desc', headers: manager.headers });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /moj-filter/);
    assert.match(list.body, /3 people/);
    assert.match(list.body, /aria-sort="descending"/);
    assert.ok(list.body.indexOf('Turing, Alan') < list.body.indexOf('Hopper, Grace'));
    // Pages: next and previous follow keyset cursors and keep the sort; a cursor that does not fit starts again.
    const first = await t.app.inject({ method: 'GET', url: '/people?sort=name&order=desc&pageSize=2', headers: manager.headers });
    const next = /<a class="govuk-link govuk-pagination__link" href="([^"]*after=[^"]+)" rel="next"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(next && next.includes('order=desc'), 'a next link by cursor, keeping the order');
    const second = await t.app.inject({ method: 'GET', url: next, headers: manager.headers });
    assert.match(second.body, /Hopper, Grace/);
    assert.doesNotMatch(second.body, /Turing, Alan/);
    assert.match(second.body, /href="[^"]*before=[^"]+" rel="prev"/);
    const stale = await t.app.inject({ method: 'GET', url: '/people?after=not-a-cursor', headers: manager.headers });
    assert.equal(stale.statusCode, 200);
    assert.match(stale.body, /Hopper, Grace/);
    const searched = await t.app.inject({ method: 'GET', url: '/people?q=hop', headers: manager.headers });
    assert.match(searched.body, /1 person/);
    assert.match(searched.body, /Selected filters/);

    const south = await t.signedInUser(['team_manager'], { organisationId: await t.createOrganisation({ id: 'org-south', name: 'Southshire' }) });
    const theirs = await t.app.inject({ method: 'GET', url: '/people', headers: south.headers });
    assert.match(theirs.body, /0 people/);
    assert.doesNotMatch(theirs.body, /Lovelace/);
    const people = await t.services.register.listPeople(ctx, {});
    const hidden = await t.app.inject({ method: 'GET', url: `/people/${people.people[0]?.id}`, headers: south.headers });
    assert.equal(hidden.statusCode, 404);
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/people/${people.people[0]?.id}`, headers: south.headers });
    assert.equal(api.statusCode, 404);
    assert.match(String(api.headers['content-type']), /application\/problem\+json/);
  }));

test('the case sub-navigation groups every section, links each group to its first page, and marks the current page', () =>
  withApp(async (t, manager) => {
    const { personSections, personSectionGroups } = await import('../../../src/app/person-sections.ts');
    const ctx = { actor: { kind: 'user' as const, id: manager.id, name: 'M', organisationId: manager.organisationId, teamId: null, roles: ['team_manager' as const] }, requestId: 'r', now: new Date() };
    const { id } = await t.services.register.createPerson(ctx, { givenName: 'Ada', familyName: 'Lovelace' });
    const overview = await t.app.inject({ method: 'GET', url: `/people/${id}`, headers: manager.headers });
    const groupNav = /<nav class="moj-sub-navigation app-person-navigation" aria-label="Sections of the case">([\s\S]*?)<\/nav>/.exec(overview.body)?.[1] ?? '';
    assert.deepEqual([...groupNav.matchAll(/>([^<>]+)<\/a>/g)].map((m) => m[1]), [...personSectionGroups]);
    assert.ok(groupNav.includes(`href="/people/${id}" aria-current="true">Case<`));
    for (const group of personSectionGroups) {
      const first = personSections.find((s) => s.group === group);
      if (first && group !== 'Case') assert.ok(groupNav.includes(`href="${first.href(id)}">${group}<`), group);
    }
    // Every section the capabilities add opens, in its group, with itself marked as the current page.
    for (const section of personSections) {
      const page = await t.app.inject({ method: 'GET', url: section.href(id), headers: manager.headers });
      assert.equal(page.statusCode, 200, section.key);
      assert.match(page.body, new RegExp(`aria-current="page" href="${section.href(id)}"|href="${section.href(id)}" aria-current="page"`), section.key);
      for (const sibling of personSections.filter((s) => s.group === section.group)) assert.ok(page.body.includes(`href="${sibling.href(id)}"`), `${section.key} links to ${sibling.key}`);
    }
  }));
