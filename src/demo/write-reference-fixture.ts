/**
 * Writes the reference case (`referenceCaseFile()`) to test/fixtures/reference/lgsco-24-014-179.json, the
 * copy outside tools and the acceptance tests read. A test checks the two stay equal.
 * Run: node src/demo/write-reference-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { referenceCaseFile } from './reference-case.ts';

export const REFERENCE_FIXTURE_PATH = new URL('../../test/fixtures/reference/lgsco-24-014-179.json', import.meta.url);

if (import.meta.main) {
  writeFileSync(REFERENCE_FIXTURE_PATH, `${JSON.stringify(referenceCaseFile(), null, 2)}\n`);
  console.log(`Wrote ${REFERENCE_FIXTURE_PATH.pathname}`);
}
