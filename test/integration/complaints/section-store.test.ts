import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { systemContext } from '../../../src/platform/context.ts';
import { complaintsSectionStore } from '../../../src/modules/complaints/section-store.ts';
import { northPerson, openWorld, orgs, type ComplaintsWorld } from './support.ts';

let world: ComplaintsWorld;
before(async () => {
  world = await openWorld();
});
after(() => world.database.close());

const sections: Pick<CaseFile, 'complaints' | 'ombudsmanCases'> = {
  complaints: [
    {
      id: 'cmp1', receivedOn: '2024-08-12', complainant: 'ct-rep', organisationIds: [orgs.north, orgs.northIcb], leadOrganisationId: orgs.north, procedure: 'statutory_2009',
      points: [
        { id: 'pt1', text: 'The social worker acted as a gatekeeper', answered: true, ext: { answer: 'We found no fault here.', note: 'kept' } },
        { id: 'pt2', text: 'Poor communication', answered: false },
      ],
      acknowledgedOn: '2024-08-14', responseDue: '2024-10-01', respondedOn: '2024-10-01', outcome: 'partly_upheld',
      ext: { responseSignedBy: 'Head of Service', localRef: 'WCC/123' },
    },
    { id: 'cmp2', receivedOn: '2025-01-06', complainant: 'person', organisationIds: [orgs.north], procedure: 'corporate', points: [], ext: { corporateStage: 2 } },
  ],
  ombudsmanCases: [
    {
      id: 'om1', body: 'LGSCO', reference: '24 014 179', complaintId: 'cmp1', finalDecisionOn: '2025-07-31', findings: ['fault', 'service_failure', 'injustice'],
      remedies: [
        { id: 'rem1', text: 'Apologise in writing', kind: 'apology', ownerId: 'staff-1', completedOn: '2025-08-20', evidence: 'Letter', evidenceSentOn: '2025-08-22' },
        { id: 'rem2', text: 'Offer a meeting and assessment', kind: 'reassessment', dueWithin: 'P1M', ext: { x: 1 } },
        { id: 'rem3', text: 'Pay for time and trouble', kind: 'payment', due: '2025-09-01', amountPence: 25000, ownerId: orgs.north },
      ],
      ext: { enquiryOn: '2024-11-07', draftDecisionOn: '2025-06-30', other: true },
    },
  ],
};

const sameIds = { organisation: (id: string) => id, staff: (id: string) => id, ref: (ref: string) => ref };

test('complaints and Ombudsman cases round-trip through the section store with their ids and ext', async () => {
  const { id } = await northPerson(world);
  const file = { ...sections, contacts: [] } as unknown as CaseFile;
  await world.db.transaction((tx) => complaintsSectionStore.importSections(tx, systemContext(), id, file, sameIds));
  const exported = await world.db.transaction((tx) => complaintsSectionStore.exportSections(tx, id));
  assert.deepEqual(exported, sections);
  const referenced = complaintsSectionStore.referencedIds({ ...exported, contacts: [{ id: 'ct-rep', name: 'Rep', role: 'representative', actsForPerson: true }] });
  assert.deepEqual(referenced.organisationIds.sort(), [orgs.north, orgs.northIcb, 'staff-1'].sort());
  assert.deepEqual(referenced.staffIds.sort(), [orgs.north, 'staff-1'].sort());
});

test('import maps organisation ids and Refs to the ids they were matched with', async () => {
  const { id } = await northPerson(world, 'Mapped');
  const ids = { organisation: (o: string) => (o === 'file-council' ? orgs.north : o), staff: (s: string) => s, ref: (r: string) => (r === 'file-council' ? orgs.north : r) };
  const file = {
    complaints: [{ id: 'c', receivedOn: '2025-01-06', complainant: 'person', organisationIds: ['file-council'], leadOrganisationId: 'file-council', procedure: 'other', points: [] }],
    ombudsmanCases: [{ id: 'o', body: 'LGSCO', reference: 'R', findings: [], remedies: [{ id: 'r', text: 'T', kind: 'other', ownerId: 'file-council' }] }],
  } as unknown as CaseFile;
  await world.db.transaction((tx) => complaintsSectionStore.importSections(tx, systemContext(), id, file, ids));
  const exported = await world.db.transaction((tx) => complaintsSectionStore.exportSections(tx, id));
  assert.deepEqual(exported.complaints?.[0]?.organisationIds, [orgs.north]);
  assert.equal(exported.complaints?.[0]?.leadOrganisationId, orgs.north);
  assert.equal(exported.ombudsmanCases?.[0]?.remedies[0]?.ownerId, orgs.north);
});

test('the reference decision: import and export through the register carry the complaint and the remedies unchanged; the compliance view reads them', async () => {
  const { referenceCaseFile, REFERENCE_PERSON_ID } = await import('../../../src/demo/reference-case.ts');
  const { createRegisterService } = await import('../../../src/modules/register/service.ts');
  const register = createRegisterService({ db: world.db, sectionStores: [complaintsSectionStore] });
  const full = referenceCaseFile();
  const stored = new Set(register.storedSections());
  // Only the sections this test's stores hold (the other capabilities' stores are wired by the app).
  const file = Object.fromEntries(Object.entries(full).map(([key, value]) => [key, Array.isArray(value) && key !== 'organisations' && key !== 'staff' && !stored.has(key as never) ? [] : value])) as unknown as CaseFile;
  await register.importCaseFileAlone(systemContext(), file);
  const exported = await register.exportCaseFile(systemContext(), REFERENCE_PERSON_ID);
  assert.deepEqual(exported.complaints, full.complaints);
  assert.deepEqual(exported.ombudsmanCases, full.ombudsmanCases);
  assert.ok(exported.organisations.some((o) => o.id === 'org-worcestershire'));

  const officer = world.as('org-worcestershire', ['complaints_officer']);
  const before = await world.complaints.remedyCompliance(officer, { asOf: '2025-10-10' });
  assert.deepEqual(before.rows.map((r) => [r.remedyId, r.state, r.due]), [['rem-apology', 'due', '2025-10-10'], ['rem-meeting-assessment', 'due', '2025-10-10'], ['rem-representative', 'due', '2025-10-10']]);
  const late = await world.complaints.remedyCompliance(officer, { asOf: '2025-10-11' });
  assert.deepEqual(late.rows.map((r) => [r.remedyId, r.state, r.daysLate]), [['rem-apology', 'overdue', 1], ['rem-meeting-assessment', 'overdue', 1], ['rem-representative', 'overdue', 1]]);
});
