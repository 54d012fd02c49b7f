import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import assert from 'node:assert/strict';
import { ConflictError, NotFoundError, ValidationError } from '../../../../src/platform/errors.ts';
import { createTestApp } from '../../../support/app.ts';

const probeRoutes = {
  extraRoutes: (app: FastifyInstance) => {
    const config = { permission: 'public' as const };
    app.get('/api/v1/probe/validation', { config }, async () => {
      throw new ValidationError([{ path: 'duties[0].start', message: 'must be a date' }, { path: 'person.nhsNumber', message: 'is not a valid NHS number' }]);
    });
    app.get('/api/v1/probe/missing', { config }, async () => {
      throw new NotFoundError();
    });
    app.get('/api/v1/probe/conflict', { config }, async () => {
      throw new ConflictError({ name: 'Saved', version: 3 }, { name: 'Mine', version: 2 });
    });
    app.get('/probe/conflict', { config }, async () => {
      throw new ConflictError({ name: 'Saved by Bob', version: 3 }, { name: 'Typed by Alice', version: 2 });
    });
    app.get('/probe/crash', { config }, async () => {
      throw new Error('secret internals at /srv/app.ts:12 with NHS 943 476 5919');
    });
    app.get('/api/v1/probe/crash', { config }, async () => {
      throw new Error('secret internals');
    });
  },
};

test('API errors are RFC 9457 problem details naming each invalid field', async () => {
  const t = await createTestApp(probeRoutes);
  try {
    const invalid = await t.app.inject({ url: '/api/v1/probe/validation' });
    assert.equal(invalid.statusCode, 422);
    assert.match(String(invalid.headers['content-type']), /^application\/problem\+json/);
    const body = invalid.json();
    assert.equal(body.status, 422);
    assert.equal(typeof body.type, 'string');
    assert.equal(typeof body.title, 'string');
    assert.deepEqual(body.errors, [
      { path: 'duties[0].start', message: 'must be a date' },
      { path: 'person.nhsNumber', message: 'is not a valid NHS number' },
    ]);

    const missing = await t.app.inject({ url: '/api/v1/probe/missing' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().status, 404);

    const conflict = await t.app.inject({ url: '/api/v1/probe/conflict' });
    assert.equal(conflict.statusCode, 409);
    assert.deepEqual(conflict.json().current, { name: 'Saved', version: 3 });
    assert.deepEqual(conflict.json().attempted, { name: 'Mine', version: 2 });

    const unknown = await t.app.inject({ url: '/api/v1/nothing-here' });
    assert.equal(unknown.statusCode, 404);
    assert.match(String(unknown.headers['content-type']), /^application\/problem\+json/);

    const unauthenticated = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate', payload: {} });
    assert.equal(unauthenticated.statusCode, 401);
    assert.equal(unauthenticated.json().status, 401);

    const crash = await t.app.inject({ url: '/api/v1/probe/crash' });
    assert.equal(crash.statusCode, 500);
    assert.doesNotMatch(crash.body, /secret internals/);
  } finally {
    await t.close();
  }
});

test('pages: the conflict page shows both values; a crash shows no stack trace', async () => {
  const t = await createTestApp(probeRoutes);
  try {
    const conflict = await t.app.inject({ url: '/probe/conflict' });
    assert.equal(conflict.statusCode, 409);
    assert.match(conflict.body, /Someone else changed this record/);
    assert.match(conflict.body, /Saved by Bob/);
    assert.match(conflict.body, /Typed by Alice/);
    assert.doesNotMatch(conflict.body, /<td[^>]*>version<\/td>/);

    const crash = await t.app.inject({ url: '/probe/crash' });
    assert.equal(crash.statusCode, 500);
    assert.match(crash.body, /Sorry, there is a problem with the service/);
    assert.doesNotMatch(crash.body, /secret internals|app\.ts|at Object|943 476 5919/);
    assert.match(crash.body, new RegExp(String(crash.headers['x-request-id'])));

    const missing = await t.app.inject({ url: '/no/such/page' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /Page not found/);
  } finally {
    await t.close();
  }
});

test('security headers: CSP with a nonce on the inline script, no framing, referrer policy, no-store', async () => {
  const t = await createTestApp();
  try {
    const alice = await t.signedInUser(['auditor']);
    const page = await t.app.inject({ url: '/audit', headers: alice.headers });
    const csp = String(page.headers['content-security-policy']);
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const inlineScripts = page.body.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
    assert.ok(inlineScripts.length >= 2);
    for (const tag of inlineScripts) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.equal(page.headers['referrer-policy'], 'same-origin');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
    const other = await t.app.inject({ url: '/audit', headers: alice.headers });
    assert.notEqual(/nonce-([^']+)/.exec(String(other.headers['content-security-policy']))?.[1], nonce, 'a new nonce per response');
  } finally {
    await t.close();
  }
});

test('the layout: plain header with the user and organisation, skip link, navigation, footer, no crown', async () => {
  const t = await createTestApp();
  try {
    const alice = await t.signedInUser(['auditor']);
    const page = (await t.app.inject({ url: '/audit', headers: alice.headers })).body;
    assert.match(page, /class="govuk-skip-link"/);
    assert.match(page, /class="app-header__service-name">Aftercare</);
    assert.match(page, /Northshire County Council/);
    assert.match(page, /href="\/accessibility"/);
    assert.match(page, /href="\/audit"/);
    assert.doesNotMatch(page, /govuk-header__logotype|govuk-logo|crown/i);
    assert.match(page, /<link rel="stylesheet" href="\/static\/application.css">/);
  } finally {
    await t.close();
  }
});

test('request ids: a sane incoming x-request-id is kept, anything else replaced', async () => {
  const t = await createTestApp();
  try {
    assert.equal((await t.app.inject({ url: '/health', headers: { 'x-request-id': 'lb-1234' } })).headers['x-request-id'], 'lb-1234');
    const replaced = await t.app.inject({ url: '/health', headers: { 'x-request-id': '<script>' } });
    assert.match(String(replaced.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  } finally {
    await t.close();
  }
});

test('/health is public, trivial JSON', async () => {
  const t = await createTestApp();
  try {
    const response = await t.app.inject({ url: '/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
    assert.equal(response.headers['set-cookie'], undefined, 'no cookie for a JSON route');
    const page = await t.app.inject({ url: '/sign-in' });
    assert.match(String(page.headers['set-cookie']), /aftercare_csrf=/, 'a page with a form sets the anonymous CSRF cookie');
  } finally {
    await t.close();
  }
});
