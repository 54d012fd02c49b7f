/**
 * The care-records pages as the demo practitioner on the reference person (LGSCO 24 014 179, Mr B, whose
 * duty Worcestershire holds): the plan and money pages; add a service, change its weekly cost through its
 * Change link, try to charge for it (aftercare) and see the refusal in the error summary, end it through the
 * confirmation page, and propose ending the duty through check your answers (with a Change button back to the
 * form). A demo person on a community treatment order sees the refusal instead. Then the complaints pages as
 * the complaints officer: the compliance lists, a person's complaints and one complaint's response letter.
 * Links, buttons, radios and checkboxes are worked from the keyboard (focus, then Enter or Space); every page
 * state is scanned by axe.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { todayInLondon, type CivilDate } from '../../src/domain/calendar/civil-date.ts';
import { formatDate } from '../../src/domain/care-records/wording.ts';
import { generateDemoCaseFiles } from '../../src/demo/case-file-generator.ts';
import { demoOrganisationIds } from '../../src/demo/organisations.ts';
import { REFERENCE_PERSON_ID } from '../../src/demo/reference-case.ts';
import { careRecordsPaths as paths } from '../../src/modules/care-records/paths.ts';
import { DEMO_PEOPLE, DEMO_SEED } from '../../src/modules/register/demo/seed.ts';
import { journeys, type Session } from './support/journey.ts';

const j = journeys();
const person = `/people/${REFERENCE_PERSON_ID}`;
const today = todayInLondon(new Date());
const SERVICE = 'Day service at The Beeches';
let practitioner: Session;

/** Presses a key on a control that has keyboard focus, and waits for the page it leads to. */
async function pressOn(page: Page, control: Locator, key: 'Enter' | 'Space' = 'Enter', url?: (url: URL) => boolean): Promise<void> {
  await control.focus();
  if (!url) return page.keyboard.press(key);
  await Promise.all([page.waitForURL(url), page.keyboard.press(key)]);
  await page.waitForLoadState();
}
/** Submits a form by pressing Enter on its button, and waits for the answer page to load. */
async function submit(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), pressOn(page, page.getByRole('button', { name, exact: typeof name === 'string' }))]);
  await page.waitForLoadState();
}
/** Chooses a radio or checkbox in the group with this legend, by its label, with the space bar. */
async function choose(page: Page, legend: string, label: string): Promise<void> {
  const control = page.getByRole('group', { name: legend }).getByLabel(label, { exact: true });
  await pressOn(page, control, 'Space');
  assert.equal(await control.isChecked(), true, `${legend}: ${label} is chosen`);
}
async function fillDate(page: Page, name: string, date: CivilDate): Promise<void> {
  const [year, month, day] = date.split('-');
  await page.locator(`#${name}-day`).fill(String(Number(day)));
  await page.locator(`#${name}-month`).fill(String(Number(month)));
  await page.locator(`#${name}-year`).fill(year ?? '');
}
const serviceCard = (page: Page) => page.locator('.govuk-summary-card', { has: page.locator('.govuk-summary-card__title', { hasText: SERVICE }) });
/** The value of a summary list row, by its key. */
async function rowValue(scope: Locator, key: string): Promise<string> {
  const row = scope.locator('.govuk-summary-list__row', { has: scope.page().locator('dt', { hasText: new RegExp(`^\\s*${key}\\s*$`) }) });
  return ((await row.locator('.govuk-summary-list__value').textContent()) ?? '').trim();
}
/** Opens `path` in a second tab of the same session (the first keeps its confirmation page) and reads it. */
async function inAnotherTab<T>(s: Session, path: string, read: (page: Page) => Promise<T>): Promise<T> {
  const other = await s.context.newPage();
  try {
    await other.goto(path);
    return await read(other);
  } finally {
    await other.close();
  }
}
const heading = async (page: Page) => ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(/\s+/g, ' ').trim();
const errorSummary = async (page: Page) => ((await page.locator('.govuk-error-summary').textContent()) ?? '').replace(/\s+/g, ' ');

