/**
 * The register list (search by name and NHS number, open/ended, responsible organisation, sorting,
 * pagination) and a person's page (the identity bar, and every group and page of the grouped sub-navigation
 * opening a page with a heading, chronology and journey included), as the council's team manager, who sees
 * the council's whole register; then every dashboard and the lists behind its counts, each scanned by axe.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { todayInLondon } from '../../src/domain/calendar/civil-date.ts';
import { demoOrganisationIds } from '../../src/demo/organisations.ts';
import { journeys, resultCount, type Session } from './support/journey.ts';

const j = journeys();
let manager: Session;

const column = (page: Page, n: number) => page.locator(`table.govuk-table tbody tr td:nth-child(${n})`).allTextContents();
const trimmed = (texts: string[]) => texts.map((t) => t.trim());

/** Fills the filter as a user would and applies it. */
async function applyFilter(s: Session, fill: (page: Page) => Promise<void>, state: string) {
  await fill(s.page);
  await Promise.all([s.page.waitForURL((url) => url.pathname === '/people'), s.page.getByRole('button', { name: 'Apply filters' }).click()]);
  await s.page.waitForLoadState();
  await j.check(s, state);
}

test('the register list filters by name, NHS number, duty status and organisation', async () => {
  manager = await j.signedIn('team_manager');
  const { page } = manager;
  await j.visit(manager, '/people');
  const total = await resultCount(page);
  assert.ok(total > 25, `the demo register fills more than one page (${total})`);

  const firstName = trimmed(await column(page, 1))[0] ?? '';
  const familyName = firstName.split(',')[0] ?? '';
  await applyFilter(manager, (p) => p.locator('#q').fill(familyName), 'filtered');
  const byName = trimmed(await column(page, 1));
  assert.ok(byName.length >= 1 && byName.every((name) => name.toLowerCase().includes(familyName.toLowerCase())), `every row matches "${familyName}": ${byName.join('; ')}`);
  assert.ok((await resultCount(page)) < total, 'the name search narrows the list');
  await assert.doesNotReject(page.getByRole('link', { name: 'Clear filters' }).waitFor(), 'the selected filter can be cleared');

  await j.visit(manager, '/people?sort=nhsNumber');
  const nhsNumber = trimmed(await column(page, 2))[0] ?? '';
  assert.match(nhsNumber, /^\d{3} \d{3} \d{4}$/, 'NHS numbers show as 3 3 4');
  await applyFilter(manager, (p) => p.locator('#q').fill(nhsNumber.replace(/ /g, '')), 'filtered');
  assert.equal(await resultCount(page), 1, 'a whole NHS number finds one person');
  assert.deepEqual(trimmed(await column(page, 2)), [nhsNumber]);

  await j.visit(manager, '/people?status=open');
  const open = await resultCount(page);
  assert.ok(new Set(trimmed(await column(page, 8))).size === 1 && trimmed(await column(page, 8))[0] === 'Open', 'the open filter shows open duties only');
  await j.visit(manager, '/people?status=ended');
  const ended = await resultCount(page);
  assert.ok(trimmed(await column(page, 8)).every((status) => status === 'Ended'), 'the ended filter shows ended duties only');
  assert.ok(open + ended <= total && open > 0 && ended > 0, `open ${open} + ended ${ended} ≤ all ${total}`);

  await j.visit(manager, '/people');
  await applyFilter(manager, (p) => p.locator('#organisation').selectOption(demoOrganisationIds.herefordshire).then(() => undefined), 'filtered');
  const herefordshire = await resultCount(page);
  assert.ok(herefordshire > 0 && herefordshire < total, `Herefordshire's people are some of the register (${herefordshire} of ${total})`);
  assert.equal(new URL(page.url()).searchParams.get('organisation'), demoOrganisationIds.herefordshire);
});

test('the register list sorts by column and pages through the results', async () => {
  const { page } = manager;
  await j.visit(manager, '/people');
  const nameHeader = page.locator('th', { hasText: 'Name' }).first();
  assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
  const ascending = trimmed(await column(page, 1));
  await Promise.all([page.waitForURL('**/people?*order=desc*'), nameHeader.getByRole('link').click()]);
  await j.check(manager);
  assert.equal(await page.locator('th', { hasText: 'Name' }).first().getAttribute('aria-sort'), 'descending');
  const descending = trimmed(await column(page, 1));
  assert.ok(descending[0] && descending[0].localeCompare(ascending[0] ?? '', 'en', { sensitivity: 'base' }) > 0, `descending starts later: ${descending[0]} vs ${ascending[0]}`);

  await Promise.all([page.waitForURL('**/people?*dutyStart*'), page.locator('th', { hasText: 'Duty began' }).getByRole('link').click()]);
  await j.check(manager);

  await j.visit(manager, '/people');
  const pagination = page.locator('nav.govuk-pagination');
  // Next and previous follow keyset cursors (page numbers stay OFFSET links).
  await Promise.all([page.waitForURL('**/people?after=*'), pagination.getByRole('link', { name: /next/i }).click()]);
  await j.check(manager, 'page 2');
  const second = trimmed(await column(page, 1));
  assert.equal(second.length, Math.min(25, (await resultCount(page)) - 25));
  assert.ok(!second.some((name) => ascending.includes(name) && name !== ''), 'page 2 shows other people than page 1');
  await assert.doesNotReject(pagination.getByRole('link', { name: /previous/i }).waitFor(), 'page 2 links back');
});

