/**
 * Audit completeness and concurrency, through the real services and routes on one app.
 *
 * Audit: every register write (the list below must name every write method the register service has —
 * a new one fails the test until it is exercised here) adds exactly one audit event, written by the same
 * transaction as the change (the audit row's xmin is the changed row's xmin); a refused write and a
 * rolled-back transaction leave none; every route that reads a person's case declares an audit action
 * and each request to it is audited (one event per service read). Every other service's writes:
 * audit-completeness.test.ts.
 *
 * Concurrency: N parallel edits of one record from the same version — exactly one wins, the rest are
 * 409 conflicts, one audit event; parallel imports of case files with the same person id — one wins,
 * the others conflict, and the stored case is wholly the winner's. On PGlite (one connection) the
 * requests serialise; on PostgreSQL they really race.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/platform/db/client.ts';
import { systemContext, type ServiceContext } from '../../src/platform/context.ts';
import { ConflictError, ValidationError } from '../../src/platform/errors.ts';
import { isUniqueViolation } from '../../src/platform/db/db-errors.ts';
import { createWorld, ORGS, type World } from './support/world.ts';

let world: World;
let ctx: ServiceContext;

before(async () => {
  world = await createWorld();
  const north = world.users.get('team_manager');
  assert.ok(north);
  ctx = { actor: { kind: 'user', id: north.id, name: 'Test manager', organisationId: ORGS.north, teamId: null, roles: ['team_manager'] }, requestId: 'audit-test', now: new Date() };
});

after(async () => {
  await world?.t.close();
});

interface AuditRow {
  id: number;
  action: string;
  record_type: string | null;
  record_id: string | null;
  person_id: string | null;
  tx: string;
}

async function lastAuditId(): Promise<number> {
  const [row] = rowsOf<{ id: number | null }>(await world.t.database.db.execute(sql`select max(id)::int as id from audit_event`));
  return Number(row?.id ?? 0);
}

async function auditSince(id: number): Promise<AuditRow[]> {
  return rowsOf<AuditRow>(
    await world.t.database.db.execute(sql`select id::int as id, action, record_type, record_id, person_id, xmin::text as tx from audit_event where id > ${id} order by id`),
  );
}

/** The transaction ids that last wrote any row of the person in `table`. */
async function writersOf(table: string, personId: string): Promise<Set<string>> {
  const column = table === 'people' ? sql.identifier('id') : sql.identifier('person_id');
  return new Set(rowsOf<{ tx: string }>(await world.t.database.db.execute(sql`select xmin::text as tx from ${sql.identifier(table)} where ${column} = ${personId}`)).map((r) => r.tx));
}

const tableOf: Record<string, string> = {
  person: 'people',
  contact: 'contacts',
  detention: 'detentions',
  cto: 'ctos',
  residence: 'residences',
  gp_registration: 'gp_registrations',
  duty: 'duties',
  allocation: 'allocations',
  case: 'case_shares',
};

/** Runs a write and asserts exactly one audit event, named `action`, in the change's own transaction. */
async function expectOneAudit<T>(action: string, personOf: (result: T) => string, write: () => Promise<T>): Promise<T> {
  const mark = await lastAuditId();
  const result = await write();
  const events = await auditSince(mark);
  assert.equal(events.length, 1, `${action}: ${events.map((e) => e.action).join(', ')}`);
  const [event] = events;
  assert.ok(event);
  assert.equal(event.action, action);
  const personId = personOf(result);
  assert.equal(event.person_id, personId, `${action} names the person`);
  const table = tableOf[event.record_type ?? ''] ?? tableOf[action.split('.')[0] ?? ''];
  assert.ok(table, `a table for ${action}`);
  assert.ok((await writersOf(table, personId)).has(event.tx), `${action}: the audit event and the change were written by one transaction`);
  return result;
}

