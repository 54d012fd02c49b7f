/**
 * Hostile input against every `/api/v1` operation in the app's own OpenAPI document (so new capabilities'
 * endpoints join automatically): fast-check bodies and queries built from each operation's schema with
 * wrong types, missing and extra fields, huge strings, odd Unicode, invalid dates, `__proto__` /
 * `constructor` keys and deep nesting; plus oversize and malformed bodies. Every answer is below 500 and,
 * when refused, `application/problem+json` — and a refused request changes no table (audit trail included).
 * Malformed case files for evaluate and import: clear errors naming the field, nothing written.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createWorld, type World } from './support/world.ts';
import { changedTables, tableFingerprints } from './support/db-snapshot.ts';
import { usingPostgres } from '../support/database.ts';

/**
 * Cases per operation. The refusals are the API's own validation, the same on both engines; the embedded
 * pass (one connection, a fingerprint of every table around each case) runs fewer and the PostgreSQL pass the
 * full set, so CI fuzzes both without the embedded pass dominating the suite. FUZZ_RUNS overrides both.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? (usingPostgres() ? 25 : 10));

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  anyOf?: JsonSchema[];
}
interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  query: string[];
}

let world: World;
let operations: Operation[];
/** Ids of the own person's records, for path parameters (`{dutyId}` → a duty of the person). */
let records: Record<string, unknown>;

before(async () => {
  world = await createWorld();
  const doc = (await world.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: { in: string; name: string }[] }>>;
  };
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        body: op.requestBody?.content?.['application/json']?.schema,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
  const id = world.people.own.id;
  const exported = await world.api('GET', `/api/v1/people/${id}/case-file`);
  const viewed = await world.api('GET', `/api/v1/people/${id}`);
  records = { ...exported.json, ...viewed.json };
});

after(async () => {
  await world?.t.close();
});

const singular = (word: string) => word.replace(/ies$/, 'y').replace(/s$/, '').toLowerCase();

function concretePath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (name === 'personId' || name === 'id') return world.people.own.id;
    const stem = name.replace(/Id$/, '').toLowerCase();
    for (const [key, value] of Object.entries(records)) {
      if (singular(key) === stem && Array.isArray(value)) {
        const first = value.find((r): r is { id: string } => typeof (r as { id?: unknown })?.id === 'string');
        if (first) return encodeURIComponent(first.id);
      }
    }
    return `no-such-${name}`;
  });
}

const HUGE = 'x'.repeat(300_000);
const oddStrings = [
  '',
  ' ',
  '\u0000',
  '\u202eevil\u202c',
  '\ud800',
  '\udfff\ud800',
  '𝕏'.repeat(500),
  'ﷺ'.repeat(100),
  'e\u0301'.repeat(300),
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; drop table people; --",
  '${7*7}{{7*7}}',
  '../../etc/passwd',
  '%00',
  HUGE,
];
const badDates = ['2025-02-30', '2025-13-01', '0000-00-00', '2025-00-10', '99999-01-01', '2025-1-1', '2025-06-01T25:61:00Z', '01/06/2025', 'yesterday', '1e10', '-2025-06-01'];
const protoKeys = ['__proto__', 'constructor', 'prototype'];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [[[]]]),
  fc.constantFrom(...oddStrings, ...badDates),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom('a', 'id', 'version', ...protoKeys), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

