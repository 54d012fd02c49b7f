/**
 * Signing in and what each role may see: every demo role lands where its roles allow, the auditor reaches
 * the audit trail and the practitioner does not, an organisation sees only its own people, sign-out ends
 * the session, a form without its CSRF token is refused, and the sign-in page works from the keyboard.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayInLondon } from '../../src/domain/calendar/civil-date.ts';
import { generateDemoCaseFiles } from '../../src/demo/case-file-generator.ts';
import { demoOrganisationIds } from '../../src/demo/organisations.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SEED, demoUsers } from '../../src/modules/register/demo/seed.ts';
import type { Role } from '../../src/platform/context.ts';
import { demoUser, journeys, resultCount, tabOrder, expectVisibleFocus, focusedId } from './support/journey.ts';

const j = journeys();

/**
 * Which parts of the service each role may open. Where a role lands is not fixed here: it is the first
 * item of its menu (capabilities add menu items), and the journey checks that it lands there.
 */
const expectations: Record<Role, { people: boolean; audit: boolean; addPerson: boolean }> = {
  practitioner: { people: true, audit: false, addPerson: true },
  team_manager: { people: true, audit: false, addPerson: true },
  panel_member: { people: true, audit: false, addPerson: false },
  commissioner: { people: true, audit: false, addPerson: true },
  complaints_officer: { people: true, audit: false, addPerson: true },
  auditor: { people: true, audit: true, addPerson: false },
  admin: { people: false, audit: true, addPerson: false },
};

test('every demo role signs in and sees what its role allows', async () => {
  assert.deepEqual(demoUsers.map((u) => u.role).sort(), Object.keys(expectations).sort(), 'a demo role without expectations here');
  for (const user of demoUsers) {
    const expected = expectations[user.role];
    const s = await j.signedIn(user.role);
    const { page } = s;
    await j.check(s, expected.addPerson ? 'can add people' : 'reads only');
    await assert.doesNotReject(page.getByText(user.name).first().waitFor(), `${user.role}: the header names the user`);

    const menu = page.getByRole('navigation', { name: 'Menu' });
    const firstItem = await menu.getByRole('link').first().getAttribute('href');
    assert.equal(new URL(page.url()).pathname, firstItem, `${user.role} lands on the first item of their menu`);
    assert.equal(await menu.getByRole('link', { name: 'People' }).count(), expected.people ? 1 : 0, `${user.role}: People in the menu`);
    assert.equal(await menu.getByRole('link', { name: 'Audit trail' }).count(), expected.audit ? 1 : 0, `${user.role}: Audit trail in the menu`);
    // The other pages' statuses with the same session (their pages are scanned by the journeys that open them).
    const status = async (path: string) => (await page.request.get(path, { maxRedirects: 0 })).status();
    assert.equal(await status('/audit'), expected.audit ? 200 : 403, `${user.role}: /audit`);
    assert.equal(await status('/people'), expected.people ? 200 : 403, `${user.role}: /people`);
    assert.equal(await status('/people/new'), expected.addPerson ? 200 : 403, `${user.role}: /people/new`);
    if (expected.people) {
      await j.visit(s, '/people', { state: expected.addPerson ? 'can add people' : 'reads only' });
      assert.equal(await page.getByRole('button', { name: 'Add a person' }).count(), expected.addPerson ? 1 : 0, `${user.role}: Add a person`);
    }
    await s.context.close();
  }
});

test('a page the role may not open is a 403 page; the auditor reaches the audit trail', async () => {
  const practitioner = await j.signedIn('practitioner');
  await j.visit(practitioner, '/audit', { status: 403 });
  assert.match((await practitioner.page.getByRole('heading', { level: 1 }).textContent()) ?? '', /permission|not allowed|forbidden/i);
  const auditor = await j.signedIn('auditor');
  await j.visit(auditor, '/audit');
  await Promise.all([practitioner.context.close(), auditor.context.close()]);
});