test('every register write adds exactly one audit event, in the same transaction as the change', async () => {
  const r = world.t.services.register;
  const exercised = new Set<string>();
  const run = async <T>(method: string, action: string, personOf: (result: T) => string, write: () => Promise<T>) => {
    exercised.add(method);
    return expectOneAudit(action, personOf, write);
  };
  const person = await run('createPerson', 'person.create', (w: { id: string }) => w.id, () => r.createPerson(ctx, { givenName: 'Audra', familyName: 'Trail' }));
  const id = person.id;
  const same = () => id;
  await run('updatePerson', 'person.update', same, () => r.updatePerson(ctx, id, { familyName: 'Trailing', version: 1 }));
  const detention = await run('addDetention', 'detention.create', same, () => r.addDetention(ctx, id, { section: '3', start: '2025-01-10', end: '2025-06-01' }));
  await run('updateDetention', 'detention.update', same, () => r.updateDetention(ctx, id, detention.id, { leftHospital: '2025-06-01', version: 1 }));
  await run('addCto', 'cto.create', same, () => r.addCto(ctx, id, { detentionId: detention.id, start: '2025-06-01' }));
  await run('addResidence', 'residence.create', same, () => r.addResidence(ctx, id, { from: '2025-06-01', nation: 'england', localAuthorityId: ORGS.north, kind: 'own_home' }));
  await run('addGpRegistration', 'gp_registration.create', same, () => r.addGpRegistration(ctx, id, { from: '2025-06-01', healthBodyId: ORGS.icb }));
  const duty = await run('addDuty', 'duty.create', same, () => r.addDuty(ctx, id, { detentionId: detention.id, start: '2025-06-01', localAuthorityId: ORGS.north, healthBodyId: ORGS.icb }));
  await run('updateDuty', 'duty.update', same, () => r.updateDuty(ctx, id, duty.id, { start: '2025-06-02', version: 1 }));
  const contact = await run('addContact', 'contact.create', same, () => r.addContact(ctx, id, { name: 'Sam', role: 'carer', actsForPerson: false }));
  await run('updateContact', 'contact.update', same, () => r.updateContact(ctx, id, contact.id, { name: 'Samuel', version: 1 }));
  const allocation = await run('allocateWorker', 'allocation.create', same, () => r.allocateWorker(ctx, id, { dutyId: duty.id, staffId: ctx.actor.id, from: '2025-06-03' }));
  await run('endAllocation', 'allocation.end', same, () => r.endAllocation(ctx, id, allocation.id, { to: '2025-07-01', version: 1 }));
  await run('shareCase', 'case.share', same, () => r.shareCase(ctx, id, { organisationId: ORGS.south }));
  await run('endDuty', 'duty.update', same, () => r.endDuty(ctx, id, duty.id, { end: '2026-01-01', endReason: 'joint_decision', version: 2 }));
  const exported = await r.exportCaseFile(ctx, id);
  exercised.add('exportCaseFile');
  await run('importCaseFileAlone', 'case.import', (w: { personId: string }) => w.personId, () => r.importCaseFileAlone(ctx, { ...exported, person: { ...exported.person, id: 'audit-import-1', nhsNumber: undefined } }));
  await run('importCaseFile', 'case.import', (w: { personId: string }) => w.personId, () => world.t.database.db.transaction((tx) => r.importCaseFile(tx, ctx, { ...exported, person: { ...exported.person, id: 'audit-import-2', nhsNumber: undefined } })));
  await run('importCaseFiles', 'case.import', (w: { ok: boolean; result?: { personId: string } }[]) => w[0]?.result?.personId ?? '', () => r.importCaseFiles(ctx, [{ ...exported, person: { ...exported.person, id: 'audit-import-3', nhsNumber: undefined } }]));
  const mark = await lastAuditId();
  exercised.add('ensureOrganisations');
  await r.ensureOrganisations(systemContext(), [{ id: 'org-new-audit', name: 'New Council', kind: 'local_authority' } as never]);
  assert.deepEqual((await auditSince(mark)).map((e) => e.action), ['organisation.create']);

  const writeVerbs = /^(add|update|create|end|allocate|share|import|ensure|delete|remove|set|record|change|merge|close|open|reopen|acknowledge)/;
  const writes = Object.keys(r).filter((name) => writeVerbs.test(name));
  assert.deepEqual(writes.filter((name) => !exercised.has(name)), [], 'every register write method is exercised here');
});

test('a refused write and a rolled-back transaction leave no audit event', async () => {
  const r = world.t.services.register;
  const start = await lastAuditId();
  await assert.rejects(r.createPerson(ctx, { givenName: '' }), ValidationError);
  await assert.rejects(r.updatePerson(ctx, world.people.own.id, { familyName: 'Stale', version: 99 }), ConflictError);
  const exported = await r.exportCaseFile(ctx, world.people.own.id);
  const afterExport = await lastAuditId();
  await assert.rejects(
    world.t.database.db.transaction(async (tx) => {
      await r.importCaseFile(tx, ctx, { ...exported, person: { ...exported.person, id: 'rolled-back', nhsNumber: undefined } });
      throw new Error('roll back');
    }),
    /roll back/,
  );
  assert.equal(await lastAuditId(), afterExport, 'nothing after the export’s own event');
  assert.deepEqual((await auditSince(start)).map((e) => e.action), ['case.export']);
  const [row] = rowsOf<{ n: number }>(await world.t.database.db.execute(sql`select count(*)::int as n from people where id = 'rolled-back'`));
  assert.equal(Number(row?.n), 0);
});

