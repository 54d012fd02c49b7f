import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { systemContext } from '../../../src/platform/context.ts';
import { createRegisterService, type RegisterService } from '../../../src/modules/register/service.ts';
import { careRecordsSectionStore } from '../../../src/modules/care-records/section-store.ts';
import { complaintsSectionStore } from '../../../src/modules/complaints/section-store.ts';
import { coordinationSectionStore } from '../../../src/modules/coordination/section-store.ts';
import { generatedCaseFile } from '../../support/case-file-arbitraries.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
let register: RegisterService;
before(async () => {
  database = await createTestDatabase();
  // Every store that exists, as the app wires them, so a whole generated file can be imported.
  register = createRegisterService({ db: database.db, sectionStores: [careRecordsSectionStore, coordinationSectionStore, complaintsSectionStore] });
});
after(() => database.close());

const sorted = (records: readonly { id: string }[] | undefined) => [...(records ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const sections = ['carePlans', 'services', 'charges', 'paymentOffers'] as const;

// Generated files hold plans, services with funding and top-ups, and offers; charges (rare there) are covered
// by section-store.test.ts with a legacy charge and a refund.
test('generated case files → import → export give back the same plans, services, charges and offers', async () => {
  let imported = 0;
  await fc.assert(
    fc.asyncProperty(generatedCaseFile('all'), async (file: CaseFile) => {
      // Each run imports a fresh person: the generator may repeat a person id across runs.
      const personId = `${file.person.id}-${++imported}`;
      const { nhsNumber: _nhs, ...person } = file.person;
      const unique = { ...file, person: { ...person, id: personId } } as CaseFile;
      await register.importCaseFileAlone(systemContext(), unique);
      const exported = await register.exportCaseFile(systemContext(), personId);
      for (const section of sections) assert.deepEqual(sorted(exported[section]), sorted(unique[section]), section);
    }),
    { numRuns: 3 },
  );
});