function plausible(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return hostileValue;
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return fc.constantFrom('2025-06-01', 'org-north', 'Ada', world.people.own.id);
    case 'integer':
    case 'number':
      return fc.integer({ min: 1, max: 3 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.constant([]);
    default:
      return hostileValue;
  }
}

/** A body shaped like the schema (some fields plausible, some hostile, some missing) plus extra keys. */
function hostileBody(schema: JsonSchema | undefined): fc.Arbitrary<{ raw: string; note: string }> {
  const props = Object.entries(schema?.properties ?? {});
  const shaped = fc
    .tuple(
      fc.record(Object.fromEntries(props.map(([name, s]) => [name, fc.oneof(plausible(s), hostileValue)])), { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('extra', 'id', 'personId', 'organisationId', 'version', 'isAdmin'), hostileValue, { maxKeys: 2 }),
      fc.option(fc.constantFrom(...protoKeys), { nil: undefined }),
    )
    .map(([fields, extra, proto]) => {
      const json = JSON.stringify({ ...(fields as object), ...extra });
      // Written by hand: an object literal's `__proto__` would set the prototype, not a key.
      const raw = proto ? json.replace(/^\{/, `{"${proto}":{"isAdmin":true,"polluted":"yes"}${json === '{}' ? '' : ','}`) : json;
      return { raw, note: 'shaped' };
    });
  const deep = fc.integer({ min: 1_000, max: 20_000 }).map((depth) => ({ raw: `${'{"a":['.repeat(depth)}${']}'.repeat(depth)}`, note: `nested ${depth}` }));
  const junk = fc.oneof(
    hostileValue.map((v) => ({ raw: JSON.stringify(v) ?? 'null', note: 'not an object' })),
    fc.constantFrom('{', '{"a":', 'nul', '{"a":1}}', '\u0000', '{"a":"\\ud800"}', "{'a':1}", '[1,2,,3]').map((raw) => ({ raw, note: 'malformed JSON' })),
  );
  return fc.oneof({ arbitrary: shaped, weight: 6 }, { arbitrary: deep, weight: 1 }, { arbitrary: junk, weight: 2 });
}

const hostileQuery = (names: string[]) =>
  fc.dictionary(fc.constantFrom(...names, '__proto__', 'constructor', 'extra'), fc.oneof(fc.constantFrom(...oddStrings.slice(0, -1), ...badDates, '-1', '0', '1e9', 'NaN'), fc.string({ maxLength: 30 })), { maxKeys: 4 })
    .map((q) => new URLSearchParams(q as Record<string, string>).toString());

interface Outcome {
  status: number;
  type: string;
  body: string;
}

/**
 * The tables' fingerprint after the last refused request, while no request has been sent since: the state
 * the next request starts from, so its "before" need not be read again (every case still compares the
 * tables just before its request with just after it).
 */
let unchangedSince: Record<string, string> | undefined;

async function send(method: string, url: string, raw?: string, contentType = 'application/json'): Promise<Outcome> {
  unchangedSince = undefined;
  const response = await world.t.app.inject({
    method: method as 'POST',
    url,
    headers: { authorization: `Bearer ${world.tokens.north}`, ...(raw === undefined ? {} : { 'content-type': contentType }) },
    ...(raw === undefined ? {} : { payload: raw }),
  });
  return { status: response.statusCode, type: String(response.headers['content-type'] ?? ''), body: response.body };
}

async function assertRefusedCleanly(label: string, run: () => Promise<Outcome>): Promise<Outcome> {
  const before = unchangedSince ?? (await tableFingerprints(world.t.database.db));
  const outcome = await run();
  assert.ok(outcome.status < 500, `${label} → ${outcome.status} ${outcome.body.slice(0, 300)}`);
  if (outcome.status >= 400) {
    assert.match(outcome.type, /^application\/problem\+json/, `${label} → ${outcome.status} ${outcome.type}`);
    const problem = JSON.parse(outcome.body) as { type?: unknown; title?: unknown; status?: unknown };
    assert.equal(problem.status, outcome.status, label);
    assert.equal(typeof problem.title, 'string', label);
  }
  if (outcome.status >= 400) {
    const after = await tableFingerprints(world.t.database.db);
    assert.deepEqual(changedTables(before, after), [], `${label} → ${outcome.status} changed tables`);
    unchangedSince = after;
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched');
  assert.equal(({} as Record<string, unknown>).isAdmin, undefined, 'Object.prototype is untouched');
  return outcome;
}

test('the OpenAPI document lists the API operations to fuzz', () => {
  assert.ok(operations.length >= 10, `${operations.length} operations`);
  assert.ok(operations.some((o) => o.path === '/api/v1/people' && o.method === 'POST'));
});

test('hostile bodies to every API operation: never a 5xx, problem+json, no change when refused', async () => {
  const withBody = operations.filter((o) => o.method !== 'GET' && o.method !== 'DELETE');
  for (const op of withBody) {
    const url = concretePath(op.path);
    await fc.assert(
      fc.asyncProperty(hostileBody(op.body), async ({ raw, note }) => {
        await assertRefusedCleanly(`${op.method} ${op.path} (${note}: ${raw.slice(0, 120)})`, () => send(op.method, url, raw));
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 117) },
    );
  }
});

test('hostile queries to every API read: never a 5xx, problem+json when refused', async () => {
  for (const op of operations.filter((o) => o.method === 'GET')) {
    const url = concretePath(op.path);
    await fc.assert(
      fc.asyncProperty(hostileQuery(op.query.length > 0 ? op.query : ['q']), async (query) => {
        const outcome = await send('GET', `${url}?${query}`);
        assert.ok(outcome.status < 500, `GET ${op.path}?${query} → ${outcome.status}`);
        if (outcome.status >= 400) assert.match(outcome.type, /^application\/problem\+json/);
      }),
      { numRuns: RUNS, seed: 117 },
    );
  }
});

test('hostile path segments: odd ids are 404 problems, never 5xx', async () => {
  const ids = ['%00', '..%2F..%2Fetc%2Fpasswd', '%E2%80%AE', encodeURIComponent('\u{1F600}'.repeat(50)), 'x'.repeat(5000), "'%20or%201=1--", '%ED%A0%80', '__proto__', 'constructor'];
  for (const op of operations.filter((o) => o.path.includes('{'))) {
    for (const id of ids) {
      const url = op.path.replace(/\{[^}]+\}/g, id);
      await assertRefusedCleanly(`${op.method} ${url}`, () => send(op.method, url, op.method === 'GET' ? undefined : '{}'));
    }
  }
});

test('oversize bodies, wrong content types and malformed JSON are refused as problems', async () => {
  const url = '/api/v1/people';
  const oversize = await assertRefusedCleanly('11 MB body', () => send('POST', url, JSON.stringify({ givenName: 'x'.repeat(11 * 1_048_576) })));
  assert.equal(oversize.status, 413);
  for (const [raw, type] of [
    ['givenName=Ada', 'application/x-www-form-urlencoded'],
    ['<person/>', 'application/xml'],
    ['givenName', 'text/plain'],
    ['{"givenName":', 'application/json'],
    ['{"__proto__":{"isAdmin":true},"givenName":"A","familyName":"B"}', 'application/json'],
    ['{"constructor":{"prototype":{"isAdmin":true}},"givenName":"A","familyName":"B"}', 'application/json'],
  ] as const) {
    const outcome = await assertRefusedCleanly(`${type} ${raw}`, () => send('POST', url, raw, type));
    assert.ok(outcome.status >= 400, `${type} ${raw} → ${outcome.status}`);
  }
});

function validCaseFile(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('../fixtures/law/TC-01.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** Case files broken in one place each, with the path the error must name. */
function brokenCaseFiles(): { label: string; file: unknown; path?: RegExp; storedOnly?: boolean }[] {
  const file = validCaseFile();
  const person = file.person as Record<string, unknown>;
  return [
    { label: 'not an object', file: [] },
    { label: 'wrong schema id', file: { ...file, schema: 'aftercare.case-file/v0' }, path: /^schema/ },
    { label: 'missing person', file: { ...file, person: undefined }, path: /^person/ },
    { label: 'person id a number', file: { ...file, person: { ...person, id: 42 } }, path: /^person\.id/ },
    { label: 'impossible date of birth', file: { ...file, person: { ...person, dateOfBirth: '2001-02-30' } }, path: /^person\.dateOfBirth/ },
    { label: 'detentions not an array', file: { ...file, detentions: 'many' }, path: /^detentions/ },
    { label: 'a duty naming an unknown organisation', file: { ...file, duties: [{ detentionId: 'nope', start: '2025-06-01', localAuthorityId: 'no-such-org', healthBodyId: 'no-such-org' }] }, path: /^duties/ },
    { label: 'an unknown top-level key', file: { ...file, surprise: true } },
    // Evaluating stores nothing, so only an import must refuse what the database cannot index.
    { label: 'a huge name', file: { ...file, person: { ...person, givenName: HUGE } }, storedOnly: true },
    { label: 'a null character in a name', file: { ...file, person: { ...person, familyName: 'a\u0000b' } }, path: /^person\.familyName/ },
  ];
}

test('malformed case files: evaluate answers a clear problem naming the field and writes nothing', async () => {
  const ok = await send('POST', '/api/v1/evaluate', JSON.stringify(validCaseFile()));
  assert.equal(ok.status, 200, ok.body.slice(0, 300));
  for (const { label, file, path } of brokenCaseFiles().filter((c) => !c.storedOnly)) {
    const outcome = await assertRefusedCleanly(`evaluate: ${label}`, () => send('POST', '/api/v1/evaluate', JSON.stringify(file)));
    assert.ok(outcome.status === 400 || outcome.status === 422, `evaluate: ${label} → ${outcome.status}`);
    if (path) {
      const errors = (JSON.parse(outcome.body) as { errors?: { path: string; message: string }[] }).errors ?? [];
      assert.ok(errors.some((e) => path.test(e.path) && e.message.length > 0), `evaluate: ${label} names ${String(path)}: ${JSON.stringify(errors).slice(0, 300)}`);
    }
  }
});

test('malformed case files: import answers a clear problem naming the field and writes nothing', async () => {
  for (const { label, file, path } of brokenCaseFiles()) {
    const outcome = await assertRefusedCleanly(`import: ${label}`, () => send('POST', '/api/v1/case-files', JSON.stringify(file)));
    assert.ok(outcome.status === 400 || outcome.status === 422, `import: ${label} → ${outcome.status}`);
    if (path) {
      const errors = (JSON.parse(outcome.body) as { errors?: { path: string; message: string }[] }).errors ?? [];
      assert.ok(errors.some((e) => path.test(e.path) && e.message.length > 0), `import: ${label} names ${String(path)}: ${JSON.stringify(errors).slice(0, 300)}`);
    }
  }
});
