/**
 * OpenID Connect sign-in against a real identity provider: `oidc-provider` in this process on 127.0.0.1
 * (a random port) with a confidential client and in-memory accounts; its development login and consent
 * forms are submitted with fetch. Aftercare is driven with `app.inject`. Asserts: a linked user signs in
 * with the organisation and roles the claims map to (a new session id, audited); just-in-time provisioning
 * only where configured; tampered state, a wrong nonce and a wrong issuer refused; claims that map to no
 * organisation or role, and users not linked, refused — each refusal audited with its reason.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { createTestApp, type TestApp } from '../support/app.ts';
import { auditEvents } from '../../src/platform/audit/tables.ts';
import { users } from '../../src/platform/users/tables.ts';
import { sessions } from '../../src/platform/auth/tables.ts';
import { sha256Hex } from '../../src/platform/auth/secrets.ts';
import { systemContext } from '../../src/platform/context.ts';
import { SESSION_COOKIE } from '../../src/platform/http/session-cookie.ts';
import { OIDC_PENDING_COOKIE } from '../../src/platform/auth/oidc-routes.ts';

const APP_ORIGIN = 'http://aftercare.test';
const CLIENT = { client_id: 'aftercare', client_secret: 'a-test-client-secret-of-some-length-0123456789' };

/** The identity provider's people: claims as a council's directory would give them. */
const accounts: Record<string, Record<string, unknown>> = {
  alice: { email: 'alice@north.example', name: 'Alice North', org: 'NORTH-ODS', groups: ['s117-practitioners', 'all-staff'] },
  bob: { email: 'bob@north.example', name: 'Bob North', org: 'NORTH-ODS', groups: ['all-staff'] },
  carol: { email: 'carol@elsewhere.example', name: 'Carol Elsewhere', org: 'ELSEWHERE', groups: ['s117-practitioners'] },
  dave: { email: 'dave@north.example', name: 'Dave North', org: 'NORTH-ODS', groups: ['s117-managers'] },
  erin: { email: 'erin@north.example', name: 'Erin North', org: 'NORTH-ODS', groups: ['s117-managers', 's117-practitioners'] },
  frank: { email: 'frank@south.example', name: 'Frank South', org: 'SOUTH-ODS', groups: ['s117-practitioners'] },
};

let idp: Server;
let issuer: string;
let t: TestApp;

function providerConfig(id: string, provisioning: 'pre-created' | 'just-in-time') {
  return {
    id,
    name: id === 'north-idp' ? 'Northshire account' : 'Northshire (new staff)',
    issuer,
    clientId: CLIENT.client_id,
    clientSecret: CLIENT.client_secret,
    redirectUri: `${APP_ORIGIN}/sign-in/oidc/${id}/callback`,
    scopes: ['openid', 'email', 'profile', 'aftercare'],
    claims: {
      organisation: { claim: 'org', values: { 'NORTH-ODS': 'NORTH', 'SOUTH-ODS': 'SOUTH' } },
      roles: { claim: 'groups', values: { 's117-practitioners': ['practitioner'], 's117-managers': ['team_manager', 'practitioner'] } },
    },
    provisioning,
  };
}

before(async () => {
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ ...CLIENT, redirect_uris: ['north-idp', 'north-jit'].map((id) => `${APP_ORIGIN}/sign-in/oidc/${id}/callback`), grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email'], profile: ['name'], aftercare: ['org', 'groups'] },
    // Put the claims in the ID token (the usual setting of Entra ID and Keycloak for groups).
    conformIdTokenClaims: false,
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => (accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined),
  });
  idp.on('request', provider.callback());

  t = await createTestApp({ env: { OIDC_PROVIDERS: JSON.stringify([providerConfig('north-idp', 'pre-created'), providerConfig('north-jit', 'just-in-time')]) } });
  await t.createOrganisation({ id: 'org-north', name: 'Northshire County Council', code: 'NORTH' });
  await t.createOrganisation({ id: 'org-south', name: 'Southshire County Council', code: 'SOUTH' });
  // Pre-created and linked by an administrator (`aftercare user add --oidc-issuer … --oidc-subject …`).
  for (const [subject, organisation] of [['alice', 'org-north'], ['bob', 'org-north'], ['carol', 'org-north'], ['frank', 'org-north']] as const) {
    const account = accounts[subject] as { email: string; name: string };
    await t.services.users.createUser(systemContext(), { email: account.email, name: account.name, organisation, roles: ['auditor'], oidc: { issuer, subject } });
  }
});

after(async () => {
  await t?.close();
  idp?.closeAllConnections();
  await new Promise((resolve) => idp?.close(resolve));
});

