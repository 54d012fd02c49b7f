import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sessions } from '../../../../src/platform/auth/tables.ts';
import { createTestApp } from '../../../support/app.ts';

test('a form POST without its CSRF token, or with a wrong one, is refused with 403 and changes nothing', async () => {
  const t = await createTestApp();
  try {
    const alice = await t.signedInUser(['auditor']);
    for (const payload of [{}, { _csrf: 'x'.repeat(43) }, { _csrf: '' }]) {
      const response = await t.app.inject({ method: 'POST', url: '/sign-out', headers: alice.headers, payload });
      assert.equal(response.statusCode, 403, JSON.stringify(payload));
      assert.match(response.body, /could not confirm that this form came from Aftercare/);
    }
    assert.equal((await t.database.db.select().from(sessions)).length, 1, 'still signed in');
    const withHeader = await t.app.inject({ method: 'POST', url: '/sign-out', headers: { ...alice.headers, 'x-csrf-token': alice.csrfToken } });
    assert.equal(withHeader.statusCode, 303, 'the x-csrf-token header is accepted too');
  } finally {
    await t.close();
  }
});

test("one user's CSRF token does not work with another user's session", async () => {
  const t = await createTestApp();
  try {
    const alice = await t.signedInUser(['auditor']);
    const bob = await t.signedInUser(['auditor']);
    const response = await t.app.inject({ method: 'POST', url: '/sign-out', headers: alice.headers, payload: { _csrf: bob.csrfToken } });
    assert.equal(response.statusCode, 403);
  } finally {
    await t.close();
  }
});

test('the sign-in form needs the token of its own cookie (login CSRF)', async () => {
  const t = await createTestApp();
  try {
    const user = await t.createUser(['auditor']);
    const noCookie = await t.app.inject({ method: 'POST', url: '/sign-in', payload: { email: user.email, password: user.password, _csrf: 'y'.repeat(43) } });
    assert.equal(noCookie.statusCode, 403);
    const csrf = await t.anonymousCsrf();
    const mismatch = await t.app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: csrf.cookie }, payload: { email: user.email, password: user.password, _csrf: 'y'.repeat(43) } });
    assert.equal(mismatch.statusCode, 403);
  } finally {
    await t.close();
  }
});

test('every form on a signed-in page carries the session CSRF token', async () => {
  const t = await createTestApp();
  try {
    const alice = await t.signedInUser(['auditor']);
    const page = await t.app.inject({ url: '/audit', headers: alice.headers });
    const postForms = page.body.match(/<form[^>]*method="post"[\s\S]*?<\/form>/g) ?? [];
    assert.ok(postForms.length >= 1, 'the sign-out form');
    for (const form of postForms) assert.ok(form.includes(`name="_csrf" value="${alice.csrfToken}"`));
  } finally {
    await t.close();
  }
});
