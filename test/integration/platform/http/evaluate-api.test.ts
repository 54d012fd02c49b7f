import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createApiToken } from '../../../../src/platform/auth/api-tokens.ts';
import { systemContext } from '../../../../src/platform/context.ts';
import { validateCaseFile } from '../../../../src/domain/case-file/validate.ts';
import { evaluate } from '../../../../src/domain/rules/evaluate.ts';
import { createTestApp } from '../../../support/app.ts';

const caseFile = JSON.parse(readFileSync(new URL('../../../fixtures/law/TC-13.json', import.meta.url), 'utf8')) as Record<string, unknown>;

test('POST /api/v1/evaluate evaluates a case file as of a date, for a bearer token of any role', async () => {
  const t = await createTestApp();
  try {
    const organisationId = await t.createOrganisation();
    const { token } = await createApiToken(t.database.db, systemContext(), { name: 'Case system', organisationId, roles: ['panel_member'] });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate?asOf=2024-01-01', headers: { authorization: `Bearer ${token}` }, payload: caseFile });
    assert.equal(response.statusCode, 200, response.body);
    const evaluation = response.json();
    assert.equal(evaluation.schema, 'aftercare.evaluation/v1');
    assert.equal(evaluation.asOf, '2024-01-01');
    assert.equal(typeof evaluation.entitled, 'boolean');
    assert.ok(Array.isArray(evaluation.duties) && Array.isArray(evaluation.alerts));
    const validated = validateCaseFile(caseFile);
    assert.ok(validated.ok);
    assert.equal(response.body, JSON.stringify(evaluate(validated.caseFile, '2024-01-01')), 'the same document as the engine (and the CLI) gives, byte for byte');

    const mrB = JSON.parse(readFileSync(new URL('../../../fixtures/alerts/mr-b.json', import.meta.url), 'utf8')) as unknown;
    const mrBValidated = validateCaseFile(mrB);
    assert.ok(mrBValidated.ok);
    const rich = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate?asOf=2025-06-01', headers: { authorization: `Bearer ${token}` }, payload: mrB as Record<string, unknown> });
    assert.equal(rich.statusCode, 200);
    assert.equal(rich.body, JSON.stringify(evaluate(mrBValidated.caseFile, '2025-06-01')));
  } finally {
    await t.close();
  }
});

test('an invalid case file → 422 problem naming each invalid path; a bad asOf → 400 naming asOf', async () => {
  const t = await createTestApp();
  try {
    const organisationId = await t.createOrganisation();
    const { token } = await createApiToken(t.database.db, systemContext(), { name: 'Case system', organisationId, roles: ['practitioner'] });
    const headers = { authorization: `Bearer ${token}` };
    const broken = { ...caseFile, detentions: [{ id: 'd1', section: '3', start: '2023-13-45' }], person: { id: 'p1', givenName: 'Alex', familyName: 'Example', nhsNumber: '1234567890' } };
    const invalid = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate', headers, payload: broken });
    assert.equal(invalid.statusCode, 422, invalid.body);
    assert.match(String(invalid.headers['content-type']), /^application\/problem\+json/);
    const paths = (invalid.json().errors as { path: string }[]).map((e) => e.path);
    assert.ok(paths.includes('detentions[0].start'), paths.join(', '));
    assert.ok(paths.includes('person.nhsNumber'), paths.join(', '));

    const badDate = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate?asOf=yesterday', headers, payload: caseFile });
    assert.equal(badDate.statusCode, 400);
    assert.deepEqual((badDate.json().errors as { path: string }[]).map((e) => e.path), ['asOf']);

    const notJson = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate', headers: { ...headers, 'content-type': 'application/json' }, payload: '{"schema":' });
    assert.equal(notJson.statusCode, 400);
    assert.equal(notJson.json().status, 400);
  } finally {
    await t.close();
  }
});

test('API tokens: unknown or revoked tokens get 401 and never fall back to a cookie; tokens skip CSRF', async () => {
  const t = await createTestApp();
  try {
    const alice = await t.signedInUser(['practitioner']);
    const withSessionOnly = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate', headers: alice.headers, payload: caseFile });
    assert.equal(withSessionOnly.statusCode, 403, 'a browser session needs the CSRF header on the API too');
    const withSessionAndCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate?asOf=2024-01-01', headers: { ...alice.headers, 'x-csrf-token': alice.csrfToken }, payload: caseFile });
    assert.equal(withSessionAndCsrf.statusCode, 200);

    const wrongToken = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate', headers: { ...alice.headers, authorization: 'Bearer aft_not-a-real-token' }, payload: caseFile });
    assert.equal(wrongToken.statusCode, 401);

    const { revokeApiToken } = await import('../../../../src/platform/auth/api-tokens.ts');
    const { id, token } = await createApiToken(t.database.db, systemContext(), { name: 'Old', organisationId: alice.organisationId, roles: ['practitioner'] });
    await revokeApiToken(t.database.db, systemContext(), id);
    const revoked = await t.app.inject({ method: 'POST', url: '/api/v1/evaluate', headers: { authorization: `Bearer ${token}` }, payload: caseFile });
    assert.equal(revoked.statusCode, 401);
  } finally {
    await t.close();
  }
});

test('the OpenAPI 3.1 document describes the API and Swagger UI is served offline', async () => {
  const t = await createTestApp();
  try {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/evaluate']?.post, 'evaluate is documented');
    assert.equal(doc.paths['/audit'], undefined, 'pages are not in the API document');
    const ui = await t.app.inject({ url: '/api/docs/' });
    assert.equal(ui.statusCode, 200);
    assert.doesNotMatch(ui.body, /https?:\/\/(unpkg|cdn)/);
  } finally {
    await t.close();
  }
});
