import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../src/platform/context.ts';
import { rowsOf } from '../../../src/platform/db/client.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';

let t: TestApp;
let manager: SignedIn;
let ctx: ServiceContext;
let personId: string;
let dutyId: string;
let serviceId: string;

before(async () => {
  t = await createTestApp();
  await t.createOrganisation({ id: 'org-icb', name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1' });
  await t.createOrganisation({ id: 'org-provider', name: 'Riverside Care', kind: 'provider' });
  const organisationId = await t.createOrganisation({ id: 'org-north', name: 'Northshire County Council', code: 'E10000001' });
  manager = await t.signedInUser(['team_manager'], { organisationId });
  ctx = { actor: { kind: 'user', id: manager.id, name: 'Manager', organisationId, teamId: null, roles: ['team_manager'] }, requestId: 'test', now: new Date('2026-03-12T10:00:00Z') };
  const { register, careRecords } = t.services;
  personId = (await register.createPerson(ctx, { givenName: 'Ada', familyName: 'Lovelace', nhsNumber: '9434765919', dateOfBirth: '1980-01-01' })).id;
  const detention = await register.addDetention(ctx, personId, { section: '3', start: '2025-01-10', end: '2025-06-01' });
  dutyId = (await register.addDuty(ctx, personId, { detentionId: detention.id, start: '2025-06-01', localAuthorityId: 'org-north', healthBodyId: 'org-icb' })).id;
  serviceId = (await careRecords.addService(ctx, personId, {
    dutyId, description: 'Supported living, Elm House', kind: 'supported_living', providerId: 'org-provider', start: '2025-06-01', status: 'active', weeklyCostPence: 120000, aftercare: true,
    accommodationPlus: { relatedToOriginalCondition: true, enhancedSpecialised: true, reducesRisk: true },
  })).id;
});
after(() => t.close());

const base = () => `/people/${personId}`;
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: manager.headers });
const post = (url: string, fields: Record<string, string | string[]>, csrf = true) => {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...fields, ...(csrf ? { _csrf: manager.csrfToken } : {}) })) for (const v of [value].flat()) form.append(key, v);
  return t.app.inject({ method: 'POST', url, headers: { ...manager.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
};
const charges = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from charges`))[0]?.n ?? 0;

test('the plan page shows the services, their classification and the prompt to offer a personal budget', async () => {
  const page = await get(`${base()}/plan`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1 class="govuk-heading-l">Plan and services/);
  assert.match(page.body, /Supported living, Elm House/);
  assert.match(page.body, /Offer a direct payment and a personal health budget/);
  assert.match(page.body, /href="\/people\/[^"]+\/money"/);
});

test('the charge form: every missing answer in the error summary; rent on aftercare refused with the rule; nothing written', async () => {
  const empty = await post(`${base()}/charges/new`, { payer: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<title>Error: /);
  assert.match(empty.body, /There is a problem/);
  assert.match(empty.body, /Select the kind of charge/);
  assert.match(empty.body, /Enter who pays the charge/);
  assert.match(empty.body, /Enter the date the charge starts/);

  const rent = await post(`${base()}/charges/new`, { serviceId, kind: 'rent', payer: 'person', 'from-day': '1', 'from-month': '7', 'from-year': '2025', weekly: '90.00' });
  assert.equal(rent.statusCode, 400);
  assert.match(rent.body, /You cannot charge rent for &quot;Supported living, Elm House&quot;\. The accommodation is section 117 aftercare/);
  assert.match(rent.body, /href="#kind"/);
  assert.equal(await charges(), 0);
});

test('forms refuse a post without the CSRF token', async () => {
  const response = await post(`${base()}/charges/new`, { kind: 'other', payer: 'person' }, false);
  assert.equal(response.statusCode, 403);
  assert.equal(await charges(), 0);
});

test('proposing an ending on improper grounds shows each reason in the error summary; a proper one opens the task list', async () => {
  const form = await get(`${base()}/duties/${dutyId}/ending/propose`);
  assert.equal(form.statusCode, 200);
  const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
  const refused = await post(`${base()}/duties/${dutyId}/ending/propose`, { version, grounds: ['disengaged', 'moved_area'], personInvolved: 'yes' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Not engaging with services is not a reason to end aftercare/);
  assert.match(refused.body, /Moving to another area does not end aftercare/);

  const answers = {
    version, grounds: 'needs_no_longer_arise', reviewMeetingId: 'rv1', personInvolved: 'yes', moveOnPlanInPlace: 'yes', 'writtenReasonsSentOn-day': '1', 'writtenReasonsSentOn-month': '3', 'writtenReasonsSentOn-year': '2026',
  };
  const check = await post(`${base()}/duties/${dutyId}/ending/propose`, answers);
  assert.equal(check.statusCode, 200);
  assert.match(check.body, /Check your answers before proposing to end aftercare/);
  const proposed = await post(`${base()}/duties/${dutyId}/ending/propose`, { ...answers, confirmed: 'yes' });
  assert.equal(proposed.statusCode, 303);
  const tasks = await get(`${base()}/duties/${dutyId}/ending`);
  assert.match(tasks.body, /govuk-task-list/);
  assert.match(tasks.body, /Ending proposed/);
  // The sign-off page for the council; a stale version shows the conflict page.
  const signOff = await get(`${base()}/duties/${dutyId}/ending/sign-off?body=local_authority`);
  assert.match(signOff.body, /You are signing off for Northshire County Council/);
  const stale = await post(`${base()}/duties/${dutyId}/ending/sign-off`, { version, body: 'local_authority', 'date-day': '5', 'date-month': '3', 'date-year': '2026' });
  assert.equal(stale.statusCode, 409);
});

test('the refund calculator page and API work out a hand-checked refund', async () => {
  const cleaning = await t.services.careRecords.addService(ctx, personId, { dutyId, description: 'Cleaning', kind: 'care_at_home', status: 'active', aftercare: false });
  await t.services.careRecords.addCharge(ctx, personId, { serviceId: cleaning.id, payer: 'person', kind: 'contribution', from: '2025-01-01', to: '2025-01-15', weeklyPence: 7000 });
  // £140 paid in two weeks; 8% simple interest to 1 January 2026: 560p + 549p.
  const page = await get(`${base()}/refund-calculator?refundDate-day=1&refundDate-month=1&refundDate-year=2026&method=simple_daily`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Refund of £151\.09 in all/);
  assert.match(page.body, /£11\.09/);
  const api = await t.app.inject({ method: 'GET', url: `/api/v1/people/${personId}/refund-calculation?refundDate=2026-01-01`, headers: manager.headers });
  assert.equal(api.statusCode, 200);
  assert.equal(api.json().totalPence, 15109);
  const bad = await get(`${base()}/refund-calculator?refundDate-day=31&refundDate-month=2&refundDate-year=2026`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /There is a problem/);
});

test('the API refuses a charge for aftercare with a 422 problem naming the field and the rule', async () => {
  const response = await t.app.inject({
    method: 'POST', url: `/api/v1/people/${personId}/charges`, headers: { ...manager.headers, 'x-csrf-token': manager.csrfToken },
    payload: { serviceId, payer: 'person', kind: 'housing_benefit_claim', from: '2025-07-01' },
  });
  assert.equal(response.statusCode, 422);
  const problem = response.json();
  assert.equal(problem.errors[0].path, 'kind');
  assert.match(problem.errors[0].message, /Do not ask the person to claim housing benefit/);
});

test('every care-records page and form renders for a user who may write', async () => {
  const care = t.services.careRecords;
  const plan = await care.createPlan(ctx, personId, { dutyId, coordinatingFramework: 'CMHF' });
  await care.addNeed(ctx, personId, plan.id, { version: 1, description: 'Somewhere safe to live', relatedToMentalDisorder: true, category: 'accommodation' });
  await care.agreePlan(ctx, personId, plan.id, { version: 2, agreedOn: '2026-01-15' });
  const offer = await care.addPaymentOffer(ctx, personId, { dutyId, kind: 'direct_payment', offeredOn: '2026-02-01' });
  const gym = await care.addService(ctx, personId, { dutyId, description: 'Gym', kind: 'other', status: 'active', aftercare: false });
  const charge = (await care.addCharge(ctx, personId, { serviceId: gym.id, payer: 'person', kind: 'other', from: '2026-01-01', weeklyPence: 500 })).id;
  const urls = [
    '/plan', '/money', '/refund-calculator', '/care-plans/new', `/care-plans/${plan.id}/print`, `/care-plans/${plan.id}/review`, `/care-plans/${plan.id}/share`,
    '/services/new', `/services/${serviceId}/funding/new`, `/services/${serviceId}/top-up`, '/charges/new', `/charges/${charge}/refund`,
    '/payment-offers/new', `/payment-offers/${offer.id}/response`, `/duties/${dutyId}/ending`, `/duties/${dutyId}/ending/withdraw`,
    `/services/${serviceId}/change`, `/services/${serviceId}/end`, `/charges/${charge}/end`,
  ];
  for (const url of urls) {
    const page = await get(`${base()}${url}`);
    assert.equal(page.statusCode, 200, `${url}: ${page.body.slice(0, 300)}`);
  }
  const print = await get(`${base()}/care-plans/${plan.id}/print`);
  assert.match(print.body, /Section 117 aftercare plan/);
  assert.match(print.body, /Somewhere safe to live/);
  assert.match(print.body, /15 January 2027/);
  assert.doesNotMatch(print.body, /govuk-service-navigation/);
  const missing = await get(`${base()}/care-plans/nope/agree`);
  assert.equal(missing.statusCode, 404);
});
