import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceContext } from '../../../src/platform/context.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';

let t: TestApp;
let officer: SignedIn;
let practitioner: SignedIn;
let personId: string;

before(async () => {
  t = await createTestApp();
  await t.createOrganisation({ id: 'org-icb', name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1' });
  const organisationId = await t.createOrganisation({ id: 'org-north', name: 'Northshire County Council', code: 'E10000001' });
  officer = await t.signedInUser(['complaints_officer'], { organisationId });
  practitioner = await t.signedInUser(['practitioner'], { organisationId });
  const ctx: ServiceContext = { actor: { kind: 'user', id: officer.id, name: 'Officer', organisationId, teamId: null, roles: ['team_manager'] }, requestId: 'test', now: new Date() };
  ({ id: personId } = await t.services.register.createPerson(ctx, { givenName: 'Ada', familyName: 'Lovelace' }));
});
after(() => t.close());

const api = (user: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { ...user.headers, 'x-csrf-token': user.csrfToken }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

test('the API records a complaint, reports every error as a problem, refuses a stale version and a practitioner’s write', async () => {
  const base = `/api/v1/people/${personId}/complaints`;
  const invalid = await api(officer, 'POST', base, { receivedOn: '2026-02-30', organisationIds: ['org-north', 'org-icb'], procedure: 'corporate' });
  assert.equal(invalid.statusCode, 422);
  assert.match(invalid.headers['content-type'] ?? '', /application\/problem\+json/);
  const paths = (invalid.json() as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
  assert.deepEqual(paths, ['complainant', 'corporateStage', 'leadOrganisationId', 'receivedOn']);

  const created = await api(officer, 'POST', base, { receivedOn: '2026-02-02', complainant: 'person', organisationIds: ['org-north'], procedure: 'statutory_2009', points: ['No reply'] });
  assert.equal(created.statusCode, 201);
  const { id } = created.json() as { id: string };
  const step = await api(officer, 'POST', `${base}/${id}/steps`, { kind: 'acknowledge', on: '2026-02-03', version: 1 });
  assert.equal(step.statusCode, 200);
  assert.equal((await api(officer, 'POST', `${base}/${id}/steps`, { kind: 'withdraw', version: 1 })).statusCode, 409);
  assert.equal((await api(practitioner, 'POST', `${base}/${id}/steps`, { kind: 'withdraw', version: 2 })).statusCode, 403);

  const read = await api(practitioner, 'GET', base);
  assert.equal(read.statusCode, 200);
  const body = read.json() as { complaints: { complaint: { acknowledgedOn: string }; clock: { responseDue: string }; steps: string[] }[] };
  assert.equal(body.complaints[0]?.complaint.acknowledgedOn, '2026-02-03');
  assert.equal(body.complaints[0]?.clock.responseDue, '2026-08-02');
  assert.deepEqual(body.complaints[0]?.steps, ['respond', 'agree_response_date', 'withdraw']);
  assert.equal((await api(officer, 'GET', '/api/v1/remedies?asOf=2026-03-01')).statusCode, 200);
  assert.equal((await api(practitioner, 'GET', '/api/v1/complaints')).statusCode, 403);
});
