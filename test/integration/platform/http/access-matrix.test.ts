/**
 * The access matrix over the whole route table (platform and modules): every route that is not public
 * refuses a caller who is not signed in, and every route guarded by a permission refuses each role that
 * lacks it — before any handler runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roles, type Role } from '../../../../src/platform/context.ts';
import { rolePermissions, type Permission } from '../../../../src/platform/permissions.ts';
import type { RouteEntry } from '../../../../src/platform/http/fastify-types.ts';
import { createTestApp } from '../../../support/app.ts';

/** A concrete URL for a route pattern: `:id` → `probe-id`, `:section(a|b)` → `a`, `*` → `probe`. */
function concreteUrl(pattern: string): string {
  return pattern
    .replace(/:[A-Za-z0-9_]+\(([^|)]+)[^)]*\)/g, '$1')
    .replace(/:[A-Za-z0-9_]+/g, 'probe-id')
    .replace(/\*/g, 'probe');
}

function guarded(table: RouteEntry[]): RouteEntry[] {
  const seen = new Set<string>();
  return table.filter((route) => {
    const key = `${route.method} ${route.url}`;
    if (route.permission === 'public' || route.method === 'HEAD' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

test('every non-public route refuses a caller who is not signed in', async () => {
  const t = await createTestApp();
  try {
    const routes = guarded(t.app.routeTable);
    assert.ok(routes.length >= 5, 'the table has guarded routes');
    for (const route of routes) {
      const url = concreteUrl(route.url);
      const response = await t.app.inject({ method: route.method as 'GET', url, ...(route.method === 'GET' ? {} : { payload: {} }) });
      const api = url.startsWith('/api/');
      const expected = api ? [401] : route.method === 'GET' ? [302] : [303];
      assert.ok(expected.includes(response.statusCode), `${route.method} ${route.url} → ${response.statusCode}`);
      if (!api) assert.match(String(response.headers.location), /^\/sign-in/, `${route.method} ${route.url}`);
    }
  } finally {
    await t.close();
  }
});

test('every route guarded by a permission refuses each role without it', async () => {
  const t = await createTestApp();
  try {
    const signedIn = new Map<Role, Awaited<ReturnType<typeof t.signedInUser>>>();
    for (const role of roles) signedIn.set(role, await t.signedInUser([role]));
    let checked = 0;
    for (const route of guarded(t.app.routeTable)) {
      if (route.permission === 'authenticated') continue;
      const permission = route.permission as Permission;
      for (const role of roles.filter((r) => !rolePermissions[r].includes(permission))) {
        const user = signedIn.get(role);
        assert.ok(user);
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.url),
          headers: { ...user.headers, 'x-csrf-token': user.csrfToken },
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        assert.equal(response.statusCode, 403, `${role} ${route.method} ${route.url}`);
        checked++;
      }
    }
    assert.ok(checked > 0, 'some role lacks some permission');
  } finally {
    await t.close();
  }
});