test('the plan and money pages of the reference person', async () => {
  practitioner = await j.signedIn('practitioner');
  const { page } = practitioner;
  await j.visit(practitioner, `${person}/plan`);
  assert.match(await heading(page), /^Plan and services/);
  assert.match((await page.locator('main h2').first().textContent()) ?? '', /Worcestershire County Council/, 'the duty Worcestershire holds');
  assert.equal(await serviceCard(page).count(), 0, 'no such service yet');
  await j.visit(practitioner, `${person}/money`);
  assert.match(await heading(page), /^Money/);
});

test('add a service, then change its weekly cost through its Change link', async () => {
  const { page } = practitioner;
  await j.visit(practitioner, `${person}/plan`);
  await pressOn(page, page.getByRole('button', { name: 'Add a service' }), 'Enter', (url) => url.pathname.endsWith('/services/new'));
  await j.check(practitioner);
  assert.equal(await heading(page), 'Add a service');
  assert.notEqual(await page.locator('#dutyId').inputValue(), '', 'the open duty is chosen');
  await page.locator('#description').fill(SERVICE);
  await page.locator('#kind').selectOption('day_service');
  await fillDate(page, 'start', today);
  await choose(page, 'Status', 'In place');
  await page.locator('#weeklyCost').fill('150.00');
  await choose(page, 'Is this service section 117 aftercare?', 'Yes');
  await page.locator('#classificationReason').fill('Meets a need arising from the mental disorder');
  await submit(page, 'Save');
  assert.equal(new URL(page.url()).pathname, `${person}/plan`);
  await j.check(practitioner, 'service added');
  const card = serviceCard(page);
  assert.equal(await card.count(), 1, 'the new service has its card');
  assert.equal(await rowValue(card, 'Weekly cost'), '£150');
  assert.equal(await rowValue(card, 'Status'), 'In place');
  assert.match((await card.locator('.govuk-summary-card__title').textContent()) ?? '', /Aftercare: free/);

  // The Change link of the weekly cost row opens the form at that question, every answer pre-filled.
  // Its hidden text names the row and, added by the summary card, the service: "Change weekly cost (Day service …)".
  const change = card.getByRole('link', { name: new RegExp(`^Change weekly cost \\(${SERVICE}`) });
  await pressOn(page, change, 'Enter', (url) => url.pathname.endsWith('/change'));
  assert.equal(new URL(page.url()).hash, '#weeklyCost');
  await j.check(practitioner);
  assert.equal(await heading(page), 'Change the service');
  assert.equal(await page.locator('#description').inputValue(), SERVICE);
  assert.equal(await page.locator('#weeklyCost').inputValue(), '150.00');
  await page.locator('#weeklyCost').fill('175.50');
  await submit(page, 'Save');
  assert.equal(new URL(page.url()).pathname, `${person}/plan`);
  assert.equal(await rowValue(serviceCard(page), 'Weekly cost'), '£175.50', 'the summary shows the new weekly cost');
  assert.equal(await rowValue(serviceCard(page), 'Service'), SERVICE, 'and the rest as it was');
});

test('a charge for the aftercare service is refused in the error summary, naming the rule', async () => {
  const { page } = practitioner;
  await j.visit(practitioner, `${person}/money`);
  const charges = await page.locator('table.govuk-table').first().locator('tbody tr').count();
  await pressOn(page, page.getByRole('button', { name: 'Record a charge' }), 'Enter', (url) => url.pathname.endsWith('/charges/new'));
  await j.check(practitioner);
  const serviceId = await page.locator('#serviceId option', { hasText: SERVICE }).getAttribute('value');
  assert.ok(serviceId, 'the service is offered');
  await page.locator('#serviceId').selectOption(serviceId);
  await choose(page, 'Kind of charge', 'Contribution to care costs');
  assert.equal(await page.locator('#payer').inputValue(), 'person');
  await fillDate(page, 'from', today);
  await page.locator('#weekly').fill('20.00');
  await submit(page, 'Save');

  assert.match(await page.title(), /^Error: /);
  const summary = await errorSummary(page);
  assert.ok(summary.includes(`You cannot ask for a contribution towards "${SERVICE}". It is section 117 aftercare, and aftercare must be free.`), summary);
  await j.check(practitioner, 'refused');
  assert.equal(await page.locator('.govuk-error-summary a').first().getAttribute('href'), '#kind', 'the summary links to the kind of charge');
  assert.equal(await page.locator('#kind').isChecked(), true, 'the answers are kept');

  await j.visit(practitioner, `${person}/money`);
  assert.equal(await page.locator('table.govuk-table').first().locator('tbody tr').count(), charges, 'nothing was written');
});