test('the register shows an organisation only its own people', async () => {
  // From the demo seed: someone whose duties name the ICB but never Worcestershire County Council.
  const files = generateDemoCaseFiles({ seed: DEMO_SEED, people: DEMO_PEOPLE, asOf: todayInLondon(new Date()), sections: 'register' });
  const outsider = files.find(
    (f) =>
      f.person.nhsNumber &&
      f.duties.some((d) => d.healthBodyId === demoOrganisationIds.icbHerefordshireWorcestershire) &&
      f.duties.every((d) => d.localAuthorityId !== demoOrganisationIds.worcestershire),
  );
  assert.ok(outsider?.person.nhsNumber, 'the demo seed has a person outside Worcestershire but inside the ICB');
  const search = `/people?q=${outsider.person.nhsNumber}`;

  const icb = await j.signedIn('commissioner');
  await j.visit(icb, search, { state: 'filtered' });
  assert.equal(await resultCount(icb.page), 1, 'the ICB finds the person');
  await Promise.all([icb.page.waitForURL(`**/people/${outsider.person.id}`), icb.page.getByRole('link', { name: outsider.person.familyName }).click()]);
  await j.check(icb);
  const icbTotal = (await j.visit(icb, '/people'), await resultCount(icb.page));

  const council = await j.signedIn('practitioner');
  await j.visit(council, search, { state: 'no results' });
  assert.equal(await resultCount(council.page), 0, 'the council does not find the person');
  await j.visit(council, `/people/${outsider.person.id}`, { status: 404 });
  assert.equal(await council.page.getByRole('heading', { level: 1 }).textContent().then((t) => t?.trim()), 'Page not found');
  const councilTotal = (await j.visit(council, '/people'), await resultCount(council.page));
  assert.notEqual(icbTotal, councilTotal, 'the council and the ICB see different registers');
  await Promise.all([icb.context.close(), council.context.close()]);
});

test('signing out ends the session: the back button and the old cookie lead to sign-in', async () => {
  const s = await j.signedIn('practitioner');
  const { page, context } = s;
  await j.visit(s, '/people');
  const cookies = await context.cookies();
  assert.ok(cookies.length > 0, 'a session cookie after sign-in');

  await Promise.all([page.waitForURL('**/sign-in**'), page.getByRole('button', { name: 'Sign out' }).click()]);
  await j.check(s, 'signed out');
  await page.goBack();
  await page.waitForLoadState();
  assert.equal(new URL(page.url()).pathname, '/sign-in', 'back after sign-out shows sign-in, not the register');

  const replay = await j.session();
  await replay.context.addCookies(cookies);
  const response = await replay.page.goto('/people');
  assert.equal(new URL(replay.page.url()).pathname, '/sign-in', 'the old session cookie no longer signs anyone in');
  assert.equal(response?.status(), 200);
  const api = await replay.page.request.get('/api/v1/people', { failOnStatusCode: false, maxRedirects: 0 });
  assert.equal(api.status(), 401, 'the API refuses the old session cookie');
  await Promise.all([context.close(), replay.context.close()]);
});

test('a form POST without its CSRF token is refused, and changes nothing', async () => {
  const s = await j.signedIn('practitioner');
  await j.visit(s, '/people');
  const before = await resultCount(s.page);
  const form = { nhsNumber: '', givenName: 'Csrf', familyName: 'Probe', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '' };
  const refused = await s.page.request.post('/people/new/check', { form, failOnStatusCode: false, maxRedirects: 0 });
  assert.equal(refused.status(), 403, 'a POST with the session cookie but no token is refused');
  const wrong = await s.page.request.post('/people/new/check', { form: { ...form, _csrf: 'not-the-token' }, failOnStatusCode: false, maxRedirects: 0 });
  assert.equal(wrong.status(), 403, 'a POST with a wrong token is refused');
  const signOut = await s.page.request.post('/sign-out', { form: {}, failOnStatusCode: false, maxRedirects: 0 });
  assert.equal(signOut.status(), 403, 'sign-out without the token is refused');
  await j.visit(s, '/people');
  assert.equal(await resultCount(s.page), before, 'nobody was added and the session still works');
  await s.context.close();
});

test('the sign-in page works from the keyboard alone', async () => {
  const s = await j.session();
  const { page } = s;
  await j.visit(s, '/sign-in');
  await page.keyboard.press('Tab');
  assert.match(await expectVisibleFocus(page), /skip to main content/i, 'the skip link comes first');
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(page), 'main-content', 'the skip link moves focus to the main content');

  await page.goto('/sign-in');
  const order = await tabOrder(page);
  const email = order.indexOf('#email');
  const password = order.indexOf('#password');
  const button = order.findIndex((label) => /"Sign in"/.test(label));
  assert.ok(email >= 0 && password > email && button > password, `Tab reaches email, password, then Sign in: ${order.join(' → ')}`);

  await page.locator('#email').focus();
  await page.keyboard.type(demoUser('practitioner').email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/sign-in'), page.keyboard.press('Enter')]);
  await j.check(s);
  await s.context.close();
});
