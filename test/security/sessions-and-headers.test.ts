/**
 * Security headers on the three kinds of response (a case page, an API read of a case, a static asset),
 * HSTS only behind TLS, no-store on personal data, and the NCSC password policy on every path that sets a
 * password (the user service, which the CLI's `aftercare user add` and any future form use).
 * Sessions (rotation at sign-in, server-side sign-out, idle and absolute time-outs) and sign-in lockout
 * with audit are proven in test/integration/platform/auth/sign-in.test.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemContext } from '../../src/platform/context.ts';
import { ValidationError } from '../../src/platform/errors.ts';
import { argon2Options, passwordProblems } from '../../src/platform/auth/passwords.ts';
import { createWorld, ORGS, type World } from './support/world.ts';

let world: World;

before(async () => {
  world = await createWorld({ env: { TRUST_PROXY: 'true' } });
});

after(async () => {
  await world?.t.close();
});

function cspDirectives(header: unknown): Map<string, string[]> {
  return new Map(
    String(header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [String(name), values]),
  );
}

test('a case page: strict CSP with a nonce, no framing, no sniffing, same-origin referrer, no-store, no HSTS over plain HTTP', async () => {
  const user = world.users.get('practitioner');
  assert.ok(user);
  const page = await world.t.app.inject({ method: 'GET', url: `/people/${world.people.own.id}`, headers: user.headers });
  assert.equal(page.statusCode, 200);
  const csp = cspDirectives(page.headers['content-security-policy']);
  const scripts = csp.get('script-src') ?? [];
  assert.ok(scripts.some((s) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(s)), `script-src has a nonce: ${scripts.join(' ')}`);
  assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), 'no unsafe-inline or unsafe-eval for scripts');
  assert.ok(!(csp.get('style-src') ?? []).includes("'unsafe-inline'"), 'no unsafe-inline for styles');
  assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
  assert.deepEqual(csp.get('object-src'), ["'none'"]);
  assert.equal(page.headers['x-frame-options'], 'DENY');
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal(page.headers['referrer-policy'], 'same-origin');
  assert.match(String(page.headers['cache-control']), /no-store/);
  assert.equal(page.headers['strict-transport-security'], undefined);
  // Every inline script on the page carries this response's nonce.
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  for (const tag of page.body.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []) assert.ok(nonce && tag.includes(`nonce="${nonce}"`), `inline script without the nonce: ${tag}`);
  // A second response has a different nonce.
  const again = await world.t.app.inject({ method: 'GET', url: `/people/${world.people.own.id}`, headers: user.headers });
  assert.notEqual(cspDirectives(again.headers['content-security-policy']).get('script-src')?.join(' '), scripts.join(' '));
});

test('behind a TLS-terminating proxy (TRUST_PROXY): HSTS is sent', async () => {
  const user = world.users.get('practitioner');
  assert.ok(user);
  const page = await world.t.app.inject({ method: 'GET', url: '/people', headers: { ...user.headers, 'x-forwarded-proto': 'https' } });
  assert.match(String(page.headers['strict-transport-security']), /max-age=\d{8,}/);
});

test('an API read of a case: no-store, nosniff, JSON, no framing', async () => {
  const response = await world.api('GET', `/api/v1/people/${world.people.own.id}`);
  assert.equal(response.status, 200);
  const raw = await world.t.app.inject({ method: 'GET', url: `/api/v1/people/${world.people.own.id}`, headers: { authorization: `Bearer ${world.tokens.north}` } });
  assert.match(String(raw.headers['cache-control']), /no-store/);
  assert.equal(raw.headers['x-content-type-options'], 'nosniff');
  assert.match(String(raw.headers['content-type']), /^application\/json/);
  assert.deepEqual(cspDirectives(raw.headers['content-security-policy']).get('frame-ancestors'), ["'none'"]);
  const list = await world.t.app.inject({ method: 'GET', url: '/api/v1/people', headers: { authorization: `Bearer ${world.tokens.north}` } });
  assert.match(String(list.headers['cache-control']), /no-store/);
  const problem = await world.t.app.inject({ method: 'GET', url: '/api/v1/people/no-such-person', headers: { authorization: `Bearer ${world.tokens.north}` } });
  assert.match(String(problem.headers['cache-control']), /no-store/);
});

test('a static asset: served with nosniff and its own caching, not no-store', async () => {
  const asset = await world.t.app.inject({ method: 'GET', url: '/static/application.css' });
  assert.equal(asset.statusCode, 200);
  assert.equal(asset.headers['x-content-type-options'], 'nosniff');
  assert.match(String(asset.headers['content-type']), /^text\/css/);
  assert.doesNotMatch(String(asset.headers['cache-control'] ?? ''), /no-store/);
  assert.ok(asset.headers['content-security-policy'], 'CSP on assets too');
});

test('NCSC password policy: length 12+, a deny-list of common passwords, no composition rules; argon2id parameters', async () => {
  assert.deepEqual(argon2Options, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  for (const bad of ['short', 'elevenchars', 'password1234', 'Password1234', 'qwertyuiopas', 'aaaaaaaaaaaaaaa', 'abcdefghijklmnop', 'aftercare123']) {
    assert.ok(passwordProblems(bad).length > 0, `refused: ${bad}`);
  }
  // No composition rules: lower-case words only are fine, as are spaces and any Unicode.
  for (const good of ['correct horse battery staple', 'purple mountain kettle', 'ŝtonoj kaj floroj', 'twelve chars']) {
    assert.deepEqual(passwordProblems(good), [], `accepted: ${good}`);
  }
  assert.ok(passwordProblems('x'.repeat(257)).length > 0, 'bounded to keep hashing work bounded');
  // Every password-setting path goes through the user service (the CLI's `user add` too).
  for (const password of ['password1234', 'short']) {
    const refused = await world.t.services.users
      .createUser(systemContext(), { email: `p${password.length}@example.org`, name: 'Pat', organisation: ORGS.north, roles: ['practitioner'], password })
      .catch((error: unknown) => error);
    assert.ok(refused instanceof ValidationError, `the user service refuses ${password}`);
    assert.ok(refused.issues.some((i) => i.path === 'password'));
  }
});

test('a NUL character in a form field is a 400 page, not a crash', async () => {
  const user = world.users.get('team_manager');
  assert.ok(user);
  const response = await world.t.app.inject({
    method: 'POST',
    url: `/people/${world.people.own.id}/contacts/new`,
    headers: user.headers,
    payload: { _csrf: user.csrfToken, name: 'Sam\u0000', role: 'carer' },
  });
  assert.ok(response.statusCode >= 400 && response.statusCode < 500, String(response.statusCode));
  assert.match(String(response.headers['content-type']), /text\/html/);
});

test('pages carry the GOV.UK time-out warning (hidden until shortly before the session ends), API responses do not', async () => {
  const user = world.users.get('practitioner');
  assert.ok(user);
  const page = await world.t.app.inject({ method: 'GET', url: '/people', headers: user.headers });
  const banner = /<div class="govuk-notification-banner" id="app-timeout-warning"[^>]*data-ends-in-seconds="(\d+)"[^>]*hidden>/.exec(page.body);
  assert.ok(banner, 'the warning is on the page, hidden');
  const seconds = Number(banner[1]);
  const idle = world.t.config.sessionIdleMinutes * 60;
  assert.ok(seconds > idle - 120 && seconds <= idle, `ends in ${seconds}s of ${idle}s`);
  assert.match(page.body, /<a class="govuk-notification-banner__link" id="app-timeout-stay" href="\/people">Stay signed in<\/a>/);
  const signedOut = await world.t.app.inject({ method: 'GET', url: '/sign-in' });
  assert.doesNotMatch(signedOut.body, /app-timeout-warning/, 'not shown to someone not signed in');
});
