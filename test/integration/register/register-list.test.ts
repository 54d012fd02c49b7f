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

/** Every page from the first by `nextCursor`, then back from the last by `previousCursor`. */
async function walk(world: RegisterWorld, query: Record<string, string>) {
  const forwards: { names: string[]; page: number }[] = [];
  let page = await world.register.listPeople(world.north, { ...query, pageSize: '2' });
  assert.equal(page.previousCursor, null, 'the first page has no previous page');
  for (;;) {
    forwards.push({ names: page.people.map((p) => p.id), page: page.page });
    if (!page.nextCursor) break;
    page = await world.register.listPeople(world.north, { ...query, pageSize: '2', after: page.nextCursor });
  }
  const backwards: string[][] = [page.people.map((p) => p.id)];
  while (page.previousCursor) {
    page = await world.register.listPeople(world.north, { ...query, pageSize: '2', before: page.previousCursor });
    backwards.unshift(page.people.map((p) => p.id));
  }
  return { forwards, backwards };
}

test('keyset pages by cursor equal the whole list in every sort and order, with ties and nulls, filters kept, forwards and back', () =>
  withRegister(async (world) => {
    await populate(world);
    // Ties in every sort key: two more Ada Lovelaces with Lovelace's date of birth, no NHS number and no duty.
    for (let i = 0; i < 2; i++) await world.register.createPerson(world.north, { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-02-28' });
    for (const sort of ['name', 'nhsNumber', 'dateOfBirth', 'dutyStart', 'updated']) {
      for (const order of ['asc', 'desc']) {
        for (const [status, q] of [['all', ''], ['open', ''], ['all', 'a'], ['open', 'lovelace']] as const) {
          // With a search the page and count are one walk over the matches (register-list.ts `searchPage`).
          const query = { sort, order, status, q };
          const whole = (await world.register.listPeople(world.north, { ...query, pageSize: '200' })).people.map((p) => p.id);
          const { forwards, backwards } = await walk(world, query);
          const label = JSON.stringify(query);
          assert.deepEqual(forwards.flatMap((p) => p.names), whole, label);
          assert.deepEqual(forwards.map((p) => p.page), forwards.map((_, i) => i + 1), `${label}: page numbers`);
          assert.deepEqual(backwards, forwards.map((p) => p.names), `${label}: the same pages going back`);
        }
      }
    }
    const { forwards } = await walk(world, { sort: 'name', order: 'asc', status: 'all' });
    assert.equal(forwards.length, 4, 'seven people, two a page');
    // A middle page reached by cursor says which page it is and links both ways.
    const second = await world.register.listPeople(world.north, { pageSize: '2' });
    const middle = await world.register.listPeople(world.north, { pageSize: '2', after: second.nextCursor! });
    assert.equal(middle.page, 2);
    assert.ok(middle.nextCursor && middle.previousCursor);
    assert.equal(middle.total, 7);
    assert.equal(middle.totalExact, true);
    // The offset pages still work and agree with the cursor pages.
    const third = await world.register.listPeople(world.north, { pageSize: '2', page: '3' });
    const thirdByCursor = await world.register.listPeople(world.north, { pageSize: '2', after: middle.nextCursor! });
    assert.deepEqual(third.people.map((p) => p.id), thirdByCursor.people.map((p) => p.id));
  }));

test('a cursor from another sort, or a changed one, is a validation error naming the field', () =>
  withRegister(async (world) => {
    await populate(world);
    const byName = await world.register.listPeople(world.north, { pageSize: '2' });
    for (const [query, field] of [[{ sort: 'dateOfBirth', after: byName.nextCursor! }, 'after'], [{ before: 'not-a-cursor' }, 'before']] as const) {
      const error = await world.register.listPeople(world.north, query).catch((e: unknown) => e);
      assert.ok(error instanceof Error && 'issues' in error, JSON.stringify(query));
      assert.deepEqual((error as { issues: { path: string }[] }).issues.map((i) => i.path), [field]);
    }
  }));

test('the count stops at its limit: past it the total is the limit and says it is not exact', () =>
  withRegister(async (world) => {
    await populate(world);
    const { createRegisterReads } = await import('../../../src/modules/register/register-reads.ts');
    const reads = createRegisterReads({ db: world.db, countLimit: 3 });
    const capped = await reads.listPeople(world.north, { pageSize: '2' });
    assert.deepEqual([capped.total, capped.totalExact], [3, false]);
    assert.equal(capped.people.length, 2);
    assert.ok(capped.nextCursor, 'paging goes on past the count');
    const exact = await reads.listPeople(world.north, { status: 'open' });
    assert.deepEqual([exact.total, exact.totalExact], [3, true], 'exactly the limit is exact');
  }));

test('the count equals the list for every actor and filter (shared, created, council and health body visibility, each person once)', () =>
  withRegister(async (world) => {
    const ids = await populate(world);
    // Somerville (no duty) shared with the south council; Lovelace shared too, although the south cannot otherwise see her.
    await world.register.shareCase(world.north, ids[3]!, { organisationId: orgs.south });
    await world.register.shareCase(world.north, ids[0]!, { organisationId: orgs.south });
    const filters = [
      {}, { status: 'open' }, { status: 'ended' }, { organisation: orgs.southIcb }, { organisation: orgs.north, status: 'open' }, { q: 'lovelace' }, { q: '9434765919' },
      { q: 'a' }, { q: 'a', status: 'open' }, { q: '943 476' }, { q: '999' }, { q: 'a', organisation: orgs.northIcb },
    ];
    const expected: Record<string, number[]> = {
      // Created by the north, and its duties: everyone.
      [orgs.north]: [5, 3, 1, 1, 3, 1, 1, 2, 2, 2, 1, 2],
      [orgs.northIcb]: [3, 2, 1, 0, 2, 1, 1, 2, 2, 2, 0, 2],
      [orgs.southIcb]: [1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0],
      [orgs.south]: [2, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1],
    };
    for (const [organisation, totals] of Object.entries(expected)) {
      const ctx = contextFor(organisation);
      for (const [i, filter] of filters.entries()) {
        const label = `${organisation} ${JSON.stringify(filter)}`;
        const page = await world.register.listPeople(ctx, { ...filter, pageSize: '200' });
        assert.equal(page.people.length, totals[i], `${label}: listed`);
        assert.equal(page.total, page.people.length, `${label}: counted as listed`);
        assert.equal(new Set(page.people.map((p) => p.id)).size, page.people.length, `${label}: each person once`);
      }
    }
  }));

test('a search lists, in every sort and order, exactly the people of the whole list that match it', () =>
  withRegister(async (world) => {
    await populate(world);
    for (let i = 0; i < 2; i++) await world.register.createPerson(world.north, { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-02-28' });
    const all = (await world.register.listPeople(world.north, { pageSize: '200' })).people;
    const searches: [string, (p: (typeof all)[number]) => boolean][] = [
      ['a', (p) => /^a/i.test(p.givenName) || /^a/i.test(p.familyName)],
      ['ada love', (p) => p.givenName === 'Ada' && p.familyName === 'Lovelace'],
      ['943 476', (p) => p.nhsNumber?.startsWith('943476') === true],
      ['9999', (p) => p.nhsNumber?.startsWith('9999') === true],
    ];
    for (const sort of ['name', 'nhsNumber', 'dateOfBirth', 'dutyStart', 'updated']) {
      for (const order of ['asc', 'desc']) {
        const whole = (await world.register.listPeople(world.north, { sort, order, pageSize: '200' })).people;
        for (const [q, matches] of searches) {
          const label = JSON.stringify({ sort, order, q });
          const found = await world.register.listPeople(world.north, { sort, order, q, pageSize: '200' });
          assert.deepEqual(found.people, whole.filter(matches), label);
          assert.deepEqual([found.total, found.totalExact], [found.people.length, true], label);
          // Offset pages of the search agree with its whole list.
          const second = await world.register.listPeople(world.north, { sort, order, q, pageSize: '1', page: '2' });
          assert.deepEqual(second.people, whole.filter(matches).slice(1, 2), `${label}: page 2 of 1`);
        }
      }
    }
  }));

test('a search past the count limit says so, and pages it as the whole list does', () =>
  withRegister(async (world) => {
    await populate(world);
    for (let i = 0; i < 3; i++) await world.register.createPerson(world.north, { givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '1990-02-28' });
    const { createRegisterReads } = await import('../../../src/modules/register/register-reads.ts');
    const reads = createRegisterReads({ db: world.db, countLimit: 3 });
    const whole = (await world.register.listPeople(world.north, { q: 'a', pageSize: '200' })).people.map((p) => p.id);
    assert.equal(whole.length, 5, 'four Ada Lovelaces and Alan Turing');
    const pages: string[][] = [];
    let page = await reads.listPeople(world.north, { q: 'a', pageSize: '2' });
    for (;;) {
      assert.deepEqual([page.total, page.totalExact], [3, false], `page ${page.page}`);
      pages.push(page.people.map((p) => p.id));
      if (!page.nextCursor) break;
      page = await reads.listPeople(world.north, { q: 'a', pageSize: '2', after: page.nextCursor });
    }
    assert.deepEqual(pages.flat(), whole);
    const back = await reads.listPeople(world.north, { q: 'a', pageSize: '2', before: page.previousCursor! });
    assert.deepEqual(back.people.map((p) => p.id), pages[1]);
    // Exactly the limit is exact, and its page is cut from the same walk.
    const lovelaces = await createRegisterReads({ db: world.db, countLimit: 4 }).listPeople(world.north, { q: 'lovelace', pageSize: '3' });
    assert.deepEqual([lovelaces.total, lovelaces.totalExact], [4, true]);
    const allLovelaces = (await world.register.listPeople(world.north, { q: 'lovelace', pageSize: '200' })).people.map((p) => p.id);
    assert.deepEqual(lovelaces.people.map((p) => p.id), allLovelaces.slice(0, 3));
    assert.ok(lovelaces.nextCursor, 'a fourth on the next page');
  }));
