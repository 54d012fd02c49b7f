/**
 * Adding a person: a wrong NHS number gives the GOV.UK error summary (linking to the field, "Error: " in
 * the title) and writes nothing; a valid person goes through check your answers to their new page; two
 * changes from the same version give one success and one conflict page. The add-person form works from
 * the keyboard alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { journeys, resultCount, tabOrder, expectVisibleFocus, focusedId, type Session } from './support/journey.ts';

const j = journeys();
let practitioner: Session;

/** A valid NHS number in the never-issued 999 range, with its modulus-11 check digit. */
function nhsNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const digits = `999${String(n).padStart(6, '0')}`.slice(0, 9);
    const sum = [...digits].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${digits}${check === 11 ? 0 : check}`;
  }
}

async function fillPerson(s: Session, person: { nhsNumber: string; givenName: string; familyName: string; dob?: [string, string, string] }) {
  const { page } = s;
  await page.locator('#nhsNumber').fill(person.nhsNumber);
  await page.locator('#givenName').fill(person.givenName);
  await page.locator('#familyName').fill(person.familyName);
  const [day, month, year] = person.dob ?? ['', '', ''];
  await page.locator('#dateOfBirth-day').fill(day);
  await page.locator('#dateOfBirth-month').fill(month);
  await page.locator('#dateOfBirth-year').fill(year);
  await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Continue' }).click()]);
  await page.waitForLoadState();
}

test('a wrong NHS number shows the error summary and writes nothing', async () => {
  practitioner = await j.signedIn('practitioner');
  const { page } = practitioner;
  await j.visit(practitioner, '/people');
  const before = await resultCount(page);

  await j.visit(practitioner, '/people/new');
  const wrong = nhsNumber(123_456).slice(0, 9) + String((Number(nhsNumber(123_456).at(-1)) + 1) % 10);
  await fillPerson(practitioner, { nhsNumber: wrong, givenName: 'Wrong', familyName: 'Number' });
  assert.match(await page.title(), /^Error: /, 'the title starts "Error: "');
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  await j.check(practitioner, 'errors');
  assert.equal(await page.evaluate<boolean>("!!document.activeElement?.classList.contains('govuk-error-summary')"), true, 'the error summary takes focus');
  const link = summary.getByRole('link').first();
  assert.equal(await link.getAttribute('href'), '#nhsNumber', 'the summary links to the NHS number field');
  await link.click();
  assert.equal(await focusedId(page), 'nhsNumber', 'the link moves focus to the field');
  assert.ok(await page.locator('#nhsNumber-error').isVisible(), 'the field shows its error');
  assert.equal(await page.locator('#nhsNumber').inputValue(), wrong, 'what was typed is kept');

  await j.visit(practitioner, '/people');
  assert.equal(await resultCount(page), before, 'nothing was written');
  await j.visit(practitioner, `/people?q=${wrong}`, { state: 'search' });
  assert.equal(await resultCount(page), 0);
});

test('a valid person goes through check your answers to their new page', async () => {
  const { page } = practitioner;
  await j.visit(practitioner, '/people');
  const before = await resultCount(page);
  const number = nhsNumber(654_321);
  await j.visit(practitioner, '/people/new');
  await fillPerson(practitioner, { nhsNumber: number, givenName: 'Ada', familyName: 'Quill', dob: ['27', '3', '1980'] });
  assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), 'Check the person’s details');
  await j.check(practitioner, 'check answers');
  const answers = (await page.locator('.govuk-summary-list').textContent()) ?? '';
  assert.ok(answers.includes(`${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`), 'the NHS number as 3 3 4');
  assert.ok(answers.includes('27 March 1980'), 'the date of birth in words');

  // Change goes back to the form with the answers kept, then on to check them again.
  await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Change given name' }).click()]);
  await page.waitForLoadState();
  assert.equal(await page.locator('#givenName').inputValue(), 'Ada');
  await j.check(practitioner, 'changing');
  await page.locator('#givenName').fill('Ada May');
  await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Continue' }).click()]);
  await page.waitForLoadState();

  await Promise.all([page.waitForURL(/\/people\/(?!new)[^/]+$/), page.getByRole('button', { name: 'Add person' }).click()]);
  await j.check(practitioner, 'new person');
  const bar = (await page.locator('[aria-label="Person"]').first().textContent()) ?? '';
  assert.ok(bar.includes('Ada May Quill'), `the new person's page: ${bar}`);
  await j.visit(practitioner, '/people');
  assert.equal(await resultCount(page), before + 1, 'one person more on the register');
});

test('two changes from the same version: one saved, one conflict page', async () => {
  const { page, context } = practitioner;
  await j.visit(practitioner, `/people?q=Quill`, { state: 'search' });
  await Promise.all([page.waitForURL('**/people/*'), page.locator('table').getByRole('link', { name: /Quill/ }).click()]);
  const personPath = new URL(page.url()).pathname;

  const other = await context.newPage();
  await j.visit(practitioner, `${personPath}/edit`);
  await other.goto(`${personPath}/edit`);

  await other.locator('#givenName').fill('Adeline');
  await Promise.all([other.waitForURL(`**${personPath}`), other.getByRole('button', { name: 'Save' }).click()]);
  await other.close();

  await page.locator('#familyName').fill('Quillon');
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Save' }).click()]);
  assert.equal(response.status(), 409, 'the stale change is refused');
  await page.waitForLoadState();
  assert.equal((await page.getByRole('heading', { level: 1 }).textContent())?.trim(), 'Someone else changed this record');
  await j.check(practitioner, 'conflict');
  const table = (await page.locator('table').textContent()) ?? '';
  assert.ok(table.includes('Adeline') && table.includes('Quillon'), `both values are shown: ${table}`);

  await j.visit(practitioner, personPath);
  const bar = (await page.locator('[aria-label="Person"]').first().textContent()) ?? '';
  assert.ok(bar.includes('Adeline Quill'), `the first change stands, the second did not overwrite it: ${bar}`);
});

test('the add-person form works from the keyboard alone', async () => {
  const { page } = practitioner;
  await j.visit(practitioner, '/people/new');
  await page.keyboard.press('Tab');
  assert.match(await expectVisibleFocus(page), /skip to main content/i, 'the skip link comes first');
  await page.keyboard.press('Enter');
  assert.equal(await focusedId(page), 'main-content', 'the skip link moves focus to the main content');

  await page.goto('/people/new');
  const order = await tabOrder(page);
  const wanted = ['#nhsNumber', '#givenName', '#familyName', '#dateOfBirth-day', '#dateOfBirth-month', '#dateOfBirth-year'];
  const positions = wanted.map((id) => order.indexOf(id));
  assert.ok(
    positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] ?? -1))),
    `Tab reaches every field in order: ${order.join(' → ')}`,
  );
  const button = order.findIndex((label) => /"Continue"/.test(label));
  assert.ok(button > (positions.at(-1) ?? 0), 'then the Continue button');
  assert.ok(order.some((label) => /"Back"/.test(label)), 'and the back link');
});