test('every route that reads a person declares its audit, and each request is audited', async () => {
  const routes = world.t.app.routeTable.filter((r) => r.method === 'GET' && /:personId\b/.test(r.url));
  assert.ok(routes.length > 3);
  const user = world.users.get('practitioner');
  assert.ok(user);
  for (const route of routes) {
    assert.ok(route.audit, `${route.url} reads a case but declares no audit action`);
    if (/:[A-Za-z]+Id\b/.test(route.url.replace(':personId', ''))) continue; // needs a record id: covered by the access matrix
    const mark = await lastAuditId();
    const response: { statusCode: number } = await world.t.app.inject({ method: 'GET', url: route.url.replace(':personId', world.people.own.id), headers: user.headers });
    if (response.statusCode === 403) continue; // a write form the practitioner may not use
    if (response.statusCode === 400 || response.statusCode === 422) continue; // needs query parameters: nothing was read
    assert.equal(response.statusCode, 200, route.url);
    // At least one event, all of them the declared read of this person (a page that reads two
    // capabilities' records of the person records each read).
    const events = await auditSince(mark);
    assert.ok(events.length >= 1, `${route.url} was read without an audit event`);
    for (const event of events) {
      assert.equal(event.action, route.audit, route.url);
      assert.equal(event.person_id, world.people.own.id, route.url);
    }
  }
});

test('parallel edits of one record from the same version: one wins, the rest conflict, one audit event', async () => {
  const N = 8;
  const created = await world.api('POST', '/api/v1/people', { givenName: 'Con', familyName: 'Current' });
  const id = String(created.json.id);
  const mark = await lastAuditId();
  const results = await Promise.all(
    Array.from({ length: N }, (_, i) => world.api('PATCH', `/api/v1/people/${id}`, { familyName: `Editor ${i}`, version: 1 })),
  );
  const statuses = results.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, ...Array<number>(N - 1).fill(409)]);
  const winner = results.find((r) => r.status === 200);
  const read = await world.api('GET', `/api/v1/people/${id}`);
  const person = read.json.person as { familyName: string; version: number };
  assert.equal(person.version, 2);
  const winningName = results.indexOf(winner as (typeof results)[number]);
  assert.equal(person.familyName, `Editor ${winningName}`, 'the stored value is the winner’s, whole');
  const events = (await auditSince(mark)).filter((e) => e.action === 'person.update');
  assert.equal(events.length, 1);
  for (const loser of results.filter((r) => r.status === 409)) {
    assert.equal((loser.json.current as { version: number }).version, 2);
  }
});

test('parallel imports of case files for the same person: one wins per person id, the rest conflict, nothing partial', async () => {
  const base = JSON.parse(readFileSync(new URL('../fixtures/law/TC-01.json', import.meta.url), 'utf8')) as { person: Record<string, unknown>; detentions: unknown[] };
  const variants = Array.from({ length: 6 }, (_, i) => ({
    ...base,
    person: { ...base.person, id: 'race-1', familyName: `Variant ${i}`, nhsNumber: undefined },
    // Each variant carries a different number of detentions, so a mixed result would show.
    detentions: base.detentions.slice(0, Math.max(1, base.detentions.length - (i % 2))),
  }));
  const outcomes = await Promise.allSettled(variants.map((file) => world.t.services.register.importCaseFileAlone(systemContext(), file)));
  const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
  assert.equal(won.length, 1, `one import wins: ${outcomes.map((o) => o.status).join(', ')}`);
  // A loser is refused as a conflict: the person exists (ConflictError), or it raced the winner to create
  // the same new organisation (a unique violation, answered 409 over HTTP by setup-errors.ts).
  for (const o of outcomes) if (o.status === 'rejected') assert.ok(o.reason instanceof ConflictError || isUniqueViolation(o.reason), String(o.reason).slice(0, 200));
  const winner = variants[won[0] ?? -1];
  assert.ok(winner);
  const stored = await world.t.services.register.exportCaseFile(systemContext(), 'race-1');
  assert.equal(stored.person.familyName, winner.person.familyName);
  assert.equal(stored.detentions.length, winner.detentions.length, 'the detentions are wholly the winner’s');
  // Over HTTP, racing imports of one new person are 201 once and 409 for the rest — never a 500.
  const racing = await Promise.all(
    variants.map((file) => {
      // New organisation ids throughout the file, so the requests race to create them too.
      let json = JSON.stringify({ ...file, person: { ...file.person, id: 'race-2' } });
      for (const o of (file as unknown as { organisations: { id: string }[] }).organisations) json = json.replaceAll(`"${o.id}"`, `"${o.id}-http"`);
      return world.api('POST', '/api/v1/case-files', JSON.parse(json));
    }),
  );
  const statuses = racing.map((r) => r.status);
  assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(', '));
  assert.ok(statuses.every((s) => s === 201 || s === 409), statuses.join(', '));
  const [imports] = rowsOf<{ n: number }>(await world.t.database.db.execute(sql`select count(*)::int as n from audit_event where action = 'case.import' and person_id = 'race-1'`));
  assert.equal(Number(imports?.n), 1);
});
