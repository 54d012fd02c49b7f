import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextFor, orgs, withRegister, type RegisterWorld } from './support.ts';

const names = [
  ['Ada', 'Lovelace', '9434765919', '1990-02-28'],
  ['Alan', 'Turing', '9434765870', '1985-06-23'],
  ['Grace', 'Hopper', '9999999999', '1970-12-09'],
  ['Mary', 'Somerville', undefined, '1960-12-26'],
  ['Charles', 'Babbage', undefined, undefined],
] as const;

/** Five people: four with Northshire duties (Babbage's ended), Hopper's with the south ICB; Somerville has no duty. */
async function populate(world: RegisterWorld) {
  const ids: string[] = [];
  for (const [givenName, familyName, nhsNumber, dateOfBirth] of names) {
    const { id } = await world.register.createPerson(world.north, { givenName, familyName, nhsNumber, dateOfBirth });
    ids.push(id);
    if (familyName === 'Somerville') continue;
    const detention = await world.register.addDetention(world.north, id, { section: '3', start: '2024-01-01', end: '2024-06-01' });
    const ended = familyName === 'Babbage';
    await world.register.addDuty(world.north, id, {
      detentionId: detention.id,
      start: familyName === 'Turing' ? '2024-09-01' : '2024-06-01',
      localAuthorityId: orgs.north,
      healthBodyId: familyName === 'Hopper' ? orgs.southIcb : orgs.northIcb,
      ...(ended ? { end: '2025-01-01', endReason: 'joint_decision' } : {}),
    });
  }
  return ids;
}

test('the register lists, counts, filters and searches the people the organisation may see', () =>
  withRegister(async (world) => {
    await populate(world);
    const all = await world.register.listPeople(world.north, {});
    assert.equal(all.total, 5);
    assert.deepEqual(all.people.map((p) => p.familyName), ['Babbage', 'Hopper', 'Lovelace', 'Somerville', 'Turing']);
    assert.equal((await world.register.listPeople(world.north, { status: 'open' })).total, 3);
    assert.deepEqual((await world.register.listPeople(world.north, { status: 'ended' })).people.map((p) => p.familyName), ['Babbage']);
    assert.deepEqual((await world.register.listPeople(world.north, { organisation: orgs.southIcb })).people.map((p) => p.familyName), ['Hopper']);
    assert.deepEqual((await world.register.listPeople(world.north, { q: 'tur' })).people.map((p) => p.familyName), ['Turing']);
    assert.deepEqual((await world.register.listPeople(world.north, { q: 'ada love' })).people.map((p) => p.familyName), ['Lovelace']);
    assert.deepEqual((await world.register.listPeople(world.north, { q: '943 476 5919' })).people.map((p) => p.familyName), ['Lovelace']);
    assert.equal((await world.register.listPeople(world.north, { q: '50%' })).total, 0);
    // The south ICB sees only the person whose duty names it.
    const icb = await world.register.listPeople(contextFor(orgs.southIcb), {});
    assert.deepEqual(icb.people.map((p) => p.familyName), ['Hopper']);
    const hopper = icb.people[0];
    assert.equal(hopper?.openDuties, 1);
    assert.equal(hopper?.localAuthority?.name, 'Northshire County Council');
    assert.equal(hopper?.healthBody?.name, 'NHS Southshire ICB');
  }));

test('the register sorts and pages with counts', () =>
  withRegister(async (world) => {
    await populate(world);
    const first = await world.register.listPeople(world.north, { pageSize: '2', page: '1', sort: 'dateOfBirth', order: 'desc' });
    assert.equal(first.total, 5);
    assert.equal(first.pages, 3);
    assert.deepEqual(first.people.map((p) => p.familyName), ['Lovelace', 'Turing']);
    const last = await world.register.listPeople(world.north, { pageSize: '2', page: '3', sort: 'dateOfBirth', order: 'desc' });
    assert.deepEqual(last.people.map((p) => p.familyName), ['Babbage']);
    const byDuty = await world.register.listPeople(world.north, { sort: 'dutyStart', order: 'desc' });
    assert.equal(byDuty.people[0]?.familyName, 'Turing');
    assert.equal(byDuty.people[0]?.latestDutyStart, '2024-09-01');
    assert.equal(byDuty.people.at(-1)?.familyName, 'Somerville');
  }));

test('the worker filter lists the cases allocated to a worker', () =>
  withRegister(async (world) => {
    const ids = await populate(world);
    const { staff } = await import('../../../src/modules/register/tables.ts');
    await world.db.insert(staff).values({ id: 'worker-1', name: 'Wendy Worker', organisationId: orgs.north, role: 'social_worker' });
    const lovelace = await world.register.getCase(world.north, ids[0] ?? '');
    const duty = lovelace.duties[0];
    assert.ok(duty);
    const allocation = await world.register.allocateWorker(world.north, lovelace.person.id, { dutyId: duty.id, staffId: 'worker-1', from: '2025-01-01' });
    const mine = await world.register.listPeople(world.north, { worker: 'worker-1' });
    assert.deepEqual(mine.people.map((p) => p.familyName), ['Lovelace']);
    assert.deepEqual(mine.people[0]?.workers, [{ id: 'worker-1', name: 'Wendy Worker' }]);
    await world.register.endAllocation(world.north, lovelace.person.id, allocation.id, { to: '2025-02-01', version: 1 });
    assert.equal((await world.register.listPeople(world.north, { worker: 'worker-1' })).total, 0);
    assert.equal(await world.auditCount('allocation.end'), 1);
  }));

test('an invalid filter is a validation error naming the field', () =>
  withRegister(async (world) => {
    const error = await world.register.listPeople(world.north, { sort: 'shoe size', pageSize: '1000' }).catch((e: unknown) => e);
    assert.ok(error instanceof Error && 'issues' in error);
    assert.deepEqual((error as { issues: { path: string }[] }).issues.map((i) => i.path).sort(), ['pageSize', 'sort']);
  }));