test('end the service through the confirmation page', async () => {
  const { page } = practitioner;
  await j.visit(practitioner, `${person}/plan`);
  const end = serviceCard(page).getByRole('link', { name: new RegExp(`^End the service \\(${SERVICE}`) });
  await pressOn(page, end, 'Enter', (url) => url.pathname.endsWith('/end'));
  await j.check(practitioner);
  assert.equal(await heading(page), 'End the service');
  await fillDate(page, 'end', today);
  await submit(page, 'Continue');
  assert.equal(await heading(page), 'Are you sure you want to end this service?');
  await j.check(practitioner, 'confirm');
  const answers = (await page.locator('.govuk-summary-list').textContent()) ?? '';
  assert.ok(answers.includes(SERVICE) && answers.includes(formatDate(today)), answers);
  const status = await inAnotherTab(practitioner, `${person}/plan`, (other) => rowValue(serviceCard(other), 'Status'));
  assert.equal(status, 'In place', 'the confirmation page alone changes nothing');

  await submit(page, 'End the service');
  assert.equal(new URL(page.url()).pathname, `${person}/plan`);
  const card = serviceCard(page);
  assert.equal(await rowValue(card, 'Status'), 'Ended');
  assert.equal(await rowValue(card, 'Dates'), `${formatDate(today)} to ${formatDate(today)}`);
  assert.equal(await card.getByRole('link', { name: /^End the service/ }).count(), 0, 'an ended service has no End link');
});

test('propose ending the duty through check your answers, changing one answer on the way', async () => {
  const { page } = practitioner;
  await j.visit(practitioner, `${person}/plan`);
  await pressOn(page, page.getByRole('link', { name: /^Ending this duty/ }), 'Enter', (url) => url.pathname.endsWith('/ending'));
  await j.check(practitioner);
  const state = () => page.locator('main p.govuk-body .govuk-tag').first().textContent().then((t) => t?.trim());
  assert.equal(await state(), 'Open');
  await pressOn(page, page.getByRole('link', { name: 'Propose ending aftercare' }), 'Enter', (url) => url.pathname.endsWith('/ending/propose'));
  await j.check(practitioner);

  await choose(page, 'Why should aftercare end?', 'A review found the person no longer needs aftercare for their mental health');
  await page.locator('#reviewMeetingId').fill('Review of needs, CMHT');
  await choose(page, 'Was the person involved in the decision?', 'Yes');
  await fillDate(page, 'writtenReasonsSentOn', today);
  await choose(page, 'If the person lives in aftercare accommodation: is a move-on plan in place?', 'Yes');
  await submit(page, 'Continue');
  assert.equal(await heading(page), 'Check your answers before proposing to end aftercare');
  await j.check(practitioner, 'check answers');
  const checkList = page.locator('.govuk-summary-list');
  assert.equal(await rowValue(checkList, 'Review meeting'), 'Review of needs, CMHT');
  assert.equal(await rowValue(checkList, 'Written reasons sent to the person'), formatDate(today));

  // Change goes back to the form with the answers kept; the check page then shows the new answer.
  await submit(page, 'Change review meeting');
  assert.equal(await heading(page), 'Propose ending aftercare');
  assert.equal(await page.locator('#reviewMeetingId').inputValue(), 'Review of needs, CMHT');
  assert.equal(await page.getByLabel('A review found the person no longer needs aftercare for their mental health').isChecked(), true);
  await j.check(practitioner, 'changing');
  await page.locator('#reviewMeetingId').fill('Review of needs, CMHT, with Mr B');
  await submit(page, 'Continue');
  assert.equal(await rowValue(page.locator('.govuk-summary-list'), 'Review meeting'), 'Review of needs, CMHT, with Mr B');
  const dutyTag = await inAnotherTab(practitioner, `${person}/plan`, (other) => other.locator('main h2 .govuk-tag').first().textContent());
  assert.equal(dutyTag?.trim(), 'Open', 'checking answers records nothing');

  await submit(page, 'Propose ending aftercare');
  assert.match(new URL(page.url()).pathname, /\/ending$/);
  await j.check(practitioner, 'proposed');
  assert.equal(await state(), 'Ending proposed');
  const task = (await page.locator('.govuk-task-list__item', { hasText: 'Propose ending aftercare' }).textContent()) ?? '';
  assert.match(task.replace(/\s+/g, ' '), /Reasons: A review found the person no longer needs aftercare/);
});

