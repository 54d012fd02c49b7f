/**
 * The access matrix, derived from the server's own route table (so every capability's routes join it
 * as they are registered):
 *   - every route declares a permission; the public routes are an explicit allow-list;
 *   - for every route that names a person (or a record of one), every role × { Northshire's own person,
 *     Southshire's person, Southshire's person shared with Northshire, a person that does not exist }:
 *     a role without the route's permission is refused (403), another organisation's person is 404 exactly
 *     like a person who does not exist (never 403, never a validation error that would confirm it exists),
 *     own and shared people are served (reads 200; writes reach the handler: neither 403 nor 404);
 *   - no response of any list, search, count, export or alert route carries the hidden person's id, name
 *     or NHS number.
 * Path parameters other than the person are filled from the person's exported case file (and API case) (`:dutyId` →
 * the first of `duties`, `:contactId` → `contacts`, …); a parameter that cannot be found there gets an id
 * that does not exist and must answer 404.
 * (test/integration/platform/http/access-matrix.test.ts checks anonymous callers on every route.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { roles, type Role } from '../../src/platform/context.ts';
import { isPermission, rolePermissions, type Permission } from '../../src/platform/permissions.ts';
import type { RouteEntry } from '../../src/platform/http/fastify-types.ts';
import { createWorld, nhsNumberForms, type FixturePerson, type World } from './support/world.ts';

/** Routes anyone may call. A new public route must be added here deliberately. */
const PUBLIC_ROUTES = [
  /^\/api\/docs(\/|$)/,
  /^\/api\/openapi\.json$/,
  /^\/([a-z]+-)?assets\/\*$/,
  /^\/static\/\*$/,
  /^\/favicon\.(ico|svg)$/,
  /^\/health$/,
  /^\/accessibility$/,
  /^\/sign-in$/,
  /^\/sign-in\/oidc\/:provider(\/callback)?$/,
  /^\/cookies$/,
  /^\/privacy$/,
];

const PERSON_PARAMS = new Set(['personId', 'id']);
type Category = 'own' | 'other' | 'shared' | 'missing';
const CATEGORIES: Category[] = ['own', 'other', 'shared', 'missing'];

let world: World;
/** Each fixture person's case file as exported by their own organisation. */
const caseFiles = new Map<Category, Record<string, unknown>>();
const notes: string[] = [];

before(async () => {
  world = await createWorld();
  const { people, tokens } = world;
  for (const [category, person, token] of [['own', people.own, tokens.north], ['other', people.other, tokens.south], ['shared', people.shared, tokens.south]] as const) {
    const exported = await world.api('GET', `/api/v1/people/${person.id}/case-file`, undefined, token);
    assert.equal(exported.status, 200);
    // The API's view of the case carries the ids of records a case file leaves out (allocations).
    const viewed = await world.api('GET', `/api/v1/people/${person.id}`, undefined, token);
    assert.equal(viewed.status, 200);
    caseFiles.set(category, { ...exported.json, ...viewed.json });
  }
});

after(async () => {
  if (notes.length > 0) console.log(`access matrix notes:\n  ${[...new Set(notes)].join('\n  ')}`);
  await world?.t.close();
});

