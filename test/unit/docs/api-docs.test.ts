/**
 * docs/openapi.json and the endpoint tables of docs/api.md come from the app's own route table: they fail
 * here when a route is added, removed, renamed or given another permission without `npm run docs:generate`.
 * The app is built over a database that throws on any query, so this also proves generating needs none.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeApi, generatedDocs, renderEndpointTables, renderOpenApiJson, withEndpointTables, type ApiDescription } from '../../../scripts/generate-docs.ts';

const regenerate = 'run `npm run docs:generate` and commit the result';
let api: ApiDescription;

before(async () => {
  api = await describeApi();
});

test('docs/openapi.json is the app’s OpenAPI document', () => {
  assert.equal(readFileSync(generatedDocs.openapi, 'utf8'), renderOpenApiJson(api), regenerate);
});

test('docs/api.md holds the endpoint tables of the route table as it is', () => {
  const markdown = readFileSync(generatedDocs.api, 'utf8');
  assert.equal(markdown, withEndpointTables(markdown, renderEndpointTables(api)), regenerate);
});

test('every /api/v1 route is in a table, with its permission and a summary', () => {
  const tables = renderEndpointTables(api);
  assert.ok(api.routes.length > 50, `the route table holds the API (${api.routes.length} routes)`);
  for (const route of api.routes) {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    assert.ok(tables.includes(`| ${route.method} | \`${path}\` | \`${route.permission}\` |`), `${route.method} ${path}`);
  }
  assert.doesNotMatch(tables, /Not in the OpenAPI document/, 'an API route without a schema and summary');
});

test('the contract’s four endpoints exist and are marked as such', () => {
  const tables = renderEndpointTables(api);
  for (const endpoint of ['POST /api/v1/evaluate', 'POST /api/v1/case-files', 'GET /api/v1/people/{personId}/case-file', 'GET /api/v1/alerts']) {
    const [method, path] = endpoint.split(' ');
    const row = tables.split('\n').find((line) => line.startsWith(`| ${method} | \`${path}\` |`));
    assert.ok(row, `${endpoint} is in the route table`);
    assert.match(row, /\[contract\]\(/, `${endpoint} links the contract`);
  }
});

test('the markers must be there: a docs/api.md without them is an error, not a silent append', () => {
  assert.throws(() => withEndpointTables('# API\n', 'tables'), /must hold the markers/);
});
