/**
 * Coordination's pages through the whole app (app.inject): the sections render, the forms show the GOV.UK
 * error summary and refuse a post without the CSRF token, only panel members see and use the decision
 * form, a resubmission starts filled in with the refused-before banner, and a letter renders as HTML and PDF
 * and is recorded as sent.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';
import type { ServiceContext } from '../../../src/platform/context.ts';
import { careServices } from '../../../src/modules/care-records/tables.ts';

let t: TestApp;
let worker: SignedIn;
let panelMember: SignedIn;
let personId = '';
let dutyId = '';

const form = (user: SignedIn, url: string, fields: Record<string, string | string[]>, csrf = true) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  if (csrf) body.append('_csrf', user.csrfToken);
  return t.app.inject({ method: 'POST', url, headers: { ...user.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
};
const get = (user: SignedIn, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });
const date = (name: string, iso: string) => ({ [`${name}-day`]: iso.slice(8, 10), [`${name}-month`]: iso.slice(5, 7), [`${name}-year`]: iso.slice(0, 4) });

before(async () => {
  t = await createTestApp();
  worker = await t.signedInUser(['practitioner']);
  panelMember = await t.signedInUser(['panel_member'], { organisationId: worker.organisationId });
  await t.createOrganisation({ id: 'org-icb', name: 'NHS Test ICB', kind: 'icb' });
  await t.createOrganisation({ id: 'org-agency', name: 'Agency One', kind: 'provider', code: '1-000000001' });
  const ctx: ServiceContext = { actor: { kind: 'user', id: worker.id, name: 'Sam', organisationId: worker.organisationId, teamId: null, roles: ['practitioner'] }, requestId: 'setup', now: new Date() };
  const register = t.services.register;
  personId = (await register.createPerson(ctx, { givenName: 'Brian', familyName: 'Bee' })).id;
  const detention = await register.addDetention(ctx, personId, { section: '3', start: '2022-01-10', end: '2022-06-01' });
  dutyId = (await register.addDuty(ctx, personId, { detentionId: detention.id, start: '2022-06-01', localAuthorityId: worker.organisationId, healthBodyId: 'org-icb' })).id;
});
after(() => t.close());

test('the three sections render under the identity bar with their sub-navigation', async () => {
  for (const [section, heading] of [['panels', 'Panels and placements'], ['meetings', 'Meetings and decisions'], ['letters', 'Letters and contact']]) {
    const page = await get(worker, `/people/${personId}/${section}`);
    assert.equal(page.statusCode, 200, section);
    assert.match(page.body, new RegExp(`<h2 class="govuk-heading-l">${heading}</h2>`));
    assert.match(page.body, /aria-current="page"/);
  }
});

test('a panel request form reports every error, refuses a post without CSRF, then saves; only a panel member decides', async () => {
  const url = `/people/${personId}/panel-requests/new`;
  const empty = await form(worker, url, { dutyId: '', proposal: '', 'submittedOn-day': '', 'submittedOn-month': '', 'submittedOn-year': '', weeklyCost: 'lots' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<title>Error: /);
  assert.match(empty.body, /govuk-error-summary/);
  for (const message of ['Select the duty this request is for', 'Enter the proposed service', 'Enter the date the request goes to the panel', 'Enter the weekly cost in pounds and pence']) assert.ok(empty.body.includes(message), message);
  assert.equal((await form(worker, url, { proposal: 'x' }, false)).statusCode, 403);

  const filled = await get(worker, url);
  const dutyId = /<option value="([^"]+)" selected>Duty from/.exec(filled.body)?.[1];
  assert.ok(dutyId, 'the only duty is chosen for the user');
  const saved = await form(worker, url, { dutyId, proposal: 'Supported living with Agency One', providerId: 'org-agency', weeklyCost: '1,850.00', ...date('submittedOn', '2023-12-01') });
  assert.equal(saved.statusCode, 303);
  const panels = await get(worker, `/people/${personId}/panels`);
  assert.match(panels.body, /£1,850.00 a week/);
  assert.doesNotMatch(panels.body, /Record decision/);

  const requestId = /panel-requests\/([^/"]+)\/decide/.exec((await get(panelMember, `/people/${personId}/panels`)).body)?.[1];
  assert.ok(requestId);
  const decideUrl = `/people/${personId}/panel-requests/${requestId}/decide`;
  assert.equal((await get(worker, decideUrl)).statusCode, 403);
  const noReasons = await form(panelMember, decideUrl, { decision: 'rejected', reasons: ' ', version: '1', ...date('decidedOn', '2023-12-14') });
  assert.equal(noReasons.statusCode, 400);
  assert.match(noReasons.body, /Enter the panel(’|&#39;|')s reasons/);
  assert.equal((await form(panelMember, decideUrl, { decision: 'rejected', reasons: 'Shared service, untested provider', version: '1', ...date('decidedOn', '2023-12-14') })).statusCode, 303);
  const stale = await form(panelMember, decideUrl, { decision: 'approved', reasons: 'Again', version: '1', ...date('decidedOn', '2023-12-15') });
  assert.equal(stale.statusCode, 409);

  const resubmit = await get(worker, `${url}?resubmit=${requestId}`);
  assert.match(resubmit.body, /Supported living with Agency One<\/textarea>/);
  assert.match(resubmit.body, /value="1850.00"/);
  assert.match(resubmit.body, /refused this proposal once before/);
});

test('a decision gets a letter: HTML preview, PDF, and recording it as sent marks the person told', async () => {
  assert.equal((await form(worker, `/people/${personId}/decisions/new`, { text: 'Communicate through Charity 2', kind: 'other', affectsPerson: 'yes', ...date('date', '2024-10-08') })).statusCode, 303);
  const meetings = await get(worker, `/people/${personId}/meetings`);
  assert.match(meetings.body, /Who has been told/);
  assert.match(meetings.body, /Overdue/);
  const letterHref = /href="([^"]+letter\.html)"/.exec(meetings.body)?.[1];
  assert.ok(letterHref);
  const preview = await get(worker, letterHref);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /A decision about your aftercare/);
  const pdf = await get(worker, letterHref.replace('.html', '.pdf'));
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.equal((await form(worker, letterHref, {})).statusCode, 200);
  assert.match((await get(worker, `/people/${personId}/meetings`)).body, /Told<\/strong>/);
  assert.match((await get(worker, `/people/${personId}/letters`)).body, /Letter: A decision about your aftercare/);
});

test('a service proposed in the care plan is one step from a panel request, filled in from it', async () => {
  await t.database.db.insert(careServices).values({ personId, id: 'sv1', dutyId, needIds: [], description: '24-hour supported living near his support services', kind: 'supported_living', providerId: 'org-agency', status: 'planned', weeklyCostPence: 210000, aftercare: true });
  const panels = await get(worker, `/people/${personId}/panels`);
  assert.match(panels.body, /Services proposed in the care plan/);
  const form = await get(worker, `/people/${personId}/panel-requests/new?service=sv1`);
  assert.match(form.body, /24-hour supported living near his support services<\/textarea>/);
  assert.match(form.body, /value="2100.00"/);
  assert.match(form.body, /<option value="org-agency" selected>/);
});

test('providers, the panel agenda and my actions render', async () => {
  assert.match((await get(worker, '/providers')).body, /Agency One/);
  assert.match((await get(panelMember, '/panel?date=2023-12-14')).body, /Brian Bee: request of/);
  assert.equal((await get(worker, '/my-actions')).statusCode, 200);
});