test('a person page shows the identity bar and a sub-navigation without dead links', async () => {
  const { page } = manager;
  await j.visit(manager, '/people?status=open');
  const row = page.locator('table.govuk-table tbody tr').first();
  const link = row.locator('td').first().getByRole('link');
  const listedName = (await link.textContent())?.trim() ?? '';
  await Promise.all([page.waitForURL('**/people/*'), link.click()]);
  await j.check(manager);
  const personId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');

  const bar = page.getByRole('complementary', { name: 'Person' }).or(page.locator('[aria-label="Person"]')).first();
  const barText = (await bar.textContent()) ?? '';
  const [family, given] = listedName.split(', ');
  assert.ok(barText.includes(`${given} ${family}`), `the identity bar names ${given} ${family}: ${barText}`);
  assert.match(barText, /NHS number\s*\d{3} \d{3} \d{4}/, 'NHS number as 3 3 4');
  assert.match(barText, /Date of birth\s*\d{1,2} [A-Z][a-z]+ \d{4}/, 'date of birth');

  const api = await page.request.get(`/api/v1/people/${encodeURIComponent(personId)}`);
  assert.equal(api.status(), 200);
  const today = todayInLondon(new Date());
  const { duties } = (await api.json()) as { duties: { start: string; end?: string }[] };
  const openDuties = duties.filter((d) => d.start <= today && (!d.end || d.end > today)).length;
  assert.ok(openDuties > 0);
  assert.equal(await bar.locator('.govuk-tag').count(), openDuties, 'one tag per open duty');

  // The sections come in groups: each group opens its first page; the group's pages follow in a second row.
  const groups = page.getByRole('navigation', { name: 'Sections of the case' });
  const hrefsIn = (nav: ReturnType<Page['locator']>) => nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const groupHrefs = await hrefsIn(groups);
  assert.ok(groupHrefs.length >= 5, `the groups: ${groupHrefs.join(', ')}`);
  const visited: string[] = [];
  for (const groupHref of groupHrefs) {
    await j.visit(manager, groupHref);
    const pagesNav = page.locator('nav.app-person-navigation__pages');
    const hrefs = (await pagesNav.count()) > 0 ? await hrefsIn(pagesNav) : [groupHref];
    assert.equal(hrefs[0], groupHref, `${groupHref} is its group's first page`);
    for (const href of hrefs) {
      if (href !== groupHref) await j.visit(manager, href);
      const heading = (await page.locator('main h1, main h2').first().textContent())?.trim();
      assert.ok(heading, `${href} has a heading`);
      assert.equal(await page.locator('nav [aria-current="page"]').last().getAttribute('href'), href, `${href} is marked as the current page`);
      assert.equal(await groups.locator('[aria-current]').getAttribute('href'), groupHref, `${href}'s group is marked as current`);
      visited.push(href);
    }
  }
  // Chronology and Journey (the History group) are among them, so axe scans both.
  assert.ok(visited.some((href) => href.endsWith('/chronology')) && visited.some((href) => href.endsWith('/journey')), visited.join(', '));
  assert.ok(visited.length >= 14, `every section: ${visited.join(', ')}`);
});

test('every dashboard — my cases, team, organisation, health body — and the lists behind its counts pass axe', async () => {
  // The manager's page holds the team and organisation dashboards: the counts by rule and by team over time.
  const { page } = manager;
  await j.visit(manager, '/dashboard', { state: 'team manager' });
  await page.getByRole('table', { name: 'Alerts held on each date, by team' }).waitFor();
  const teamCount = page.locator('a[href^="/dashboard/alerts-held?"][href*="team="]').last();
  const expected = Number(await teamCount.textContent());
  await Promise.all([page.waitForURL('**/dashboard/alerts-held?*'), teamCount.click()]);
  await j.check(manager);
  assert.equal(await page.locator('tr[data-alert-row]').count(), expected, 'the list behind a team count has as many alerts');
  await j.visit(manager, '/dashboard/duties/unallocated');

  // The practitioner's own cases, alerts and actions due; the ICB commissioner's people across councils.
  const practitioner = await j.signedIn('practitioner');
  await j.visit(practitioner, '/dashboard', { state: 'practitioner' });
  await practitioner.page.getByRole('heading', { name: 'My actions due' }).waitFor();
  await j.visit(practitioner, '/dashboard/duties/mine');
  const commissioner = await j.signedIn('commissioner');
  await j.visit(commissioner, '/dashboard', { state: 'health body' });
  await j.visit(commissioner, '/dashboard/duties/health-body');
});
