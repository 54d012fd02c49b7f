/**
 * The pages for changing care records: change a service, end a service, end a charge, change or remove a
 * draft plan's need, and check your answers before proposing to end a duty. For each: the GET shows the
 * current values; a valid POST changes the record and audits it; a bad one shows the error summary and
 * changes nothing; a stale version shows the conflict page. The summary lists carry the Change/End/Remove links.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../src/platform/context.ts';
import { rowsOf } from '../../../src/platform/db/client.ts';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';

let t: TestApp;
let manager: SignedIn;
let ctx: ServiceContext;

before(async () => {
  t = await createTestApp();
  await t.createOrganisation({ id: 'org-icb', name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1' });
  await t.createOrganisation({ id: 'org-provider', name: 'Riverside Care', kind: 'provider' });
  const organisationId = await t.createOrganisation({ id: 'org-north', name: 'Northshire County Council', code: 'E10000001' });
  manager = await t.signedInUser(['team_manager'], { organisationId });
  ctx = { actor: { kind: 'user', id: manager.id, name: 'Manager', organisationId, teamId: null, roles: ['team_manager'] }, requestId: 'test', now: new Date('2026-03-12T10:00:00Z') };
});
after(() => t.close());

let people = 0;
/** A person with a section 3 detention and an open duty from 2025-06-01, and a draft plan with one need. */
async function person() {
  const { register, careRecords } = t.services;
  const id = (await register.createPerson(ctx, { givenName: 'Ada', familyName: `Changed${++people}`, dateOfBirth: '1980-01-01' })).id;
  const detention = await register.addDetention(ctx, id, { section: '3', start: '2025-01-10', end: '2025-06-01' });
  const dutyId = (await register.addDuty(ctx, id, { detentionId: detention.id, start: '2025-06-01', localAuthorityId: 'org-north', healthBodyId: 'org-icb' })).id;
  const plan = await careRecords.createPlan(ctx, id, { dutyId });
  await careRecords.addNeed(ctx, id, plan.id, { version: 1, description: 'Somewhere safe to live', relatedToMentalDisorder: true, category: 'accommodation' });
  const needId = (await careRecords.getCareRecords(ctx, id)).carePlans[0]?.record.needs[0]?.id ?? '';
  return { id, dutyId, detentionId: detention.id, planId: plan.id, needId, base: `/people/${id}` };
}

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: manager.headers });
const post = (url: string, fields: Record<string, string | string[]>) => {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...fields, _csrf: manager.csrfToken })) for (const v of [value].flat()) form.append(key, v);
  return t.app.inject({ method: 'POST', url, headers: { ...manager.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
};
const audits = async (action: string, personId: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_event where action = ${action} and person_id = ${personId}`))[0]?.n ?? 0;
const records = (personId: string) => t.services.careRecords.getCareRecords(ctx, personId);
const date = (name: string, value: string) => {
  const [year, month, day] = value.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year ?? '' };
};
/** The hidden answers of a confirmation page, as a form to post back. */
function hiddenFields(html: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) if (name && name !== '_csrf') (fields[name] ??= []).push(value ?? '');
  return fields;
}

const livingAnswers = {
  description: 'Supported living, Elm House', kind: 'supported_living', providerId: 'org-provider', ...date('start', '2025-06-01'), status: 'active', weeklyCost: '1200.00',
  relatedToOriginalCondition: 'yes', enhancedSpecialised: 'yes', reducesRisk: 'yes', aftercare: 'yes', classificationReason: 'Meets the accommodation-plus test',
};

test('change a service: pre-filled, saved and audited; bad answers change nothing; a stale version is a conflict', async () => {
  const p = await person();
  const service = await t.services.careRecords.addService(ctx, p.id, {
    dutyId: p.dutyId, needIds: [p.needId], description: 'Supported living, Elm House', kind: 'supported_living', providerId: 'org-provider', start: '2025-06-01', status: 'active',
    weeklyCostPence: 120000, aftercare: true, classificationReason: 'Meets the accommodation-plus test', accommodationPlus: { relatedToOriginalCondition: true, enhancedSpecialised: true, reducesRisk: true },
  });
  const url = `${p.base}/services/${service.id}/change`;

  const plan = await get(`${p.base}/plan`);
  assert.match(plan.body, new RegExp(`href="${url}#weeklyCost"[^>]*>\\s*Change<span class="govuk-visually-hidden"> weekly cost \\(Supported living, Elm House`));
  assert.match(plan.body, new RegExp(`href="${p.base}/services/${service.id}/end"[^>]*>\\s*End<span class="govuk-visually-hidden"> the service \\(Supported living, Elm House`));

  const form = await get(url);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<h1 class="govuk-heading-l">Change the service<\/h1>/);
  assert.match(form.body, /name="version" value="1"/);
  assert.match(form.body, /name="description" type="text" value="Supported living, Elm House"/);
  assert.match(form.body, /name="weeklyCost" type="text" value="1200.00"/);
  assert.match(form.body, /name="start-day" type="text" value="1"/);
  assert.match(form.body, /name="aftercare" type="radio" value="yes" checked/);
  assert.match(form.body, new RegExp(`name="needIds" type="checkbox" value="${p.needId}" checked`));
  assert.match(form.body, /Meets the accommodation-plus test<\/textarea>/);
  assert.doesNotMatch(form.body, /name="dutyId"/, 'a service keeps its duty');

  const bad = await post(url, { ...livingAnswers, version: '1', description: '', weeklyCost: 'lots' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<title>Error: /);
  assert.match(bad.body, /Describe the service/);
  assert.match(bad.body, /Enter the weekly cost in pounds and pence/);
  assert.match(bad.body, /name="weeklyCost" type="text" value="lots"/, 'the answers are kept');
  const backwards = await post(url, { ...livingAnswers, version: '1', ...date('end', '2025-05-01') });
  assert.equal(backwards.statusCode, 400);
  assert.match(backwards.body, /The date the service ended must be after the date it started/);
  assert.equal((await records(p.id)).services[0]?.version, 1, 'nothing changed');

  const saved = await post(url, { ...livingAnswers, version: '1', weeklyCost: '1,250.50', needIds: p.needId });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `${p.base}/plan`);
  const after = (await records(p.id)).services[0];
  assert.equal(after?.version, 2);
  assert.equal(after?.record.weeklyCostPence, 125050);
  assert.equal(after?.record.ext?.classificationReason, 'Meets the accommodation-plus test');
  assert.equal(await audits('service.update', p.id), 1);

  const stale = await post(url, { ...livingAnswers, version: '1', weeklyCost: '999' });
  assert.equal(stale.statusCode, 409);
  assert.equal((await records(p.id)).services[0]?.record.weeklyCostPence, 125050);
});

test('a change that makes a service aftercare lists the charges it now refuses on the money page', async () => {
  const p = await person();
  const service = await t.services.careRecords.addService(ctx, p.id, { dutyId: p.dutyId, description: 'Supported living, Ash Court', kind: 'supported_living', start: '2025-06-01', status: 'active', aftercare: false });
  const charge = await t.services.careRecords.addCharge(ctx, p.id, { serviceId: service.id, payer: 'person', kind: 'rent', from: '2025-07-01', weeklyPence: 9000 });
  const saved = await post(`${p.base}/services/${service.id}/change`, { ...livingAnswers, description: 'Supported living, Ash Court', version: '1' });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `${p.base}/money?changedService=${service.id}`);
  const money = await get(saved.headers.location ?? '');
  assert.match(money.body, /You changed Supported living, Ash Court\. It is section 117 aftercare, so these charges must be refunded/);
  assert.match(money.body, new RegExp(`href="${p.base}/charges/${charge.id}/refund"`));
  assert.equal((await records(p.id)).charges[0]?.guard.refused, true, 'the charge is kept and shown as to refund');
});

test('end a service: the date, then a confirmation; only the confirmation changes it', async () => {
  const p = await person();
  const service = await t.services.careRecords.addService(ctx, p.id, { dutyId: p.dutyId, description: 'Day service', kind: 'day_service', start: '2025-06-01', status: 'active', aftercare: true });
  const url = `${p.base}/services/${service.id}/end`;
  const form = await get(url);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Day service, in place since 1 June 2025/);
  assert.match(form.body, /name="version" value="1"/);

  const early = await post(url, { version: '1', ...date('end', '2025-05-31') });
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /There is a problem/);
  assert.match(early.body, /on or after the date it started/);
  const blank = await post(url, { version: '1' });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /Enter the date the service ended/);

  const confirm = await post(url, { version: '1', ...date('end', '2026-02-28') });
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Are you sure you want to end this service\?/);
  assert.match(confirm.body, /28 February 2026/);
  assert.equal((await records(p.id)).services[0]?.record.status, 'active', 'the confirmation page changes nothing');
  assert.equal(await audits('service.end', p.id), 0, 'nor leaves an audit event');

  const ended = await post(url, hiddenFields(confirm.body));
  assert.equal(ended.statusCode, 303);
  const after = (await records(p.id)).services[0];
  assert.deepEqual([after?.record.status, after?.record.end, after?.version], ['ended', '2026-02-28', 2]);
  assert.equal(await audits('service.end', p.id), 1);

  const stale = await post(url, { version: '1', ...date('end', '2026-03-01') });
  assert.equal(stale.statusCode, 409, 'a stale version is a conflict before the confirmation');
  assert.equal((await records(p.id)).services[0]?.record.end, '2026-02-28');
});

test('end a charge: the End link, the date, a confirmation, then saved and audited', async () => {
  const p = await person();
  const gym = await t.services.careRecords.addService(ctx, p.id, { dutyId: p.dutyId, description: 'Gym', kind: 'other', status: 'active', aftercare: false });
  const charge = await t.services.careRecords.addCharge(ctx, p.id, { serviceId: gym.id, payer: 'person', kind: 'contribution', from: '2025-07-01', weeklyPence: 500 });
  const url = `${p.base}/charges/${charge.id}/end`;
  const money = await get(`${p.base}/money`);
  assert.match(money.body, new RegExp(`href="${url}">End<span class="govuk-visually-hidden"> the contribution to care costs, from 1 july 2025</span>`));

  const form = await get(url);
  assert.match(form.body, /Contribution to care costs for Gym, from 1 July 2025/);
  const bad = await post(url, { version: '1', ...date('to', '2025-06-30') });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /on or after the date it starts/);
  const invalid = await post(url, { version: '1', 'to-day': '31', 'to-month': '2', 'to-year': '2026' });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /must be a real date/);

  const confirm = await post(url, { version: '1', ...date('to', '2026-01-01') });
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Are you sure you want to end this charge\?/);
  assert.equal((await records(p.id)).charges[0]?.record.to, undefined);
  const ended = await post(url, hiddenFields(confirm.body));
  assert.equal(ended.statusCode, 303);
  assert.equal(ended.headers.location, `${p.base}/money`);
  assert.equal((await records(p.id)).charges[0]?.record.to, '2026-01-01');
  assert.equal(await audits('charge.end', p.id), 1);
  const stale = await post(url, { version: '1', ...date('to', '2026-02-01'), confirmed: 'yes' });
  assert.equal(stale.statusCode, 409);
});

test('change and remove a need of a draft plan; an agreed plan refuses both', async () => {
  const p = await person();
  const change = `${p.base}/care-plans/${p.planId}/needs/${p.needId}/change`;
  const remove = `${p.base}/care-plans/${p.planId}/needs/${p.needId}/remove`;
  const plan = await get(`${p.base}/plan`);
  assert.match(plan.body, new RegExp(`href="${change}">\\s*Change<span class="govuk-visually-hidden"> need 1: Somewhere safe to live \\(Draft aftercare plan`));
  assert.match(plan.body, new RegExp(`href="${remove}">\\s*Remove<span class="govuk-visually-hidden"> need 1: Somewhere safe to live \\(Draft aftercare plan`));

  const form = await get(change);
  assert.match(form.body, /Somewhere safe to live<\/textarea>/);
  assert.match(form.body, /name="relatedToMentalDisorder" type="radio" value="yes" checked/);
  assert.match(form.body, /<option value="accommodation" selected>/);
  const bad = await post(change, { version: '2', description: '', relatedToMentalDisorder: 'yes' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Describe the need/);
  assert.equal((await records(p.id)).carePlans[0]?.version, 2);
  const saved = await post(change, { version: '2', description: 'A flat with support', relatedToMentalDisorder: 'yes', category: 'accommodation' });
  assert.equal(saved.statusCode, 303);
  assert.equal((await records(p.id)).carePlans[0]?.record.needs[0]?.description, 'A flat with support');
  assert.equal(await audits('care_plan.change_need', p.id), 1);
  assert.equal((await post(change, { version: '2', description: 'Stale', relatedToMentalDisorder: 'no' })).statusCode, 409);

  const confirm = await get(remove);
  assert.match(confirm.body, /Are you sure you want to remove this need from the plan\?/);
  assert.match(confirm.body, /A flat with support/);
  assert.match(confirm.body, /govuk-button--warning/);
  assert.equal((await post(remove, { version: '2' })).statusCode, 409);
  const removed = await post(remove, { version: '3' });
  assert.equal(removed.statusCode, 303);
  assert.deepEqual((await records(p.id)).carePlans[0]?.record.needs, []);
  assert.equal(await audits('care_plan.remove_need', p.id), 1);
  assert.equal((await get(remove)).statusCode, 404, 'a removed need is gone');

  // An agreed plan changes only in a new version (PLAN-04): the page says so and nothing changes.
  const q = await person();
  await t.services.careRecords.agreePlan(ctx, q.id, q.planId, { version: 2, agreedOn: '2026-01-15' });
  const refused = await post(`${q.base}/care-plans/${q.planId}/needs/${q.needId}/remove`, { version: '3' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /This plan is agreed, so it cannot change\. Start a new version of the plan to remove a need\./);
  assert.match(refused.body, /href="#form"/);
  assert.equal((await records(q.id)).carePlans[0]?.record.needs.length, 1);
  assert.doesNotMatch((await get(`${q.base}/plan`)).body, /needs\/[^"]+\/remove/, 'no Remove link on an agreed plan');
});

const properEnding = {
  grounds: 'needs_no_longer_arise', reviewMeetingId: 'rv1', personInvolved: 'yes', moveOnPlanInPlace: 'yes', ...date('writtenReasonsSentOn', '2026-03-01'),
};

test('proposing to end a duty: check your answers with Change buttons, then recorded', async () => {
  const p = await person();
  const url = `${p.base}/duties/${p.dutyId}/ending/propose`;
  const check = await post(url, { version: '1', ...properEnding });
  assert.equal(check.statusCode, 200);
  assert.match(check.body, /Check your answers before proposing to end aftercare/);
  for (const text of ['A review found the person no longer needs aftercare for their mental health', 'rv1', '1 March 2026', 'Move-on plan in place']) assert.ok(check.body.includes(text), text);
  assert.match(check.body, new RegExp(`formaction="${url}\\?change=grounds">Change<span class="govuk-visually-hidden"> why aftercare should end</span>`));
  assert.equal((await records(p.id)).duties[0]?.endingState, 'open', 'checking records nothing');
  assert.equal(await audits('duty.propose_ending', p.id), 0);

  // Change goes back to the form with every answer kept.
  const back = await post(`${url}?change=grounds`, hiddenFields(check.body));
  assert.equal(back.statusCode, 200);
  assert.equal((await records(p.id)).duties[0]?.endingState, 'open', 'Change records nothing');
  assert.match(back.body, /name="grounds" type="checkbox" value="needs_no_longer_arise" checked/);
  assert.match(back.body, /name="reviewMeetingId" type="text" value="rv1"/);
  assert.match(back.body, /name="writtenReasonsSentOn-day" type="text" value="1"/);
  assert.match(back.body, new RegExp(`<form method="post" action="${url}" novalidate>`), 'the form posts on to the check page, not back to ?change=');

  const proposed = await post(url, hiddenFields(check.body));
  assert.equal(proposed.statusCode, 303);
  assert.equal(proposed.headers.location, `${p.base}/duties/${p.dutyId}/ending`);
  assert.equal((await records(p.id)).duties[0]?.endingState, 'proposed');
  assert.equal(await audits('duty.propose_ending', p.id), 1);
  const again = await post(url, hiddenFields(check.body));
  assert.equal(again.statusCode, 400, 'proposed once only');
  assert.match(again.body, /An ending has already been proposed for this duty/);
  assert.equal(await audits('duty.propose_ending', p.id), 1);
});

test('proposing to end a duty: refusals say which rule and why before the check page', async () => {
  const p = await person();
  const url = `${p.base}/duties/${p.dutyId}/ending/propose`;
  const improper = await post(url, { version: '1', ...properEnding, grounds: ['disengaged', 'time_elapsed'] });
  assert.equal(improper.statusCode, 400);
  assert.match(improper.body, /Not engaging with services is not a reason to end aftercare/);
  assert.match(improper.body, /Aftercare cannot end just because time has passed/);
  assert.doesNotMatch(improper.body, /Check your answers/);

  await t.services.register.addCto(ctx, p.id, { detentionId: p.detentionId, start: '2025-06-01' });
  const cto = await post(url, { version: '1', ...properEnding });
  assert.equal(cto.statusCode, 400);
  assert.match(cto.body, /You cannot end aftercare while the person is on a community treatment order \(CTO\)/);
  // The summary's link lands on the message in the form itself (it has no field of its own).
  assert.match(cto.body, /href="#date"/);
  assert.match(cto.body, /<p class="govuk-error-message" id="date"[^>]*><span class="govuk-visually-hidden">Error:<\/span> You cannot end aftercare while the person is on a community treatment order/);
  // Even a hand-made confirmation is refused by the service itself.
  const forced = await post(url, { version: '1', ...properEnding, confirmed: 'yes' });
  assert.equal(forced.statusCode, 400);
  assert.equal((await records(p.id)).duties[0]?.endingState, 'open');
  assert.equal(await audits('duty.propose_ending', p.id), 0);
});