test('the other care-records pages: a new plan version and its needs, funding, top-up, offers, refunds, sign-off', async () => {
  const { page } = practitioner;
  const id = REFERENCE_PERSON_ID;
  // Start a new version of the agreed May 2024 plan: it copies the needs, so a draft with needs to change.
  await j.visit(practitioner, `${person}/plan`, { state: 'service added' });
  const agreed = page.locator('.govuk-summary-card', { hasText: 'Aftercare plan agreed on 24 May 2024' });
  await pressOn(page, agreed.getByRole('link', { name: /^Start a new version/ }), 'Enter', (url) => url.pathname.endsWith('/care-plans/new'));
  await j.check(practitioner);
  assert.match((await page.locator('main form p.govuk-body').first().textContent()) ?? '', /the plan agreed on 24 May 2024\./);
  await choose(page, 'Which framework coordinates the person’s care?', 'Community Mental Health Framework');
  await submit(page, 'Save');
  const draft = page.locator('.govuk-summary-card', { hasText: 'Draft aftercare plan' });
  assert.equal(await draft.locator('dt', { hasText: /^\s*Need \d+\s*$/ }).count(), 3, 'the three needs of the May 2024 plan, a row each');
  assert.match(await rowValue(draft, 'Need 2'), /^Mental health: Community mental health input through s117 aftercare/);
  await pressOn(page, draft.getByRole('link', { name: /^Change need 1:/ }), 'Enter', (url) => url.pathname.endsWith('/change'));
  await j.check(practitioner);
  assert.equal(await heading(page), 'Change the need');
  await page.goBack();
  await pressOn(page, draft.getByRole('link', { name: /^Remove need 3:/ }), 'Enter', (url) => url.pathname.endsWith('/remove'));
  await j.check(practitioner);
  await submit(page, 'Remove the need');
  assert.equal(await draft.locator('dt', { hasText: /^\s*Need \d+\s*$/ }).count(), 2, 'one need fewer');
  await pressOn(page, draft.getByRole('link', { name: /^Add a need/ }), 'Enter', (url) => url.pathname.endsWith('/needs/new'));
  await j.check(practitioner);
  await pressOn(page, page.getByRole('link', { name: 'Back' }), 'Enter', (url) => url.pathname.endsWith('/plan'));
  await pressOn(page, draft.getByRole('link', { name: /^Agree/ }), 'Enter', (url) => url.pathname.endsWith('/agree'));
  await j.check(practitioner);

  // Each remaining form of the plan, the services and the money opens and passes axe.
  for (const path of [
    paths.carePlans.review(id, 'cp-2024-05'),
    paths.carePlans.share(id, 'cp-2024-05'),
    paths.carePlans.print(id, 'cp-2024-05'),
    paths.services.funding(id, 'svc-charity2-accommodation'),
    paths.services.topUp(id, 'svc-charity2-accommodation'),
    paths.offers.new(id),
    paths.offers.response(id, 'po-direct-payment'),
    paths.refundCalculator(id),
    `${paths.ending.signOff(id, 'du-1')}?body=local_authority`,
    paths.ending.withdraw(id, 'du-1'),
  ]) {
    await j.visit(practitioner, path);
    assert.ok(await heading(page), `${path} has a heading`);
  }

  // The biggest form, sent empty: every missing answer in the error summary, each linking to its field.
  await j.visit(practitioner, paths.services.new(id));
  await submit(page, 'Save');
  assert.match(await page.title(), /^Error: /);
  await j.check(practitioner, 'errors');
  const links = await page.locator('.govuk-error-summary a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(links.includes('#description') && links.includes('#kind'), links.join(', '));
  for (const href of links) assert.equal(await page.locator(href).count(), 1, `${href} is on the page`);
});

test('proposing to end the duty of a person on a community treatment order is refused, naming why', async () => {
  // From the demo seed: a Worcestershire person whose duty is open and whose CTO is in force today.
  const files = generateDemoCaseFiles({ seed: DEMO_SEED, people: DEMO_PEOPLE, asOf: today, sections: 'all' });
  const inForce = (f: (typeof files)[number]) => f.ctos.some((cto) => cto.start <= today && (cto.end === undefined || cto.end > today));
  const onCto = files.find((f) => inForce(f) && f.duties.some((d) => d.localAuthorityId === demoOrganisationIds.worcestershire && d.end === undefined && d.ending === undefined));
  assert.ok(onCto, 'the demo seed has a Worcestershire person on a CTO with an open duty');
  const duty = onCto.duties.find((d) => d.localAuthorityId === demoOrganisationIds.worcestershire && d.end === undefined && d.ending === undefined);
  const { page } = practitioner;
  await j.visit(practitioner, `/people/${onCto.person.id}/duties/${duty?.id}/ending`);
  await pressOn(page, page.getByRole('link', { name: 'Propose ending aftercare' }), 'Enter', (url) => url.pathname.endsWith('/ending/propose'));
  await choose(page, 'Why should aftercare end?', 'A review found the person no longer needs aftercare for their mental health');
  await page.locator('#reviewMeetingId').fill('Review of needs');
  await choose(page, 'Was the person involved in the decision?', 'Yes');
  await fillDate(page, 'writtenReasonsSentOn', today);
  await submit(page, 'Continue');

  assert.match(await page.title(), /^Error: /);
  assert.equal(await heading(page), 'Propose ending aftercare', 'the form again, not the check page');
  const summary = await errorSummary(page);
  assert.ok(summary.includes('You cannot end aftercare while the person is on a community treatment order (CTO).'), summary);
  await j.check(practitioner, 'refused');
  await j.visit(practitioner, `/people/${onCto.person.id}/duties/${duty?.id}/ending`);
  assert.equal(await page.locator('main p.govuk-body .govuk-tag').first().textContent().then((t) => t?.trim()), 'Open', 'nothing was recorded');
  await practitioner.context.close();
});

test('the complaints pages as the complaints officer: compliance lists, a person’s complaints, one response letter', async () => {
  const officer = await j.signedIn('complaints_officer');
  const { page } = officer;
  await j.visit(officer, '/complaints');
  assert.equal(await heading(page), 'Complaints');
  await j.visit(officer, '/remedies');
  assert.equal(await heading(page), 'Ombudsman remedies');
  const remedies = (await page.locator('table.govuk-table').textContent()) ?? '';
  assert.ok(remedies.includes('Apologise in writing to Mr B for the fault'), 'the reference case’s remedies are listed');
  await page.locator('#owner').selectOption(demoOrganisationIds.worcestershire);
  await submit(page, 'Apply filters');
  await j.check(officer, 'filtered');
  assert.equal(new URL(page.url()).searchParams.get('owner'), demoOrganisationIds.worcestershire);
  const owners = (await page.locator('table.govuk-table tbody td:nth-child(4)').allTextContents()).map((t) => t.trim());
  assert.ok(owners.length > 0 && owners.every((owner) => owner === 'Worcestershire County Council'), owners.join('; '));

  await j.visit(officer, `${person}/complaints`);
  assert.match(await heading(page), /^Complaints/);
  const card = page.locator('.govuk-summary-card', { hasText: 'Complaint received 12 August 2024' });
  assert.equal(await rowValue(card, 'Acknowledgement'), 'Sent 14 August 2024');
  assert.ok(((await card.textContent()) ?? '').includes('The social worker was not working in his best interests'), 'the points are listed');
  await pressOn(page, card.getByRole('link', { name: /^Response letter/ }), 'Enter', (url) => url.pathname.endsWith('/letter'));
  await j.check(officer);
  const letter = (await page.locator('main').textContent()) ?? '';
  assert.ok(letter.includes('12 August 2024') && letter.includes('The social worker was not working in his best interests'), 'the letter answers the complaint’s points');
  await officer.context.close();
});
