import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../../../support/app.ts';
import { MissingRoutePermissionError } from '../../../../src/platform/http/setup-authorisation.ts';
import { isPermission } from '../../../../src/platform/permissions.ts';

test('a route that declares no permission stops the server from starting', async () => {
  await assert.rejects(
    createTestApp({ extraRoutes: (app) => void app.get('/forgot-me', async () => 'open to all') }),
    (error: unknown) => error instanceof MissingRoutePermissionError && /GET,HEAD \/forgot-me|GET \/forgot-me/.test(error.message),
  );
});

test('a misspelt permission stops the server from starting too', async () => {
  await assert.rejects(
    createTestApp({ extraRoutes: (app) => void app.get('/typo', { config: { permission: 'case:reed' as never } }, async () => 'x') }),
    MissingRoutePermissionError,
  );
});

test('the route table lists every route with a valid permission', async () => {
  const t = await createTestApp();
  try {
    const table = t.app.routeTable;
    const find = (method: string, url: string) => table.find((r) => r.method === method && r.url === url)?.permission;
    assert.equal(find('GET', '/health'), 'public');
    assert.equal(find('GET', '/audit'), 'audit:read');
    assert.equal(find('POST', '/api/v1/evaluate'), 'evaluate');
    assert.equal(find('POST', '/sign-out'), 'authenticated');
    assert.ok(table.some((r) => r.url.startsWith('/api/docs') && r.permission === 'public'), 'Swagger UI is public by the explicit prefix');
    for (const route of table) assert.ok(['public', 'authenticated'].includes(route.permission) || isPermission(route.permission), `${route.method} ${route.url}`);
  } finally {
    await t.close();
  }
});

test('pages: not signed in → sign-in; signed in without the permission → 403 page', async () => {
  const t = await createTestApp();
  try {
    const anonymous = await t.app.inject({ url: '/audit?personId=p1' });
    assert.equal(anonymous.statusCode, 302);
    assert.equal(anonymous.headers.location, '/sign-in?returnTo=%2Faudit%3FpersonId%3Dp1');
    const practitioner = await t.signedInUser(['practitioner']);
    const forbidden = await t.app.inject({ url: '/audit', headers: practitioner.headers });
    assert.equal(forbidden.statusCode, 403);
    assert.match(forbidden.body, /You do not have permission to do this/);
    const auditor = await t.signedInUser(['auditor']);
    assert.equal((await t.app.inject({ url: '/audit', headers: auditor.headers })).statusCode, 200);
  } finally {
    await t.close();
  }
});
