import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/platform/errors.ts';
import { contextFor, orgs, withRegister } from './support.ts';

const empty = {
  carePlans: [], services: [], charges: [], paymentOffers: [], panelRequests: [], placementSearches: [], meetings: [], decisions: [],
  actions: [], communicationPlans: [], communications: [], appointments: [], complaints: [], ombudsmanCases: [],
};

/** A file whose council matches Northshire by code (under another id) and whose ICB and staff are new. */
function caseFile(): CaseFile {
  return {
    schema: 'aftercare.case-file/v1',
    organisations: [
      { id: 'la1', name: 'Northshire (as the file calls it)', kind: 'local_authority', code: 'E10000001' },
      { id: 'icb1', name: 'NHS Westshire ICB', kind: 'icb', code: 'QW1', nation: 'england', successorId: 'icb2' },
      { id: 'icb2', name: 'NHS Greater Westshire ICB', kind: 'icb', code: 'QW2', validFrom: '2026-04-01' },
      { id: 'prov', name: 'Hill House', kind: 'provider', cqc: { overall: 'good', reportDate: '2025-01-01' }, ext: { note: 'Known to the council since 2019' } },
    ],
    staff: [
      { id: 'sw1', name: 'Sara Social', organisationId: 'la1', role: 'social_worker' },
      { id: 'cc1', name: 'Carl Coordinator', organisationId: 'icb1', ext: { grade: 'band 6' } },
    ],
    person: {
      id: 'mr-b',
      givenName: 'B',
      familyName: 'Example',
      nhsNumber: '9434765919',
      dateOfBirth: '1971-05-01',
      communicationNeeds: ['Letters in large print'],
      address: ['1 High Street', 'Worcester'],
      ext: { source: 'test' },
    },
    contacts: [
      { id: 'c1', name: 'Mrs B', role: 'nearest_relative', actsForPerson: true, consent: { given: true, date: '2020-01-01' }, phone: '01905 000000' },
      { id: 'c2', name: 'Advocacy Now', organisationId: 'prov', role: 'advocate', actsForPerson: false },
    ],
    detentions: [
      { id: 'd1', section: '2', start: '2019-01-01', end: '2019-01-20' },
      {
        id: 'd2', section: '3', start: '2019-01-20', end: '2019-08-01', continuesFrom: 'd1', hospital: 'Elgar Unit', kind: 'new',
        leave: [{ from: '2019-06-01', to: '2019-06-03', kind: 'overnight' }, { from: '2019-07-01', kind: 'community_trial' }],
      },
    ],
    ctos: [{ id: 'cto1', detentionId: 'd2', start: '2019-08-01', end: '2020-02-01' }],
    residences: [
      { from: '2010-01-01', to: '2019-01-01', nation: 'england', kind: 'own_home', localAuthorityId: 'la1', healthBodyId: 'icb1', ordinarilyResident: 'yes' },
      { from: '2019-08-01', nation: 'england', kind: 'supported_living', localAuthorityId: 'la1', placedById: 'la1', placedUnder: 's117', legalCondition: 'cto' },
    ],
    gpRegistrations: [{ from: '2005-01-01', practiceCode: 'M81001', healthBodyId: 'icb1' }],
    duties: [
      {
        id: 'du1', detentionId: 'd2', start: '2019-08-01', localAuthorityId: 'la1', healthBodyId: 'icb1', end: '2024-01-01', endReason: 'joint_decision',
        ending: {
          localAuthoritySignOff: { staffId: 'sw1', date: '2023-12-01' },
          healthBodySignOff: { staffId: 'cc1', date: '2023-12-02' },
          grounds: ['needs_no_longer_arise'],
          personInvolved: true,
          writtenReasonsSentOn: '2023-12-10',
        },
      },
    ],
    disputes: [{ id: 'dis1', dutyId: 'du1', withOrganisationId: 'icb1', openedOn: '2019-09-01', leadOrganisationId: 'la1', resolvedOn: '2020-01-01' }],
    allocations: [{ dutyId: 'du1', staffId: 'sw1', from: '2019-08-01', to: '2024-01-01' }, { dutyId: 'du1', staffId: 'cc1', from: '2019-08-01' }],
    ...empty,
    ext: { exportedBy: 'a test' },
  };
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
const byJson = <T>(list: T[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
function normalise(file: CaseFile) {
  return {
    ...file,
    organisations: byId(file.organisations),
    staff: byId(file.staff),
    contacts: byId(file.contacts),
    residences: byJson(file.residences),
    gpRegistrations: byJson(file.gpRegistrations),
    allocations: byJson(file.allocations),
  };
}

test('import then export gives back the register sections, with organisations matched by code', () =>
  withRegister(async (world) => {
    const result = await world.register.importCaseFileAlone(world.north, caseFile());
    assert.equal(result.personId, 'mr-b');
    assert.equal(result.createdOrganisations, 3);
    assert.equal(result.createdStaff, 2);
    const exported = await world.register.exportCaseFile(world.north, 'mr-b');
    // The council is the register's Northshire; everything else is as the file had it.
    const expected = JSON.parse(JSON.stringify(caseFile()).replaceAll('"la1"', `"${orgs.north}"`)) as CaseFile;
    expected.organisations = expected.organisations.map((o) =>
      o.id === orgs.north ? { id: orgs.north, name: 'Northshire County Council', kind: 'local_authority', code: 'E10000001', nation: 'england' } : o,
    );
    assert.deepEqual(normalise(exported), normalise(expected));
    assert.equal(await world.auditCount('case.import'), 1);
    assert.equal(await world.auditCount('case.export'), 1);
    // The importing organisation sees the person; the ICB on the duty does too; others do not.
    assert.equal((await world.register.listPeople(world.north, {})).total, 1);
    assert.ok((await world.register.exportCaseFile(world.south, 'mr-b').catch((e: unknown) => e)) instanceof NotFoundError);
  }));

test('an exported file imported into another register exports unchanged', async () => {
  let first: CaseFile | undefined;
  await withRegister(async (world) => {
    await world.register.importCaseFileAlone(world.north, caseFile());
    first = await world.register.exportCaseFile(world.north, 'mr-b');
  });
  assert.ok(first);
  await withRegister(async (world) => {
    await world.register.importCaseFileAlone(contextFor(orgs.provider), first);
    const second = await world.register.exportCaseFile(contextFor(orgs.provider), 'mr-b');
    assert.deepEqual(normalise(second), normalise(first as CaseFile));
  });
});

test('importing an id already on the register is a conflict, whoever holds it', () =>
  withRegister(async (world) => {
    await world.register.importCaseFileAlone(world.north, caseFile());
    const again = await world.register.importCaseFileAlone(world.south, { ...caseFile(), person: { ...caseFile().person, nhsNumber: undefined } }).catch((e: unknown) => e);
    assert.ok(again instanceof ConflictError);
    assert.equal(await world.count('people'), 1);
  }));

test('a file with sections the register cannot store is refused by name, and nothing is written', () =>
  withRegister(async (world) => {
    const file = {
      ...caseFile(),
      carePlans: [{ id: 'cp1', dutyId: 'du1', status: 'draft', needs: [] }],
      meetings: [{ id: 'm1', date: '2020-01-01', status: 'held', kind: 'review', invited: [], attended: [] }],
    };
    const error = await world.register.importCaseFileAlone(world.north, file).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(error.issues.map((i) => i.path), ['carePlans', 'meetings']);
    assert.equal(await world.count('people'), 0);
    assert.equal(await world.count('organisations'), 5);
    assert.equal(await world.auditCount(), 0);
  }));

test('a file with broken references is refused with every path named', () =>
  withRegister(async (world) => {
    const file = caseFile();
    file.duties[0] = { ...file.duties[0]!, detentionId: 'nope' };
    file.allocations[0] = { ...file.allocations[0]!, staffId: 'ghost' };
    const error = await world.register.importCaseFileAlone(world.north, { ...file, extra: true }).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.ok(error.issues.some((i) => i.path === 'extra'));
    const error2 = await world.register.importCaseFileAlone(world.north, file).catch((e: unknown) => e);
    assert.ok(error2 instanceof ValidationError);
    assert.deepEqual(error2.issues.map((i) => i.path).sort(), ['allocations[0].staffId', 'duties[0].detentionId']);
    assert.equal(await world.count('people'), 0);
  }));

test('the reference case (Mr B) round-trips through the register sections', () =>
  withRegister(async (world) => {
    const { referenceCaseFile } = await import('../../../src/demo/reference-case.ts');
    const { storedSectionsOf } = await import('../../../src/modules/register/demo/seed.ts');
    const file = storedSectionsOf(referenceCaseFile(), world.register.storedSections());
    await world.register.importCaseFileAlone(world.north, file);
    const exported = await world.register.exportCaseFile(world.north, file.person.id);
    // The export holds only the organisations and staff the register sections refer to.
    const organisationIds = new Set(exported.organisations.map((o) => o.id));
    const staffIds = new Set(exported.staff.map((s) => s.id));
    const expected = { ...file, organisations: file.organisations.filter((o) => organisationIds.has(o.id)), staff: file.staff.filter((s) => staffIds.has(s.id)) };
    assert.deepEqual(normalise(exported), normalise(expected));
    assert.ok(exported.organisations.length > 0 && exported.duties.length > 0);
    const { validateCaseFile } = await import('../../../src/domain/case-file/validate.ts');
    assert.deepEqual(validateCaseFile(exported).ok ? [] : (validateCaseFile(exported) as { errors: unknown[] }).errors, [], 'an export is a valid case file');
  }));

test('sections owned by another capability\'s store are imported and exported through it', async () => {
  const { createRegisterService } = await import('../../../src/modules/register/service.ts');
  type Meeting = CaseFile['meetings'][number];
  const kept = new Map<string, { meetings: Meeting[]; refs: string[] }>();
  const meetingStore = {
    sections: ['meetings'] as const,
    async importSections(_tx: unknown, _ctx: unknown, personId: string, file: CaseFile, ids: { ref(ref: string): string }) {
      kept.set(personId, { meetings: file.meetings.map((m) => ({ ...m, invited: m.invited.map((r) => ids.ref(r)) })), refs: [] });
    },
    async exportSections(_tx: unknown, personId: string) {
      return { meetings: kept.get(personId)?.meetings ?? [] };
    },
    referencedIds(sections: Partial<CaseFile>) {
      const refs = (sections.meetings ?? []).flatMap((m) => m.invited);
      return { organisationIds: refs.filter((r) => r.startsWith('org-') || r === 'prov'), staffIds: refs.filter((r) => r === 'sw1') };
    },
  };
  await withRegister(async (world) => {
    const register = createRegisterService({ db: world.db, sectionStores: [meetingStore] });
    assert.ok(register.storedSections().includes('meetings'));
    const file = { ...caseFile(), meetings: [{ id: 'm1', date: '2020-01-01', status: 'held' as const, kind: 'review' as const, invited: ['person', 'sw1', 'la1'], attended: [] }] };
    await register.importCaseFileAlone(world.north, file);
    const exported = await register.exportCaseFile(world.north, 'mr-b');
    assert.deepEqual(exported.meetings, [{ ...file.meetings[0], invited: ['person', 'sw1', orgs.north] }]);
    assert.deepEqual(exported.carePlans, []);
    // Still refused: a section nobody stores.
    const refused = await register.importCaseFileAlone(world.north, { ...file, person: { ...file.person, id: 'other', nhsNumber: undefined }, complaints: [{ id: 'c9', receivedOn: '2020-01-01', complainant: 'person', organisationIds: [], procedure: 'corporate', points: [] }] }).catch((e: unknown) => e);
    assert.ok(refused instanceof ValidationError);
    assert.deepEqual(refused.issues.map((i) => i.path), ['complaints']);
  });
});

test('the system reads a whole case file without an audit event or a visibility filter', () =>
  withRegister(async (world) => {
    await world.register.importCaseFileAlone(world.north, caseFile());
    const exportsBefore = await world.auditCount('case.export');
    const file = await world.db.transaction((tx) => world.register.readCaseFile(tx, 'mr-b'));
    assert.equal(file.person.id, 'mr-b');
    assert.equal(file.duties.length, 1);
    assert.equal(await world.auditCount('case.export'), exportsBefore);
    const missing = await world.db.transaction((tx) => world.register.readCaseFile(tx, 'nobody')).catch((e: unknown) => e);
    assert.ok(missing instanceof NotFoundError);
  }));
