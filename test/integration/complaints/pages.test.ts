import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceContext } from '../../../src/platform/context.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';

let t: TestApp;
let officer: SignedIn;
let practitioner: SignedIn;
let ctx: ServiceContext;
let personId: string;

before(async () => {
  t = await createTestApp();
  await t.createOrganisation({ id: 'org-icb', name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1' });
  const organisationId = await t.createOrganisation({ id: 'org-north', name: 'Northshire County Council', code: 'E10000001' });
  officer = await t.signedInUser(['complaints_officer'], { organisationId });
  practitioner = await t.signedInUser(['practitioner'], { organisationId });
  ctx = { actor: { kind: 'user', id: officer.id, name: 'Officer', organisationId, teamId: null, roles: ['team_manager', 'complaints_officer'] }, requestId: 'test', now: new Date() };
  ({ id: personId } = await t.services.register.createPerson(ctx, { givenName: 'Ada', familyName: 'Lovelace', nhsNumber: '9434765919' }));
  const detention = await t.services.register.addDetention(ctx, personId, { section: '3', start: '2025-01-10', end: '2025-06-01' });
  await t.services.register.addDuty(ctx, personId, { detentionId: detention.id, start: '2025-06-01', localAuthorityId: 'org-north', healthBodyId: 'org-icb' });
});
after(() => t.close());

const form = (user: SignedIn, url: string, fields: Record<string, string | string[]>, csrf = true) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...fields, ...(csrf ? { _csrf: user.csrfToken } : {}) })) for (const v of [value].flat()) body.append(key, v);
  return t.app.inject({ method: 'POST', url, headers: { ...user.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
};
const get = (user: SignedIn, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });

test('recording a complaint: the error summary names every mistake, then the complaint shows with its clock and steps', async () => {
  const base = `/people/${personId}/complaints`;
  const blank = await get(officer, `${base}/new`);
  assert.equal(blank.statusCode, 200);
  assert.match(blank.body, /Ada Lovelace \(the person\)/);
  const bad = await form(officer, `${base}/new`, { 'receivedOn-day': '31', 'receivedOn-month': '2', 'receivedOn-year': '2026', organisationIds: ['org-north', 'org-icb'], procedure: 'corporate' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<title>Error: Record a complaint – Ada Lovelace – Aftercare<\/title>/);
  for (const href of ['#receivedOn-day', '#complainant', '#leadOrganisationId', '#corporateStage']) assert.match(bad.body, new RegExp(`href="${href}"`), href);

  const noCsrf = await form(officer, `${base}/new`, { 'receivedOn-day': '2', 'receivedOn-month': '2', 'receivedOn-year': '2026' }, false);
  assert.equal(noCsrf.statusCode, 403);

  const saved = await form(officer, `${base}/new`, {
    'receivedOn-day': '2', 'receivedOn-month': '2', 'receivedOn-year': '2026', complainant: 'person', organisationIds: ['org-north', 'org-icb'],
    leadOrganisationId: 'org-north', procedure: 'statutory_2009', points: 'The social worker did not reply\nThe care package was not transferred',
  });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, base);
  const page = await get(officer, base);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Complaint received 2 February 2026/);
  assert.match(page.body, /Due by 5 February 2026/);
  assert.match(page.body, /Due by 2 August 2026/);
  assert.match(page.body, /The care package was not transferred/);
  assert.match(page.body, />\s*Record acknowledgement\s*</);
  assert.doesNotMatch(page.body, />\s*Record the response\s*</);
  assert.match(page.body, /aria-current="page"[^>]*>\s*Complaints|Complaints<\/a>/);
});

test('a practitioner reads the complaint on their case but sees no buttons and cannot change it', async () => {
  const base = `/people/${personId}/complaints`;
  const page = await get(practitioner, base);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /The social worker did not reply/);
  assert.doesNotMatch(page.body, /Record a complaint|Record acknowledgement|Record answer/);
  assert.equal((await get(practitioner, `${base}/new`)).statusCode, 403);
  assert.equal((await form(practitioner, `${base}/new`, { procedure: 'other' })).statusCode, 403);
  assert.equal((await get(practitioner, '/remedies')).statusCode, 403);
});

