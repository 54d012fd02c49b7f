/**
 * The person's overview reads the case once (issue 8): its "what the law says" card is evaluated from the
 * register's view of the case the page has already read, not from a second read of the whole case file.
 * That view holds only the register's sections, so this checks, case by case, that the card's duties are
 * exactly those the whole case file gives through `evaluate` — on every law fixture (Welsh and English
 * councils, deeming, recalls, CTOs, joint endings), the ombudsman reference case and generated cases with
 * every section — and that `lawDuties` is `evaluate(...).duties`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { todayInLondon } from '../../../src/domain/calendar/civil-date.ts';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { evaluate, lawDuties } from '../../../src/domain/rules/evaluate.ts';
import { generateDemoCaseFiles } from '../../../src/demo/case-file-generator.ts';
import { referenceCaseFile } from '../../../src/demo/reference-case.ts';
import { lawDutyViews, lawDutyViewsOfCase } from '../../../src/modules/chronology/law-summary.ts';
import { defaultRulesConfig } from '../../../src/domain/rules/config.ts';
import { systemContext } from '../../../src/platform/context.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';

let t: TestApp;
const deeming = { ...defaultRulesConfig, mha2025DeemingFrom: '2020-01-01' };
const cases: { id: string; label: string }[] = [];

function lawFixtures(): { name: string; file: CaseFile }[] {
  const dir = new URL('../../fixtures/law/', import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.startsWith('TC-') && name.endsWith('.json'))
    .map((name) => ({ name, file: JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as CaseFile }));
}

before(async () => {
  t = await createTestApp();
  const ctx = systemContext();
  const files: { label: string; file: CaseFile }[] = [
    ...lawFixtures().map(({ name, file }) => ({ label: name, file })),
    { label: 'reference case', file: referenceCaseFile() },
    ...generateDemoCaseFiles({ seed: 8, people: 12, asOf: todayInLondon(), idPrefix: 'p-law-gen-' }).map((file) => ({ label: file.person.id, file })),
  ];
  for (const [index, { label, file }] of files.entries()) {
    const id = `p-law-view-${index}`;
    // Each in a transaction of its own; NHS numbers are dropped so the fixtures cannot collide.
    await t.services.register.importCaseFileAlone(ctx, { ...file, person: { ...file.person, id, nhsNumber: undefined } });
    cases.push({ id, label });
  }
});

after(async () => {
  await t.close();
});

test('the overview card from the register view gives the same duties as evaluating the whole case file', async () => {
  const ctx = systemContext();
  const asOf = todayInLondon(ctx.now);
  let duties = 0;
  for (const { id, label } of cases) {
    const file = await t.services.register.readCaseFile(t.services.db, id);
    const expected = lawDutyViews(file, evaluate(file, asOf));
    const view = await t.services.register.getCase(ctx, id);
    const card = t.services.chronology.lawSummary(ctx, view);
    assert.deepEqual(card.duties, expected, label);
    assert.equal(card.journeyHref, `/people/${id}/journey#what-the-law-says`);
    // With the 2025 Act's deeming in force the placing council's nation decides too (organisations' nation).
    assert.deepEqual(lawDutyViewsOfCase(view, asOf, deeming), lawDutyViews(file, evaluate(file, asOf, deeming)), `${label} with deeming`);
    duties += expected.length;
  }
  assert.ok(duties >= cases.length, `the cases give duties to compare (${duties})`);
});

test('lawDuties is evaluate(...).duties without the alerts, on whole files and at earlier dates', () => {
  for (const { name, file } of lawFixtures()) {
    for (const asOf of [todayInLondon(), '2020-01-01', '2024-06-30']) assert.deepEqual(lawDuties(file, asOf), evaluate(file, asOf).duties, `${name} as of ${asOf}`);
  }
});
