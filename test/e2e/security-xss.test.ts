/**
 * Stored XSS, in a real browser (Debian Chromium): every free-text field of the register's forms is
 * filled with script payloads through the forms themselves (so new fields join automatically), then the
 * person's pages are loaded. Nothing runs (no dialog, no flag set by a payload, no script error), and the
 * payload text shows on the page as typed. Then the CSP itself: an inline script injected into a page
 * without the response's nonce is blocked.
 *
 * The app runs in-process on 127.0.0.1 (createTestApp), with a signed-in team manager's cookie.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, watchConsole } from './support/browser.ts';
import { createTestApp, type SignedIn, type TestApp } from '../support/app.ts';
import { SESSION_COOKIE } from '../../src/platform/http/session-cookie.ts';

const MARK = 'xq';
/** Short enough for a 200-character field; each part sets a flag if it ever runs. */
const payload = (i: number) => `${MARK}${i}<script>window.__xss=${i}</script><img src=x onerror="window.__xss=${i}">"'><svg onload=window.__xss=${i}>`;

let t: TestApp;
let base: string;
let browser: Browser;
let context: BrowserContext;
let manager: SignedIn;

before(async () => {
  t = await createTestApp();
  await t.createOrganisation({ id: 'org-icb', name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1' });
  const organisationId = await t.createOrganisation({ id: 'org-north', name: 'Northshire County Council', code: 'E10000001' });
  manager = await t.signedInUser(['team_manager'], { organisationId });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  context = await browser.newContext();
  const url = new URL(base);
  await context.addCookies([{ name: SESSION_COOKIE, value: manager.sessionId, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
});

after(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

let counter = 0;

/** Fills every text field and textarea with a payload (dates and NHS numbers with valid values), picks the first choice of each radio group and select, and submits. */
async function fillAndSubmit(page: Page): Promise<void> {
  const fields = page.locator('main form[method="post"] input:not([type]), main form[method="post"] input[type="text"], main form[method="post"] input[type="email"], main form[method="post"] input[type="tel"], main form[method="post"] textarea');
  for (const field of await fields.all()) {
    const name = (await field.getAttribute('name')) ?? '';
    if (/(^|-|\.)day$/.test(name)) await field.fill('1');
    else if (/(^|-|\.)month$/.test(name)) await field.fill('6');
    else if (/(^|-|\.)year$/.test(name)) await field.fill('2025');
    else if (/nhs/i.test(name)) await field.fill('');
    else if (/email/i.test(name)) await field.fill(`${MARK}${++counter}"><script>window.__xss=1</script>@example.org`);
    else await field.fill(payload(++counter));
  }
  const radios = page.locator('main form[method="post"] input[type="radio"]');
  const groups = new Set<string>();
  for (const radio of await radios.all()) {
    const name = (await radio.getAttribute('name')) ?? '';
    if (groups.has(name)) continue;
    groups.add(name);
    await radio.check();
  }
  for (const select of await page.locator('main form[method="post"] select').all()) {
    const values = await select.locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    if (values[0]) await select.selectOption(values[0]);
  }
  await page.locator('main form[method="post"] button[type="submit"], main form[method="post"] button:not([type])').first().click();
  await page.waitForLoadState('load');
}

async function assertNothingRan(page: Page, problems: string[], where: string): Promise<void> {
  assert.equal(await page.evaluate('window.__xss'), undefined, `a payload ran on ${where}`);
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), [], `script errors on ${where}`);
}

test('script payloads in every free-text field of the register forms never run, and show as typed', async () => {
  const page = await context.newPage();
  const problems = watchConsole(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  // Add a person through the two-step form (fill, check, confirm).
  await page.goto(`${base}/people/new`);
  await fillAndSubmit(page);
  await assertNothingRan(page, problems, 'the check page');
  // The check-your-answers step (rendered at /people/new or /people/new/check): confirm.
  for (let step = 0; step < 3 && /^\/people\/new(\/check)?$/.test(new URL(page.url()).pathname); step++) {
    const confirm = page.locator('main form[method="post"] button').last();
    if (!(await confirm.count()) || (await page.locator('.govuk-error-summary').count())) break;
    await confirm.click();
    await page.waitForLoadState('load');
    await assertNothingRan(page, problems, 'the check page');
  }
  const personPath = new URL(page.url()).pathname.match(/^\/people\/[^/]+/)?.[0];
  const summary = (await page.locator('.govuk-error-summary').count()) ? await page.locator('.govuk-error-summary').innerText() : '';
  assert.ok(personPath && !personPath.endsWith('/new'), `a person was created (${page.url()}): ${summary}`);

  // Every "add" form linked from the person's pages (plus edit): filled with payloads and submitted.
  const sections = ['', '/duties', '/contacts', '/residence', '/allocation'];
  const forms = new Set<string>([`${personPath}/edit`]);
  for (const section of sections) {
    await page.goto(`${base}${personPath}${section}`);
    for (const href of await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
      if (href.startsWith(personPath) && /\/(new|edit)$/.test(href)) forms.add(href);
    }
  }
  assert.ok(forms.size >= 4, `forms found: ${[...forms].join(', ')}`);
  for (const form of forms) {
    await page.goto(`${base}${form}`);
    await fillAndSubmit(page);
    await assertNothingRan(page, problems, `${form} (after submitting)`);
  }

  // Load every page of the person and the register list: nothing runs; the payload text is visible as typed.
  let shown = 0;
  for (const path of [...sections.map((s) => `${personPath}${s}`), '/people', `/people?q=${MARK}`]) {
    await page.goto(`${base}${path}`);
    await assertNothingRan(page, problems, path);
    const text = await page.locator('main').innerText();
    if (text.includes('<script>window.__xss=')) shown++;
    assert.equal(await page.locator('main script:not([nonce]), main img[src="x"], main svg[onload]').count(), 0, `no payload element was created on ${path}`);
  }
  assert.ok(shown > 0, 'the payloads show as text somewhere');
  assert.deepEqual(dialogs, []);
});

test('the CSP blocks an inline script injected without the nonce', async () => {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(`${base}/people`);
  // Written as a string: the page's DOM, not Node's (the project's TypeScript has no DOM library).
  await page.evaluate(`{
    const script = document.createElement('script');
    script.textContent = 'window.__csp = 1';
    document.body.appendChild(script);
    const img = document.createElement('img');
    img.setAttribute('src', 'data:,');
    img.setAttribute('onerror', 'window.__csp = 2');
    img.setAttribute('onload', 'window.__csp = 3');
    document.body.appendChild(img);
  }`);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate('window.__csp'), undefined);
  assert.ok(problems.some((p) => /Content Security Policy/i.test(p)), `Chromium reported the CSP violation: ${problems.join(' | ')}`);
});