test('steps, answers with a stale version, the letter, the Ombudsman case and the compliance pages', async () => {
  const { complaints } = await t.services.complaints.personComplaints(ctx, personId);
  const complaint = complaints[0]?.complaint;
  assert.ok(complaint);
  const base = `/people/${personId}/complaints/${complaint.id}`;
  assert.equal((await form(officer, `${base}/acknowledge`, { version: '1', 'on-day': '4', 'on-month': '2', 'on-year': '2026' })).statusCode, 303);
  assert.equal((await get(officer, `${base}/acknowledge`)).statusCode, 404);
  const point = complaint.points[0];
  assert.ok(point);
  assert.equal((await form(officer, `${base}/points/${point.id}`, { version: '1', answered: 'yes', answer: 'We have replied now.' })).statusCode, 303);
  const conflict = await form(officer, `${base}/points/${point.id}`, { version: '1', answered: 'no' });
  assert.equal(conflict.statusCode, 409);
  assert.match(conflict.body, /Someone else changed this record/);

  const letter = await get(officer, `${base}/letter`);
  assert.equal(letter.statusCode, 200);
  assert.match(letter.body, /1\. You said: The social worker did not reply/);
  assert.match(letter.body, /We have replied now\./);
  assert.match(letter.body, /Local Government and Social Care Ombudsman and the Parliamentary and Health Service Ombudsman/);
  const pdf = await get(officer, `${base}/letter.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.match(pdf.headers['content-type'] ?? '', /application\/pdf/);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  assert.equal((await get(practitioner, `${base}/letter.pdf`)).statusCode, 200);

  const people = `/people/${personId}`;
  assert.equal((await form(officer, `${people}/ombudsman-cases/new`, { body: 'LGSCO', reference: '24 014 179', complaintId: complaint.id, 'finalDecisionOn-day': '31', 'finalDecisionOn-month': '7', 'finalDecisionOn-year': '2025', findings: ['fault', 'injustice'] })).statusCode, 303);
  const [ombudsmanCase] = (await t.services.complaints.personComplaints(ctx, personId)).ombudsmanCases;
  assert.ok(ombudsmanCase);
  const badRemedy = await form(officer, `${people}/ombudsman-cases/${ombudsmanCase.ombudsmanCase.id}/remedies/new`, { kind: 'payment', amount: 'lots' });
  assert.equal(badRemedy.statusCode, 400);
  for (const href of ['#text', '#amount']) assert.match(badRemedy.body, new RegExp(`href="${href}"`), href);
  assert.equal((await form(officer, `${people}/ombudsman-cases/${ombudsmanCase.ombudsmanCase.id}/remedies/new`, { text: 'Apologise in writing', kind: 'apology', ownerId: 'org-north' })).statusCode, 303);
  const section = await get(officer, `/people/${personId}/complaints`);
  assert.match(section.body, /31 August 2025/);
  assert.match(section.body, /Overdue/);

  const remedies = await get(officer, '/remedies?asOf=2025-08-31');
  assert.equal(remedies.statusCode, 200);
  assert.match(remedies.body, /Apologise in writing/);
  assert.match(remedies.body, />Due</);
  assert.match((await get(officer, '/remedies?asOf=2025-09-01')).body, />Overdue</);
  const clocks = await get(officer, '/complaints?asOf=2026-02-04');
  assert.equal(clocks.statusCode, 200);
  assert.match(clocks.body, /Ada Lovelace/);
  assert.match(clocks.body, /In time/);
});

test('every form renders, and a service improvement’s review is defined and worked through from its page', async () => {
  const { complaints, ombudsmanCases } = await t.services.complaints.personComplaints(ctx, personId);
  const complaint = complaints[0]?.complaint;
  const ombudsmanCase = ombudsmanCases[0]?.ombudsmanCase;
  assert.ok(complaint && ombudsmanCase);
  const people = `/people/${personId}`;
  const c = `${people}/complaints/${complaint.id}`;
  const o = `${people}/ombudsman-cases/${ombudsmanCase.id}`;
  const remedyId = ombudsmanCase.remedies[0]?.id ?? '';
  for (const url of [`${c}/respond`, `${c}/agree-response-date`, `${c}/withdraw`, `${c}/points/new`, `${people}/ombudsman-cases/new`, `${o}/edit`, `${o}/remedies/new`, `${o}/remedies/${remedyId}`]) {
    const page = await get(officer, url);
    assert.equal(page.statusCode, 200, url);
    assert.match(page.body, /name="_csrf"/, url);
  }
  assert.match((await get(officer, `${c}/respond`)).body, /does not answer every point yet: The care package was not transferred/);

  assert.equal((await form(officer, `${o}/remedies/new`, { text: 'Review everyone without an allocated worker', kind: 'service_improvement' })).statusCode, 303);
  const improvement = (await t.services.complaints.personComplaints(ctx, personId)).ombudsmanCases[0]?.remedies.find((r) => r.remedy.kind === 'service_improvement');
  assert.ok(improvement);
  const review = `${o}/remedies/${improvement.remedy.id}/review`;
  const start = await get(officer, review);
  assert.equal(start.statusCode, 200);
  assert.match(start.body, /Everyone with an open duty and no allocated worker/);
  assert.equal((await form(officer, review, {})).statusCode, 400);
  assert.equal((await form(officer, review, { criterion: 'no_allocated_worker' })).statusCode, 303);
  const worklist = await get(officer, review);
  assert.match(worklist.body, /0 of 1 reviewed/);
  assert.match(worklist.body, /Ada Lovelace/);
  const duty = (await t.services.register.getCase(ctx, personId)).duties[0];
  assert.equal((await form(officer, `${review}/members`, { memberPersonId: personId, memberDutyId: duty?.id ?? '' })).statusCode, 303);
  assert.match((await get(officer, review)).body, /1 of 1 reviewed: the review is complete/);
  assert.equal((await get(practitioner, review)).statusCode, 200);
  assert.doesNotMatch((await get(practitioner, review)).body, /Mark reviewed today/);
});

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
  const body = read.json() as { complaints: { complaint: { id: string; acknowledgedOn: string }; clock: { responseDue: string }; steps: string[] }[] };
  const mine = body.complaints.find((c) => c.complaint.id === id);
  assert.equal(mine?.complaint.acknowledgedOn, '2026-02-03');
  assert.equal(mine?.clock.responseDue, '2026-08-02');
  assert.deepEqual(mine?.steps, ['respond', 'agree_response_date', 'withdraw']);
  assert.equal((await api(officer, 'GET', '/api/v1/remedies?asOf=2026-03-01')).statusCode, 200);
  assert.equal((await api(practitioner, 'GET', '/api/v1/complaints')).statusCode, 403);
});
