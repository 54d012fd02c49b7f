/**
 * Debian's Chromium driven by playwright-core (never a browser download), with the flags that keep it
 * quiet on a closed network, and an axe check for WCAG 2.2 AA on every page a journey visits.
 */
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails the test with a readable list when axe finds any violation on the page as it stands. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
  );
  assert.deepEqual(summary, [], `axe found violations on ${page.url()}`);
}

/**
 * Collects script errors, console errors (Chromium reports CSP violations there) and CSP violation events,
 * so a journey can assert the page ran cleanly. A document the journey opened on purpose with an error
 * status (a 403 or 404 page) is not a problem: its own "Failed to load resource" line is left out, but a
 * failing stylesheet, script or image on any page is kept.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  const documents = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document' && response.status() >= 400) documents.add(response.url());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource') && documents.has(message.location().url)) return;
    problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  return problems;
}
