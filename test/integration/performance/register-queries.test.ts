/**
 * The register list's statements (issue 8): a search, or the list in any order but by name, reads its page
 * and its count in one walk of the matching people (register-list.ts `matchingPage`); the list by name walks
 * the name index for its page and counts the organisation's id set. Counted through the services' own Drizzle
 * instance, transaction control apart, after a warm-up request (first-use lookups are not the page's cost).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SignedIn, TestApp } from '../../support/app.ts';
import { createCountingApp, type CountingApp } from '../../support/statement-count.ts';

let counting: CountingApp;
let t: TestApp;
let practitioner: SignedIn;

before(async () => {
  counting = await createCountingApp();
  t = counting.app;
  practitioner = await t.signedInUser(['practitioner']);
});

after(async () => {
  await t.close();
});

const statementsOf = (url: string) => counting.statementsOf(url, practitioner);

const listStatements = (all: string[]) => all.filter((s) => /\bfrom "people"/.test(s) && !/^\s*with recursive answered/.test(s));

test('a search reads its page and count in one statement; so does the list by date of birth; by name, a page and a count', async () => {
  for (const [url, expected] of [
    ['/api/v1/people?q=Lovelace', 1],
    ['/api/v1/people?q=943%20476', 1],
    ['/api/v1/people?sort=dateOfBirth', 1],
    ['/api/v1/people?sort=dutyStart&status=open', 1],
    ['/api/v1/people', 2],
  ] as const) {
    const all = await statementsOf(url);
    const list = listStatements(all);
    assert.equal(list.length, expected, `${url}:\n${all.map((s) => s.slice(0, 120)).join('\n')}`);
  }
});