/** Cookies of one browser at the identity provider. */
class Jar {
  private cookies = new Map<string, string>();
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Follows the identity provider's redirects and submits its login and consent forms as `account`, until it redirects back to Aftercare. */
async function signInAtProvider(authorizationUrl: string, account: string): Promise<URL> {
  const jar = new Jar();
  let url = authorizationUrl;
  let init: RequestInit = { method: 'GET' };
  for (let step = 0; step < 12; step++) {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
    jar.store(response);
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location') ?? '', url);
      if (next.origin === APP_ORIGIN) return next;
      url = next.href;
      init = { method: 'GET' };
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    assert.ok(form, `the provider showed a form (status ${response.status}): ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const input of form[2]?.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g) ?? []) {
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      fields.set(input[1] ?? '', value);
    }
    if (fields.has('login')) fields.set('login', account);
    if (fields.has('password')) fields.set('password', 'any');
    url = new URL(form[1] ?? '', url).href;
    init = { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('the provider never redirected back');
}

interface Started {
  authorizationUrl: URL;
  pendingCookie: string;
}

async function start(providerId = 'north-idp', returnTo?: string): Promise<Started> {
  const response = await t.app.inject({ method: 'GET', url: `/sign-in/oidc/${providerId}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}` });
  assert.equal(response.statusCode, 303);
  const cookie = response.cookies.find((c) => c.name === OIDC_PENDING_COOKIE);
  assert.ok(cookie, 'the pending sign-in is kept in a cookie');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  return { authorizationUrl: new URL(String(response.headers.location)), pendingCookie: cookie.value };
}

let requestCounter = 0;

/** The browser arriving back at Aftercare; each callback gets its own request id, to find its audit events. */
async function callback(started: Started, redirect: URL, cookieValue = started.pendingCookie, providerId = 'north-idp') {
  const requestId = `oidc-test-${++requestCounter}`;
  const response = await t.app.inject({
    method: 'GET',
    url: `/sign-in/oidc/${providerId}/callback${redirect.search}`,
    headers: { cookie: `${OIDC_PENDING_COOKIE}=${cookieValue}; ${SESSION_COOKIE}=planted-session-id`, 'x-request-id': requestId },
  });
  return Object.assign(response, { requestId });
}

async function auditOf(action: string, requestId: string) {
  return t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.requestId, requestId)));
}

async function expectRefused(response: Awaited<ReturnType<typeof callback>>, reason: string, status = 403): Promise<void> {
  assert.equal(response.statusCode, status, response.body.slice(0, 400));
  assert.ok(!response.cookies.some((c) => c.name === SESSION_COOKIE && c.value), 'no session cookie');
  assert.match(response.body, /You cannot sign in/);
  const events = await auditOf('auth.sign_in_refused', response.requestId);
  assert.equal(events.length, 1, 'one refusal event');
  assert.equal((await auditOf('auth.sign_in', response.requestId)).length, 0, 'no sign-in event');
  const after = events[0]?.after as { method?: string; reason?: string; provider?: string };
  assert.equal(after.method, 'oidc');
  assert.equal(after.reason, reason);
  assert.equal(after.provider, 'north-idp');
}

test('the sign-in page offers each configured provider', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/sign-in?returnTo=/people' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /href="\/sign-in\/oidc\/north-idp\?returnTo=%2Fpeople"[^>]*>\s*Sign in with Northshire account/);
  assert.match(page.body, /Sign in with Northshire \(new staff\)/);
  assert.equal((await t.app.inject({ method: 'GET', url: '/sign-in/oidc/nobody' })).statusCode, 404);
});

test('the authorization request uses the code flow with PKCE (S256), state and nonce', async () => {
  const { authorizationUrl } = await start();
  const p = authorizationUrl.searchParams;
  assert.equal(authorizationUrl.origin, issuer);
  assert.equal(p.get('response_type'), 'code');
  assert.equal(p.get('code_challenge_method'), 'S256');
  for (const name of ['code_challenge', 'state', 'nonce']) assert.ok((p.get(name) ?? '').length >= 43, `${name} has 256 bits`);
  assert.equal(p.get('redirect_uri'), `${APP_ORIGIN}/sign-in/oidc/north-idp/callback`);
});

test('a linked user signs in with the organisation and roles their claims map to, in a new session, audited', async () => {
  const started = await start('north-idp', '/people');
  const redirect = await signInAtProvider(started.authorizationUrl.href, 'alice');
  const response = await callback(started, redirect);
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  assert.equal(response.headers.location, '/people');
  const session = response.cookies.find((c) => c.name === SESSION_COOKIE);
  assert.ok(session && session.value !== 'planted-session-id' && session.value.length >= 43, 'a new session id');
  assert.ok(response.cookies.some((c) => c.name === OIDC_PENDING_COOKIE && c.value === ''), 'the pending cookie is spent');

  const [row] = await t.database.db.select({ user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.idHash, sha256Hex(session.value)));
  assert.equal(row?.user.email, 'alice@north.example');
  assert.equal(row?.user.organisationId, 'org-north');
  assert.deepEqual(row?.user.roles, ['practitioner'], 'roles follow the groups claim (auditor replaced; all-staff grants nothing)');

  const page = await t.app.inject({ method: 'GET', url: '/people', headers: { cookie: `${SESSION_COOKIE}=${session.value}` } });
  assert.equal(page.statusCode, 200, 'the session is signed in');
  assert.match(page.body, /Alice North/);
  assert.match(page.body, /Northshire County Council/);

  const [event] = (await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.sign_in'), eq(auditEvents.recordId, row?.user.id ?? '')))).slice(-1);
  assert.deepEqual(event?.after, { method: 'oidc', provider: 'north-idp', roles: ['practitioner'] });
  assert.deepEqual(event?.before, { roles: ['auditor'] });
  assert.equal(event?.organisationId, 'org-north');

  // The code is single-use: replaying the same callback is refused.
  await expectRefused(await callback(started, redirect), 'invalid_response');
});

test('tampered state is refused: a changed state parameter, and a forged or missing pending cookie', async () => {
  const started = await start();
  const redirect = await signInAtProvider(started.authorizationUrl.href, 'alice');
  const changed = new URL(redirect);
  changed.searchParams.set('state', 'attacker-state');
  await expectRefused(await callback(started, changed), 'invalid_response');

  const again = await start();
  const redirect2 = await signInAtProvider(again.authorizationUrl.href, 'alice');
  const [value, signature] = [again.pendingCookie.slice(0, again.pendingCookie.lastIndexOf('.')), again.pendingCookie.slice(again.pendingCookie.lastIndexOf('.'))];
  await expectRefused(await callback(again, redirect2, `${value.replace(/"state":"[^"]+"/, '"state":"x"')}${signature}`), 'invalid_state', 400);
  await expectRefused(await callback(again, redirect2, ''), 'invalid_state', 400);

  // A callback for one provider with the pending sign-in of another.
  const jit = await start('north-jit');
  const redirect3 = await signInAtProvider(jit.authorizationUrl.href, 'alice');
  await expectRefused(await callback(jit, redirect3, jit.pendingCookie, 'north-idp'), 'invalid_state', 400);
});

test('an ID token with another nonce is refused', async () => {
  const started = await start();
  // Same state and PKCE challenge, but the provider is asked for a different nonce (a replayed or injected ID token).
  const forged = new URL(started.authorizationUrl);
  forged.searchParams.set('nonce', 'a-nonce-aftercare-never-issued-0123456789abcdef');
  const redirect = await signInAtProvider(forged.href, 'alice');
  await expectRefused(await callback(started, redirect), 'invalid_response');
});

test('a response from another issuer is refused', async () => {
  const started = await start();
  const redirect = await signInAtProvider(started.authorizationUrl.href, 'alice');
  assert.equal(redirect.searchParams.get('iss'), issuer, 'the provider names itself (RFC 9207)');
  const changed = new URL(redirect);
  changed.searchParams.set('iss', 'https://evil.example');
  const response = await callback(started, changed);
  await expectRefused(response, 'invalid_response');
  const [event] = await auditOf('auth.sign_in_refused', response.requestId);
  assert.match(String((event?.after as { error?: string }).error), /iss/i);
});

test('claims that map to no role or no organisation, users not linked, and a different organisation are refused', async () => {
  for (const [account, reason] of [
    ['bob', 'no_roles'],
    ['carol', 'no_organisation'],
    ['dave', 'unknown_user'],
    ['frank', 'organisation_mismatch'],
  ] as const) {
    const started = await start();
    const redirect = await signInAtProvider(started.authorizationUrl.href, account);
    await expectRefused(await callback(started, redirect), reason);
  }
  const [dave] = await t.database.db.select().from(users).where(eq(users.email, 'dave@north.example'));
  assert.equal(dave, undefined, 'pre-created provisioning never creates a user');
  const [bob] = await t.database.db.select().from(users).where(eq(users.email, 'bob@north.example'));
  assert.deepEqual(bob?.roles, ['auditor'], 'a refused sign-in changes nothing');
});

test('a provider denying the sign-in is refused and audited', async () => {
  const started = await start();
  const state = started.authorizationUrl.searchParams.get('state') ?? '';
  const response = await callback(started, new URL(`${APP_ORIGIN}/cb?error=access_denied&state=${state}`));
  await expectRefused(response, 'provider_error');
});

test('just-in-time provisioning (only where configured) creates the user from the claims, audited', async () => {
  const started = await start('north-jit');
  const redirect = await signInAtProvider(started.authorizationUrl.href, 'erin');
  const response = await callback(started, redirect, started.pendingCookie, 'north-jit');
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  const [erin] = await t.database.db.select().from(users).where(eq(users.email, 'erin@north.example'));
  assert.equal(erin?.organisationId, 'org-north');
  assert.deepEqual(erin?.roles, ['practitioner', 'team_manager']);
  assert.equal(erin?.passwordHash, null, 'no password: this user signs in only at the provider');
  assert.equal(erin?.oidcSubject, 'erin');
  const created = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.create'), eq(auditEvents.recordId, erin?.id ?? '')));
  const signedIn = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.sign_in'), eq(auditEvents.recordId, erin?.id ?? '')));
  assert.equal(created.length, 1);
  assert.equal(signedIn.length, 1);
  assert.equal(created[0]?.requestId, signedIn[0]?.requestId);
});
