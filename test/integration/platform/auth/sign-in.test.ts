import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../../../src/platform/audit/tables.ts';
import { sessions } from '../../../../src/platform/auth/tables.ts';
import { sha256Hex } from '../../../../src/platform/auth/secrets.ts';
import { users } from '../../../../src/platform/users/tables.ts';
import { SESSION_COOKIE } from '../../../../src/platform/http/session-cookie.ts';
import { createTestApp, type TestApp } from '../../../support/app.ts';

async function postSignIn(t: TestApp, email: string, password: string, extraCookie = '') {
  const csrf = await t.anonymousCsrf();
  return t.app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: [csrf.cookie, extraCookie].filter(Boolean).join('; ') },
    payload: { email, password, _csrf: csrf.token },
  });
}

test('signing in with the right password starts a session and is audited; the wrong one is refused and audited', async () => {
  const t = await createTestApp();
  try {
    const user = await t.createUser(['practitioner'], { email: 'Alice@Example.org' });
    const wrong = await postSignIn(t, 'alice@example.org', 'not the password at all');
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /There is a problem/);
    assert.match(wrong.body, /Enter a correct email address and password/);
    assert.match(wrong.body, /<title>Error: Sign in/);
    assert.equal(wrong.cookies.some((c) => c.name === SESSION_COOKIE), false);

    const right = await postSignIn(t, '  ALICE@example.org ', user.password);
    assert.equal(right.statusCode, 303);
    assert.equal(right.headers.location, '/');
    const cookie = right.cookies.find((c) => c.name === SESSION_COOKIE);
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.secure, undefined, 'not Secure over plain HTTP');
    assert.equal(cookie.value.length, 43, '256 random bits, base64url');
    const stored = await t.database.db.select().from(sessions);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.idHash, sha256Hex(cookie.value), 'the table holds only the hash');

    const actions = (await t.database.db.select().from(auditEvents)).map((e) => e.action);
    assert.ok(actions.includes('auth.sign_in_failed'));
    assert.ok(actions.includes('auth.sign_in'));
  } finally {
    await t.close();
  }
});

test('empty fields show an error for each', async () => {
  const t = await createTestApp();
  try {
    const csrf = await t.anonymousCsrf();
    const response = await t.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: csrf.cookie }, payload: { email: '', password: '', _csrf: csrf.token } });
    assert.equal(response.statusCode, 400);
    assert.ok(response.body.includes(`name="_csrf" value="${csrf.token}"`), 'the form shown again can be sent again');
    assert.match(response.body, /href="#email"[^>]*>Enter your email address/);
    assert.match(response.body, /href="#password"[^>]*>Enter your password/);
  } finally {
    await t.close();
  }
});

test('the session cookie is Secure when the request came over TLS through a trusted proxy', async () => {
  const t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  try {
    const user = await t.createUser(['practitioner']);
    const csrf = await t.anonymousCsrf();
    const response = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: csrf.cookie, 'x-forwarded-proto': 'https' },
      payload: { email: user.email, password: user.password, _csrf: csrf.token },
    });
    assert.equal(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure, true);
    assert.match(String(response.headers['strict-transport-security']), /max-age=\d+/);
  } finally {
    await t.close();
  }
});

test('five wrong passwords lock the account: even the right password is then refused', async () => {
  const t = await createTestApp();
  try {
    const user = await t.createUser(['practitioner']);
    for (let i = 0; i < 5; i++) assert.equal((await postSignIn(t, user.email, `wrong password ${i}`)).statusCode, 401);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    assert.ok(row?.lockedUntil && row.lockedUntil > new Date(), 'locked_until is set');
    const locked = await postSignIn(t, user.email, user.password);
    assert.equal(locked.statusCode, 429);
    assert.match(locked.body, /Too many attempts to sign in/);
    assert.equal(locked.cookies.some((c) => c.name === SESSION_COOKIE), false);
  } finally {
    await t.close();
  }
});

test('sign-in attempts for an unknown email are rate limited the same way, revealing nothing', async () => {
  const t = await createTestApp();
  try {
    for (let i = 0; i < 5; i++) assert.equal((await postSignIn(t, 'nobody@example.org', `guess ${i}`)).statusCode, 401);
    const limited = await postSignIn(t, 'nobody@example.org', 'guess 6');
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /Too many attempts to sign in/);
  } finally {
    await t.close();
  }
});

test('the lockout is in the database, so a second app node on the same database refuses too', async () => {
  const t = await createTestApp();
  try {
    const user = await t.createUser(['practitioner']);
    for (let i = 0; i < 5; i++) await postSignIn(t, user.email, `wrong ${i}`);
    const { buildApp } = await import('../../../../src/app/server.ts');
    const secondNode = await buildApp(t.services);
    try {
      const page = await secondNode.inject({ url: '/sign-in' });
      const csrf = page.cookies.find((c) => c.name === 'aftercare_csrf');
      assert.ok(csrf);
      const response = await secondNode.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { cookie: `aftercare_csrf=${csrf.value}` },
        payload: { email: user.email, password: user.password, _csrf: csrf.value },
      });
      assert.equal(response.statusCode, 429);
    } finally {
      await secondNode.close();
    }
  } finally {
    await t.close();
  }
});

