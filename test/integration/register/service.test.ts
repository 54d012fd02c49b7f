import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../src/platform/errors.ts';
import { contextFor, northPerson, orgs, withRegister } from './support.ts';

test('creating a person with a wrong NHS number is refused and writes nothing, audit included', () =>
  withRegister(async (world) => {
    const error = await world.register
      .createPerson(world.north, { givenName: 'Ada', familyName: '', nhsNumber: '943 476 5918', dateOfBirth: '1990-02-30' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(error.issues.map((issue) => issue.path).sort(), ['dateOfBirth', 'familyName', 'nhsNumber']);
    assert.equal(await world.count('people'), 0);
    assert.equal(await world.auditCount(), 0);
  }));

test('a person is created with a normalised NHS number and an audit event', () =>
  withRegister(async (world) => {
    const { id, version } = await world.register.createPerson(world.north, { givenName: 'Ada', familyName: 'Lovelace', nhsNumber: '943 476 5919', dateOfBirth: '1990-02-28' });
    assert.equal(version, 1);
    const view = await world.register.getCase(world.north, id);
    assert.equal(view.person.nhsNumber, '9434765919');
    assert.equal(view.person.createdByOrganisationId, orgs.north);
    assert.equal(await world.auditCount('person.create'), 1);
    assert.equal(await world.auditCount('case.view'), 1);
    const duplicate = await world.register.createPerson(world.south, { givenName: 'Other', familyName: 'Person', nhsNumber: '9434765919' }).catch((e: unknown) => e);
    assert.ok(duplicate instanceof ValidationError);
    assert.equal(duplicate.issues[0]?.path, 'nhsNumber');
  }));

test('another organisation cannot see, list, count or change a person', () =>
  withRegister(async (world) => {
    const { id, dutyId } = await northPerson(world);
    const attempts = [
      () => world.register.getCase(world.south, id),
      () => world.register.updatePerson(world.south, id, { familyName: 'Changed', version: 1 }),
      () => world.register.addContact(world.south, id, { name: 'Sam', role: 'carer', actsForPerson: false }),
      () => world.register.addDetention(world.south, id, { section: '2', start: '2025-01-01' }),
      () => world.register.updateDuty(world.south, id, dutyId, { end: '2026-01-01', endReason: 'joint_decision', version: 1 }),
      () => world.register.exportCaseFile(world.south, id),
      () => world.register.shareCase(world.south, id, { organisationId: orgs.south }),
    ];
    for (const attempt of attempts) assert.ok((await attempt().catch((e: unknown) => e)) instanceof NotFoundError);
    assert.equal(await world.auditCount('case.view'), 0);
    const southList = await world.register.listPeople(world.south, {});
    assert.equal(southList.total, 0);
    assert.deepEqual(southList.people, []);
    assert.equal((await world.register.listPeople(world.south, { q: 'Lovelace' })).total, 0);
    // The ICB on the duty sees the person; so does the south once the case is shared with it.
    assert.equal((await world.register.listPeople(contextFor(orgs.northIcb), {})).total, 1);
    await world.register.shareCase(world.north, id, { organisationId: orgs.south });
    assert.equal((await world.register.listPeople(world.south, {})).total, 1);
    assert.equal((await world.register.getCase(world.south, id)).person.id, id);
    assert.equal(await world.auditCount('case.share'), 1);
  }));

test('roles without the permission are refused before anything is read', () =>
  withRegister(async (world) => {
    const { id } = await northPerson(world);
    const panel = contextFor(orgs.north, ['panel_member']);
    assert.ok((await world.register.createPerson(panel, { givenName: 'A', familyName: 'B' }).catch((e: unknown) => e)) instanceof ForbiddenError);
    const practitioner = contextFor(orgs.north, ['practitioner']);
    const allocate = await world.register.allocateWorker(practitioner, id, { dutyId: 'x', staffId: 'y', from: '2025-01-01' }).catch((e: unknown) => e);
    assert.ok(allocate instanceof ForbiddenError);
    const admin = contextFor(orgs.north, ['admin']);
    assert.ok((await world.register.listPeople(admin, {}).catch((e: unknown) => e)) instanceof ForbiddenError);
  }));

test('two updates from the same version: one succeeds, the other is a conflict carrying both values', () =>
  withRegister(async (world) => {
    const { id } = await northPerson(world);
    const results = await Promise.allSettled([
      world.register.updatePerson(world.north, id, { familyName: 'Byron', version: 1 }),
      world.register.updatePerson(world.north, id, { familyName: 'King', version: 1 }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 1);
    const conflict = rejected[0]?.reason as ConflictError;
    assert.ok(conflict instanceof ConflictError);
    assert.equal((conflict.current as { version: number }).version, 2);
    assert.equal((conflict.attempted as { version: number }).version, 1);
    assert.equal(await world.auditCount('person.update'), 1);
    const stale = await world.register.updatePerson(world.north, id, { familyName: 'Again', version: 1 }).catch((e: unknown) => e);
    assert.ok(stale instanceof ConflictError);
  }));

test('every change writes one audit event naming the action and the person', () =>
  withRegister(async (world) => {
    const { id, dutyId, detentionId } = await northPerson(world);
    const contact = await world.register.addContact(world.north, id, {
      name: 'Sam Carer',
      role: 'carer',
      actsForPerson: true,
      consent: { given: true, date: '2025-06-02' },
    });
    await world.register.updateContact(world.north, id, contact.id, { phone: '01234 567890', version: 1 });
    await world.register.addCto(world.north, id, { detentionId, start: '2025-06-01' });
    await world.register.addResidence(world.north, id, { from: '2025-06-01', nation: 'england', kind: 'own_home', localAuthorityId: orgs.north });
    await world.register.addGpRegistration(world.north, id, { from: '2020-01-01', healthBodyId: orgs.northIcb });
    const allocation = await world.register.allocateWorker(world.north, id, { dutyId, staffId: 'user-org-north', from: '2025-06-02' }).catch((e: unknown) => e);
    // No such user or staff record yet: the worker must exist.
    assert.ok(allocation instanceof ValidationError);
    await world.register.updateDuty(world.north, id, dutyId, { end: '2026-02-01', endReason: 'joint_decision', version: 1 });
    for (const action of ['person.create', 'detention.create', 'duty.create', 'contact.create', 'contact.update', 'cto.create', 'residence.create', 'gp_registration.create', 'duty.update']) {
      assert.equal(await world.auditCount(action), 1, action);
    }
    const view = await world.register.getCase(world.north, id);
    assert.equal(view.contacts[0]?.phone, '01234 567890');
    assert.deepEqual(view.contacts[0]?.consent, { given: true, date: '2025-06-02' });
    assert.equal(view.duties[0]?.endReason, 'joint_decision');
    assert.equal(view.duties[0]?.version, 2);
    assert.equal(view.organisations.find((o) => o.id === orgs.northIcb)?.name, 'NHS Northshire ICB');
  }));

test('a duty must name a detention of the person, a council and a health body, and every error is reported', () =>
  withRegister(async (world) => {
    const { id } = await northPerson(world);
    const error = await world.register
      .addDuty(world.north, id, { detentionId: 'nope', start: '2025-06-01', localAuthorityId: orgs.northIcb, healthBodyId: orgs.north })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(error.issues.map((i) => i.path).sort(), ['detentionId', 'healthBodyId', 'localAuthorityId']);
    const residence = { from: '2025-01-01', to: '2025-06-01', nation: 'england', kind: 'own_home' };
    await world.register.addResidence(world.north, id, residence);
    const overlap = await world.register.addResidence(world.north, id, { ...residence, from: '2025-05-01', to: undefined }).catch((e: unknown) => e);
    assert.ok(overlap instanceof ValidationError);
    await world.register.addResidence(world.north, id, { ...residence, from: '2025-06-01', to: undefined });
  }));

test('an organisation that succeeded another (an ICB merger) sees the cases whose duties name its predecessor', () =>
  withRegister(async (world) => {
    const { organisations } = await import('../../../src/platform/organisations/tables.ts');
    const { eq } = await import('drizzle-orm');
    const { id } = await northPerson(world);
    await world.db.insert(organisations).values({ id: 'org-merged-icb', name: 'NHS Greater Northshire ICB', kind: 'icb', code: 'QG1' });
    const merged = contextFor('org-merged-icb');
    assert.equal((await world.register.listPeople(merged, {})).total, 0);
    await world.db.update(organisations).set({ successorId: 'org-merged-icb' }).where(eq(organisations.id, orgs.northIcb));
    assert.equal((await world.register.listPeople(merged, {})).total, 1);
    assert.equal((await world.register.getCase(merged, id)).person.id, id);
    // A second merger (2027): the newest body answers for the whole chain, in the list and on the case.
    await world.db.insert(organisations).values({ id: 'org-merged-again', name: 'NHS Northern Cluster ICB', kind: 'icb', code: 'QG2' });
    await world.db.update(organisations).set({ successorId: 'org-merged-again' }).where(eq(organisations.id, 'org-merged-icb'));
    const newest = contextFor('org-merged-again');
    assert.equal((await world.register.listPeople(newest, {})).total, 1);
    assert.equal((await world.register.getCase(newest, id)).person.id, id);
    assert.equal((await world.register.listPeople(contextFor(orgs.south), {})).total, 0, 'an unrelated body still sees nothing');
  }));

test('every change tells the case-changed hook inside its transaction; a hook that fails rolls the change back', () =>
  withRegister(async (world) => {
    const { createRegisterService } = await import('../../../src/modules/register/service.ts');
    const told: string[] = [];
    let fail = false;
    const register = createRegisterService({
      db: world.db,
      caseChanged: async (_tx, _ctx, personId) => {
        if (fail) throw new Error('the alerts could not be recomputed');
        told.push(personId);
      },
    });
    const { id } = await register.createPerson(world.north, { givenName: 'Ada', familyName: 'Lovelace' });
    await register.addDetention(world.north, id, { section: '3', start: '2025-01-10' });
    await register.updatePerson(world.north, id, { familyName: 'King', version: 1 });
    assert.deepEqual(told, [id, id, id]);
    fail = true;
    await assert.rejects(register.addContact(world.north, id, { name: 'Sam', role: 'carer', actsForPerson: false }), /could not be recomputed/);
    assert.equal(await world.count('contacts'), 0);
    assert.equal(await world.auditCount('contact.create'), 0);
  }));

test('recording a detention tells the detention hook in the same transaction (import does not)', () =>
  withRegister(async (world) => {
    const { createRegisterService } = await import('../../../src/modules/register/service.ts');
    const seen: string[] = [];
    const register = createRegisterService({
      db: world.db,
      detentionRecorded: async (_tx, _ctx, personId, detention) => {
        seen.push(`${personId}:${detention.section}:${detention.start}`);
      },
    });
    const { id } = await register.createPerson(world.north, { givenName: 'Ada', familyName: 'Lovelace' });
    await register.addDetention(world.north, id, { section: '3', start: '2025-01-10' });
    assert.deepEqual(seen, [`${id}:3:2025-01-10`]);
  }));
