/**
 * What every browser journey shares: one server and one browser per test file, a fresh browser context
 * per user, sign-in as a demo role, and `visit`/`check`, which assert the page's status, scan it with axe
 * (each distinct page state once per file) and assert that no script error, console error or CSP
 * violation happened. A new journey file starts with `const j = journeys();` at the top level.
 *
 *   const j = journeys();
 *   test('a practitioner sees the register', async () => {
 *     const s = await j.signedIn('practitioner');
 *     await j.visit(s, '/people');
 *   });
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type { Role } from '../../../src/platform/context.ts';
import { DEMO_PASSWORD, demoUsers } from '../../../src/modules/register/demo/seed.ts';
import { expectNoAxeViolations, launchBrowser, watchConsole } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Script errors, console errors and CSP violations seen so far on this session's page. */
  problems: string[];
}

export function demoUser(role: Role) {
  const user = demoUsers.find((u) => u.role === role);
  assert.ok(user, `no demo user with the role ${role}`);
  return user;
}

export interface Journeys {
  readonly baseUrl: string;
  readonly browser: Browser;
  /** The page states axe has scanned in this file, for the closing diagnostic. */
  readonly scanned: ReadonlySet<string>;
  session(): Promise<Session>;
  signIn(session: Session, role: Role): Promise<void>;
  signedIn(role: Role): Promise<Session>;
  /** Goes to `path`, asserts the status (200 unless told), then `check`s the page. */
  visit(session: Session, path: string, options?: { status?: number; state?: string }): Promise<Response>;
  /** axe (once per page state: the path and `state`, not the query string) and no console problems so far. */
  check(session: Session, state?: string): Promise<void>;
}

export function journeys(): Journeys {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const scanned = new Set<string>();

  before(async () => {
    // Each is kept as soon as it is up, so that `after` closes it even when the other failed to start.
    const starting = [startServer().then((s) => (server = s)), launchBrowser().then((b) => (browser = b))];
    const outcomes = await Promise.allSettled(starting);
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (scanned.size > 0) console.log(`# axe scanned ${scanned.size} page states: ${[...scanned].join(', ')}`);
  });

  const j: Journeys = {
    get baseUrl() {
      assert.ok(server, 'the server has not started');
      return server.baseUrl;
    },
    get browser() {
      assert.ok(browser, 'the browser has not started');
      return browser;
    },
    scanned,

    async session() {
      const context = await j.browser.newContext({ baseURL: j.baseUrl });
      contexts.push(context);
      const page = await context.newPage();
      return { context, page, problems: watchConsole(page) };
    },

    async signIn(session, role) {
      const { page } = session;
      await page.goto('/sign-in');
      await j.check(session);
      await page.locator('#email').fill(demoUser(role).email);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await Promise.all([page.waitForURL((url) => url.pathname !== '/sign-in'), page.getByRole('button', { name: 'Sign in' }).click()]);
    },

    async signedIn(role) {
      const session = await j.session();
      await j.signIn(session, role);
      return session;
    },

    async visit(session, path, options = {}) {
      const response = await session.page.goto(path);
      assert.ok(response, `no response for ${path}`);
      assert.equal(response.status(), options.status ?? 200, `GET ${path} → ${response.status()} at ${session.page.url()}`);
      await j.check(session, options.state);
      return response;
    },

    async check(session, state = '') {
      const url = new URL(session.page.url());
      // A page is its path: the query string alone (another filter, sort or page) does not make it a new
      // page for axe; pass `state` where the page differs in kind (errors shown, filters selected…).
      const key = `${url.pathname}${state ? ` [${state}]` : ''}`;
      if (!scanned.has(key)) {
        await expectNoAxeViolations(session.page);
        scanned.add(key);
      }
      assert.deepEqual(session.problems, [], `console problems on ${url.pathname}`);
    },
  };
  return j;
}

/** The text of the register's result count ("1 person", "1,234 people") as a number. */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('#results').textContent()) ?? '';
  const match = /([\d,]+) (?:person|people)/.exec(text);
  assert.ok(match, `no result count in "${text}"`);
  return Number(match[1]?.replace(/,/g, ''));
}

/** The id of the element with focus (test files have no DOM types, so page scripts are strings here). */
export async function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate<string | undefined>('document.activeElement?.id || undefined');
}

interface FocusState {
  label: string;
  outline: boolean;
  shadow: boolean;
  matches: boolean;
}

const FOCUS_STATE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const label = el.id ? '#' + el.id : el.tagName.toLowerCase() + (text ? ' "' + text + '"' : '');
  return { label, outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px', shadow: style.boxShadow !== 'none', matches: el.matches(':focus-visible') };
})()`;

/** Asserts that the element with keyboard focus shows a visible focus indicator (outline or box shadow). */
export async function expectVisibleFocus(page: Page): Promise<string> {
  const focused = await page.evaluate<FocusState | null>(FOCUS_STATE);
  assert.ok(focused, 'nothing has keyboard focus');
  assert.ok(focused.matches, `${focused.label} is focused but not :focus-visible`);
  assert.ok(focused.outline || focused.shadow, `${focused.label} has no visible focus indicator`);
  return focused.label;
}

/** Presses Tab until focus leaves the page or comes round again; returns each focused control's label. */
export async function tabOrder(page: Page, limit = 40): Promise<string[]> {
  const order: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const active = await page.evaluate<boolean>('!!document.activeElement && document.activeElement !== document.body');
    if (!active) break;
    const label = await expectVisibleFocus(page);
    if (order.includes(label)) break;
    order.push(label);
  }
  return order;
}