function uniqueRoutes(table: RouteEntry[]): RouteEntry[] {
  const seen = new Set<string>();
  return table.filter((route) => {
    const key = `${route.method} ${route.url}`;
    if (route.method === 'HEAD' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function paramsOf(pattern: string): string[] {
  return [...pattern.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');
}

const singular = (word: string) => word.replace(/ies$/, 'y').replace(/s$/, '').toLowerCase();

/** The id of the first record of a case-file section matching `<stem>Id` (e.g. `dutyId` → `duties[0].id`). */
function recordIdFor(param: string, caseFile: Record<string, unknown> | undefined): string | undefined {
  const stem = param.replace(/Id$/, '').toLowerCase();
  for (const [key, value] of Object.entries(caseFile ?? {})) {
    if (singular(key) !== stem || !Array.isArray(value)) continue;
    const first = value.find((r): r is { id: string } => typeof (r as { id?: unknown })?.id === 'string');
    if (first) return first.id;
  }
  return undefined;
}

function personFor(category: Category): FixturePerson | undefined {
  return category === 'missing' ? undefined : world.people[category];
}

/** The concrete URL of a route for a category of person, and whether every parameter was found. */
function urlFor(route: RouteEntry, category: Category): { url: string; complete: boolean } {
  let complete = true;
  const url = route.url
    .replace(/:([A-Za-z0-9_]+)\(([^|)]+)[^)]*\)/g, '$2')
    .replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
      if (PERSON_PARAMS.has(name)) return encodeURIComponent(personFor(category)?.id ?? 'no-such-person');
      const id = recordIdFor(name, caseFiles.get(category));
      if (!id) {
        complete = false;
        if (category !== 'missing') notes.push(`${route.method} ${route.url}: no ${name} in the fixture's case file; expecting 404`);
      }
      return encodeURIComponent(id ?? `no-such-${name}`);
    })
    .replace(/\*/g, 'probe');
  return { url, complete };
}

async function call(user: World['users'] extends Map<Role, infer U> ? U : never, method: string, url: string) {
  const response = await world.t.app.inject({
    method: method as 'GET',
    url,
    headers: { ...user.headers, 'x-csrf-token': user.csrfToken },
    ...(method === 'GET' ? {} : { payload: { _csrf: user.csrfToken } }),
  });
  return response;
}

test('every route declares a permission, and only allow-listed routes are public', () => {
  const routes = uniqueRoutes(world.t.app.routeTable);
  assert.ok(routes.length > 20, 'the route table lists the routes');
  for (const route of routes) {
    const p = route.permission as string | undefined;
    assert.ok(p === 'public' || p === 'authenticated' || (p !== undefined && isPermission(p)), `${route.method} ${route.url} declares a permission (${String(p)})`);
    if (p === 'public') assert.ok(PUBLIC_ROUTES.some((pattern) => pattern.test(route.url)), `${route.method} ${route.url} is public but not on the allow-list`);
  }
});

test('every route that names a person: each role × own, other, shared and missing people', async () => {
  const routes = uniqueRoutes(world.t.app.routeTable).filter((r) => r.permission !== 'public' && paramsOf(r.url).length > 0);
  assert.ok(routes.some((r) => r.url.startsWith('/api/v1/')) && routes.some((r) => !r.url.startsWith('/api/')), 'pages and API routes with parameters');
  const failures: string[] = [];
  let checked = 0;
  for (const route of routes) {
    const names = paramsOf(route.url);
    const namesPerson = names.some((n) => PERSON_PARAMS.has(n));
    for (const role of roles) {
      const user = world.users.get(role);
      assert.ok(user);
      const permitted = route.permission === 'authenticated' || rolePermissions[role].includes(route.permission as Permission);
      const statuses = new Map<Category, { status: number; complete: boolean }>();
      for (const category of CATEGORIES) {
        const { url, complete } = urlFor(route, category);
        statuses.set(category, { status: (await call(user, route.method, url)).statusCode, complete });
        checked++;
      }
      const missing = statuses.get('missing')?.status;
      for (const [category, { status, complete }] of statuses) {
        const where = `${role} ${route.method} ${route.url} [${category}] → ${status}`;
        if (status >= 500) failures.push(`${where}: server error`);
        else if (!permitted) {
          if (status !== 403) failures.push(`${where}: expected 403 (role lacks ${route.permission})`);
        } else if (category === 'other' || category === 'missing' || !complete) {
          if (status === 404) continue;
          // A write that rejects the (empty) body before looking the person up answers a hidden person
          // exactly as a missing one: no oracle, so noted rather than failed — but 404 is the contract.
          if (route.method !== 'GET' && (status === 400 || status === 422) && status === missing) {
            notes.push(`${route.method} ${route.url}: validates the body before checking the person (${status} for hidden and missing alike; 404 expected)`);
          } else failures.push(`${where}: expected 404 (${namesPerson ? 'person' : 'record'} not visible or not found)`);
        } else if (route.method === 'GET') {
          if (status !== 200) failures.push(`${where}: expected 200`);
        } else if (status === 403 || status === 404) {
          failures.push(`${where}: a write to a visible person must reach the handler`);
        }
      }
    }
  }
  assert.ok(checked > 100, `checked ${checked} combinations`);
  assert.deepEqual(failures, []);
});

test('an ICB sees the people whose duties name it, and not others', async () => {
  const { icbUser, people } = world;
  assert.equal((await call(icbUser, 'GET', `/people/${people.own.id}`)).statusCode, 200);
  assert.equal((await call(icbUser, 'GET', `/api/v1/people/${people.own.id}`)).statusCode, 200);
  assert.equal((await call(icbUser, 'GET', `/people/${people.other.id}`)).statusCode, 404);
  assert.equal((await call(icbUser, 'GET', `/api/v1/people/${people.shared.id}`)).statusCode, 404);
  const list = (await call(icbUser, 'GET', '/api/v1/people')).json() as { total: number };
  assert.equal(list.total, 1);
});

test('the register counts only the people the organisation may see', async () => {
  const reader = world.users.get('practitioner');
  assert.ok(reader);
  const list = (await call(reader, 'GET', '/api/v1/people?pageSize=100')).json() as { total: number; items?: { id: string }[] };
  assert.equal(list.total, 2, 'own and shared');
  const page = (await call(reader, 'GET', '/people')).body;
  assert.ok(page.includes(world.people.own.familyName) && page.includes(world.people.shared.familyName), 'the list shows own and shared people (the leak check below is not vacuous)');
});

test('no list, search, count, export or alert response carries the hidden person', async () => {
  const { other } = world.people;
  const secrets = [other.id, other.familyName, other.givenName, ...nhsNumberForms(other.nhsNumber)];
  const queries = ['', `?q=${other.familyName}`, `?q=${other.nhsNumber}`, `?q=${encodeURIComponent(nhsNumberForms(other.nhsNumber)[1] ?? '')}`, `?q=${other.givenName.slice(0, 4)}`, '?pageSize=100'];
  const routes = uniqueRoutes(world.t.app.routeTable).filter((r) => r.method === 'GET' && !/[:*]/.test(r.url) && !/^\/(api\/docs|assets|static)/.test(r.url));
  assert.ok(routes.some((r) => r.url === '/people'));
  const leaks: string[] = [];
  const readers = [...roles.map((role) => [role, world.users.get(role)] as const), ['practitioner', world.icbUser] as const];
  for (const route of routes) {
    for (const [role, user] of readers) {
      if (!user || (route.permission !== 'authenticated' && !rolePermissions[role].includes(route.permission as Permission))) continue;
      for (const query of queries) {
        const response = await call(user, 'GET', `${route.url}${query}`);
        assert.ok(response.statusCode < 500, `${route.url}${query} → ${response.statusCode}`);
        // The search box echoes the caller's own query; anything else about the person is a leak.
        const echoed = decodeURIComponent(query);
        for (const secret of secrets) if (!echoed.includes(secret) && response.body.includes(secret)) leaks.push(`${role} ${route.url}${query} shows ${secret}`);
      }
    }
  }
  // Every person-scoped read of the visible people must not mention the hidden one either.
  for (const person of [world.people.own, world.people.shared]) {
    for (const route of uniqueRoutes(world.t.app.routeTable).filter((r) => r.method === 'GET' && r.url.includes(':personId'))) {
      const reader = world.users.get('team_manager');
      assert.ok(reader);
      const response = await call(reader, 'GET', route.url.replace(/:[A-Za-z0-9_]+/g, person.id));
      for (const secret of secrets) if (response.body.includes(secret)) leaks.push(`${route.url} for ${person.familyName} shows ${secret}`);
    }
  }
  assert.deepEqual(leaks, []);
});