test('signing in gives a new session id and ends the one the browser had', async () => {
  const t = await createTestApp();
  try {
    const user = await t.createUser(['practitioner']);
    const first = await t.signIn(user);
    // Signed in already, the form carries the session's CSRF token.
    const again = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: first.headers,
      payload: { email: user.email, password: user.password, _csrf: first.csrfToken },
    });
    const second = again.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    assert.ok(second);
    assert.notEqual(second, first.sessionId);
    const old = await t.app.inject({ url: '/audit', headers: first.headers });
    assert.equal(old.statusCode, 302, 'the old session id no longer works');
    const hashes = (await t.database.db.select().from(sessions)).map((s) => s.idHash);
    assert.deepEqual(hashes, [sha256Hex(second)]);
  } finally {
    await t.close();
  }
});

test('a session id set before sign-in (session fixation) is not adopted', async () => {
  const t = await createTestApp();
  try {
    const user = await t.createUser(['practitioner']);
    const planted = 'a'.repeat(43);
    const response = await postSignIn(t, user.email, user.password, `${SESSION_COOKIE}=${planted}`);
    const issued = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    assert.ok(issued && issued !== planted);
  } finally {
    await t.close();
  }
});

test('sign-out ends the session on the server, not only in the browser', async () => {
  const t = await createTestApp();
  try {
    const alice = await t.signedInUser(['auditor']);
    assert.equal((await t.app.inject({ url: '/audit', headers: alice.headers })).statusCode, 200);
    const out = await t.app.inject({ method: 'POST', url: '/sign-out', headers: alice.headers, payload: { _csrf: alice.csrfToken } });
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/sign-in?signedOut=true');
    assert.equal(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value, '', 'the cookie is cleared');
    assert.equal((await t.database.db.select().from(sessions)).length, 0);
    // Replaying the old cookie (as a copied cookie would) gets nowhere.
    const replay = await t.app.inject({ url: '/audit', headers: alice.headers });
    assert.equal(replay.statusCode, 302);
    assert.equal(replay.headers.location, '/sign-in?returnTo=%2Faudit');
    const actions = (await t.database.db.select().from(auditEvents)).map((e) => e.action);
    assert.ok(actions.includes('auth.sign_out'));
  } finally {
    await t.close();
  }
});

test('a session idle for longer than SESSION_IDLE_MINUTES has ended', async () => {
  const t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '30' } });
  try {
    const alice = await t.signedInUser(['auditor']);
    const hash = sha256Hex(alice.sessionId);
    await t.database.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 29 * 60_000) }).where(eq(sessions.idHash, hash));
    assert.equal((await t.app.inject({ url: '/audit', headers: alice.headers })).statusCode, 200, 'still alive at 29 minutes, and refreshed');
    await t.database.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) }).where(eq(sessions.idHash, hash));
    const expired = await t.app.inject({ url: '/audit', headers: alice.headers });
    assert.equal(expired.statusCode, 302);
    assert.equal((await t.database.db.select().from(sessions)).length, 0, 'the ended session is deleted');
  } finally {
    await t.close();
  }
});

test('a session past its absolute time-out has ended even if active', async () => {
  const t = await createTestApp();
  try {
    const alice = await t.signedInUser(['auditor']);
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.idHash, sha256Hex(alice.sessionId)));
    assert.equal((await t.app.inject({ url: '/audit', headers: alice.headers })).statusCode, 302);
  } finally {
    await t.close();
  }
});

test('a disabled user cannot sign in and their open session stops working', async () => {
  const t = await createTestApp();
  try {
    const alice = await t.signedInUser(['auditor']);
    await t.database.db.update(users).set({ disabled: true }).where(eq(users.id, alice.id));
    assert.equal((await t.app.inject({ url: '/audit', headers: alice.headers })).statusCode, 302);
    assert.equal((await postSignIn(t, alice.email, alice.password)).statusCode, 401);
  } finally {
    await t.close();
  }
});

test('after sign-in the browser returns to the page it asked for, but never to another site', async () => {
  const t = await createTestApp();
  try {
    const user = await t.createUser(['auditor']);
    for (const [returnTo, expected] of [
      ['/audit?personId=p1', '/audit?personId=p1'],
      ['//evil.example/x', '/'],
      ['https://evil.example/', '/'],
      ['/\\evil.example', '/'],
    ]) {
      const csrf = await t.anonymousCsrf();
      const response = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { cookie: csrf.cookie },
        payload: { email: user.email, password: user.password, _csrf: csrf.token, returnTo },
      });
      assert.equal(response.headers.location, expected, returnTo);
    }
  } finally {
    await t.close();
  }
});
