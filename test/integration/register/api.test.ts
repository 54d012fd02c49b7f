import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiToken } from '../../../src/platform/auth/api-tokens.ts';
import { systemContext } from '../../../src/platform/context.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';

interface Api {
  t: TestApp;
  call(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, as?: string): Promise<{ status: number; json: Record<string, unknown>; type: string }>;
  north: string;
  south: string;
}

async function withApi(work: (api: Api) => Promise<void>) {
  const t = await createTestApp();
  try {
    await t.createOrganisation({ id: 'org-north', name: 'Northshire County Council', code: 'E10000001' });
    await t.createOrganisation({ id: 'org-south', name: 'Southshire County Council', code: 'E10000002' });
    await t.createOrganisation({ id: 'org-icb', name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1' });
    const token = async (organisationId: string) =>
      (await createApiToken(t.database.db, systemContext(), { name: 'test', organisationId, roles: ['team_manager'] })).token;
    const north = await token('org-north');
    const south = await token('org-south');
    const call: Api['call'] = async (method, url, body, as = north) => {
      const response = await t.app.inject({ method, url, headers: { authorization: `Bearer ${as}` }, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
      return { status: response.statusCode, json: response.json() as Record<string, unknown>, type: String(response.headers['content-type']) };
    };
    await work({ t, call, north, south });
  } finally {
    await t.close();
  }
}

test('create, read, change and list a person through the API', () =>
  withApi(async ({ call }) => {
    const created = await call('POST', '/api/v1/people', { givenName: 'Ada', familyName: 'Lovelace', nhsNumber: '943 476 5919' });
    assert.equal(created.status, 201);
    const id = String(created.json.id);
    const detention = await call('POST', `/api/v1/people/${id}/detentions`, { section: '3', start: '2025-01-10', end: '2025-06-01' });
    assert.equal(detention.status, 201);
    const duty = await call('POST', `/api/v1/people/${id}/duties`, { detentionId: detention.json.id, start: '2025-06-01', localAuthorityId: 'org-north', healthBodyId: 'org-icb' });
    assert.equal(duty.status, 201);
    const read = await call('GET', `/api/v1/people/${id}`);
    assert.equal(read.status, 200);
    assert.equal((read.json.person as { nhsNumber: string }).nhsNumber, '9434765919');
    assert.equal((read.json.duties as unknown[]).length, 1);
    const changed = await call('PATCH', `/api/v1/people/${id}`, { familyName: 'King', version: 1 });
    assert.deepEqual(changed.json, { id, version: 2 });
    const ended = await call('PATCH', `/api/v1/people/${id}/duties/${String(duty.json.id)}`, { end: '2026-01-01', endReason: 'joint_decision', version: 1 });
    assert.equal(ended.status, 200);
    const list = await call('GET', '/api/v1/people?q=king&status=ended');
    assert.equal(list.status, 200);
    assert.equal(list.json.total, 1);
  }));

test('problems: 422 naming each field, 409 with both versions, 404 for people the caller may not see', () =>
  withApi(async ({ call, south }) => {
    const invalid = await call('POST', '/api/v1/people', { givenName: '', nhsNumber: '9434765918' });
    assert.equal(invalid.status, 422);
    assert.match(invalid.type, /application\/problem\+json/);
    assert.deepEqual((invalid.json.errors as { path: string }[]).map((e) => e.path).sort(), ['familyName', 'givenName', 'nhsNumber']);

    const { json } = await call('POST', '/api/v1/people', { givenName: 'Ada', familyName: 'Lovelace' });
    const id = String(json.id);
    await call('PATCH', `/api/v1/people/${id}`, { familyName: 'Byron', version: 1 });
    const stale = await call('PATCH', `/api/v1/people/${id}`, { familyName: 'King', version: 1 });
    assert.equal(stale.status, 409);
    assert.equal((stale.json.current as { version: number }).version, 2);
    assert.equal((stale.json.attempted as { version: number }).version, 1);

    assert.equal((await call('GET', `/api/v1/people/${id}`, undefined, south)).status, 404);
    assert.equal((await call('PATCH', `/api/v1/people/${id}`, { familyName: 'X', version: 2 }, south)).status, 404);
    assert.equal((await call('POST', `/api/v1/people/${id}/contacts`, { name: 'X', role: 'carer', actsForPerson: false }, south)).status, 404);
    assert.equal((await call('GET', '/api/v1/people/no-such-person')).status, 404);
    assert.equal((await call('GET', '/api/v1/people', undefined, south)).json.total, 0);
  }));

test('export a case file and import it again under a new id; an existing id is a conflict', () =>
  withApi(async ({ call }) => {
    const { json } = await call('POST', '/api/v1/people', { givenName: 'Ada', familyName: 'Lovelace' });
    const id = String(json.id);
    await call('POST', `/api/v1/people/${id}/contacts`, { name: 'Sam', role: 'carer', actsForPerson: true, consent: { given: true, date: '2025-01-01' } });
    const exported = await call('GET', `/api/v1/people/${id}/case-file`);
    assert.equal(exported.status, 200);
    assert.equal(exported.json.schema, 'aftercare.case-file/v1');
    assert.deepEqual(exported.json.carePlans, []);
    const again = await call('POST', '/api/v1/case-files', exported.json);
    assert.equal(again.status, 409);
    const copy = { ...exported.json, person: { ...(exported.json.person as object), id: 'copy-1' } };
    const imported = await call('POST', '/api/v1/case-files', copy);
    assert.equal(imported.status, 201);
    assert.deepEqual(imported.json, { id: 'copy-1' });
    // Every section has a store in the assembled app: another capability's section goes in and comes back out.
    const meeting = { id: 'm1', date: '2025-01-01', status: 'held', kind: 'review', invited: ['person'], attended: ['person'] };
    const withMeeting = await call('POST', '/api/v1/case-files', { ...copy, person: { ...copy.person, id: 'copy-2' }, meetings: [meeting] });
    assert.equal(withMeeting.status, 201);
    const exportedAgain = await call('GET', '/api/v1/people/copy-2/case-file');
    assert.deepEqual(exportedAgain.json.meetings, [meeting]);
  }));

test('the register API is in the OpenAPI document', () =>
  withApi(async ({ t }) => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const path of ['/api/v1/people', '/api/v1/people/{personId}', '/api/v1/people/{personId}/duties', '/api/v1/people/{personId}/case-file', '/api/v1/case-files']) {
      assert.ok(doc.paths[path], path);
    }
  }));
