/**
 * The batch import (`register.importCaseFiles`, what `aftercare import` uses) gives, file by file, the outcome
 * importing each file in its own transaction gives: the same rows, the same stored alerts, one `case.import`
 * event a file, every problem of an invalid file, conflicts with the register and with earlier files of the
 * batch, and organisations created once by code. When the database refuses the batch's writes, the files
 * are imported one by one in savepoints and still each wholly in or wholly out. Batches handed over together
 * run in order, each seeing the one before, and none is begun after one that failed. On PostgreSQL, a person
 * id another importer takes after the batch's reads makes the batch's one insert fail and fall back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createServices } from '../../../src/app/services.ts';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { generateDemoCaseFiles } from '../../../src/demo/case-file-generator.ts';
import { createRegisterService } from '../../../src/modules/register/service.ts';
import { careRecordsSectionStore } from '../../../src/modules/care-records/section-store.ts';
import { complaintsSectionStore } from '../../../src/modules/complaints/section-store.ts';
import { coordinationSectionStore } from '../../../src/modules/coordination/section-store.ts';
import { systemContext } from '../../../src/platform/context.ts';
import { rowsOf, type Db } from '../../../src/platform/db/client.ts';
import { ConflictError, ValidationError } from '../../../src/platform/errors.ts';
import { createLogger } from '../../../src/platform/logging.ts';
import { createTestDatabase, usingPostgres } from '../../support/database.ts';
import { testConfig } from '../../support/app.ts';

const config = testConfig();

async function withServices(work: (services: ReturnType<typeof createServices>, db: Db, url?: string) => Promise<void>) {
  const database = await createTestDatabase();
  try {
    await work(createServices({ db: database.db, config, logger: createLogger(config) }), database.db, database.url);
  } finally {
    await database.close();
  }
}

const files = (prefix: string, people = 12): CaseFile[] => generateDemoCaseFiles({ seed: 9, people, asOf: '2026-03-01', sections: 'all', idPrefix: prefix });
const renamed = (file: CaseFile, id: string): CaseFile => ({ ...structuredClone(file), person: { ...file.person, id, nhsNumber: undefined } });

async function one<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** A person's exported file and stored alerts with their own id taken out, to compare two imports of one file. */
async function caseOf(services: ReturnType<typeof createServices>, db: Db, personId: string) {
  const file = await db.transaction((tx) => services.register.readCaseFile(tx, personId));
  const alerts = await one<Record<string, unknown>>(db, sql`select rule_id, subject_kind, subject_id, severity, since, message, raised_on from stored_alerts where person_id = ${personId} and cleared_at is null order by rule_id, subject_id`);
  return { ...file, person: { ...file.person, id: 'x', nhsNumber: undefined }, alerts };
}

test('a batch imports each file as its own transaction would: rows, alerts and audit', () =>
  withServices(async (services, db) => {
    const ctx = systemContext('batch-test');
    const batch = files('batch-').map((f) => renamed(f, f.person.id));
    const outcomes = await services.register.importCaseFiles(ctx, batch);
    assert.deepEqual(outcomes.map((o) => o.ok), batch.map(() => true));
    for (const file of batch) {
      const alone = await services.register.importCaseFileAlone(ctx, renamed(file, `alone-${file.person.id}`));
      assert.deepEqual(await caseOf(services, db, file.person.id), await caseOf(services, db, alone.personId), `${file.person.id} equals its import alone`);
    }
    const audited = await one<{ person_id: string; after: Record<string, number> }>(db, sql`select person_id, after from audit_event where action = 'case.import' and person_id like 'batch-%' order by id`);
    assert.deepEqual(audited.map((a) => a.person_id), batch.map((f) => f.person.id), 'one case.import a file, in file order');
    assert.equal(audited[0]?.after.detentions, batch[0]?.detentions.length);
    const alerts = await one<{ n: number }>(db, sql`select count(*)::int as n from stored_alerts where person_id like 'batch-%'`);
    assert.ok(Number(alerts[0]?.n) > 0, 'the batch’s alerts are stored');
  }));

test('invalid files and conflicts are refused with their problems; the rest of the batch goes in', () =>
  withServices(async (services, db) => {
    const ctx = systemContext('batch-test');
    const [a, b, c, d] = files('mix-', 4) as [CaseFile, CaseFile, CaseFile, CaseFile];
    await services.register.importCaseFileAlone(ctx, renamed(a, 'already-here'));
    const invalid = { ...structuredClone(b), person: { ...b.person, id: 'mix-bad', dateOfBirth: '2020-02-30' }, detentions: [{ id: 'x', section: '99', start: 'soon' }] };
    const sharedOrganisation = { id: 'new-council', name: 'Newshire Council', kind: 'local_authority' as const, code: 'E99999999' };
    const withNew = (file: CaseFile, id: string, nhsNumber?: string): CaseFile => {
      const copy = renamed(file, id);
      copy.person.nhsNumber = nhsNumber;
      copy.organisations = [...copy.organisations, { ...sharedOrganisation, id: `${id}-council` }];
      return copy;
    };
    const batch: unknown[] = [
      renamed(a, 'already-here'), // taken on the register
      invalid,
      withNew(c, 'mix-c', '9434765919'),
      withNew(d, 'mix-c'), // taken by an earlier file of the batch
      withNew(d, 'mix-d', '9434765919'), // NHS number taken by an earlier file
      withNew(d, 'mix-e'),
    ];
    const [mark] = await one<{ id: number }>(db, sql`select coalesce(max(id), 0)::int as id from audit_event`);
    const outcomes = await services.register.importCaseFiles(ctx, batch);
    assert.deepEqual(outcomes.map((o) => (o.ok ? 'ok' : o.error.constructor.name)), ['ConflictError', 'ValidationError', 'ok', 'ConflictError', 'ConflictError', 'ok']);
    const problems = outcomes[1]?.ok === false && outcomes[1].error instanceof ValidationError ? outcomes[1].error.issues.map((i) => i.path) : [];
    assert.ok(problems.includes('person.dateOfBirth') && problems.some((p) => p.startsWith('detentions[0]')), `every problem with its path: ${problems.join(', ')}`);
    assert.match(outcomes[3]?.ok === false ? outcomes[3].error.message : '', /already on the register/);
    assert.ok(outcomes[4]?.ok === false && outcomes[4].error instanceof ConflictError && /NHS number/.test(outcomes[4].error.message));
    const people = await one<{ id: string }>(db, sql`select id from people where id like 'mix-%' order by id`);
    assert.deepEqual(people.map((p) => p.id), ['mix-c', 'mix-e']);
    // The new council is created by the first file that names it, and matched by code by the next.
    const councils = await one<{ id: string }>(db, sql`select id from organisations where code = 'E99999999'`);
    assert.deepEqual(councils.map((o) => o.id), ['mix-c-council']);
    const named = await one<{ n: number }>(db, sql`select count(*)::int as n from organisations where id = 'mix-e-council'`);
    assert.equal(Number(named[0]?.n), 0, 'the later file matched the council by code instead of creating it again');
    const events = await one<{ action: string; person_id: string }>(db, sql`select action, person_id from audit_event where id > ${Number(mark?.id)} order by id`);
    assert.deepEqual(events.map((e) => `${e.action} ${e.person_id}`), ['case.import mix-c', 'case.import mix-e'], 'refused files leave no audit event');
    const orphans = await one<{ n: number }>(db, sql`select count(*)::int as n from detentions where person_id in ('mix-bad', 'mix-d')`);
    assert.equal(Number(orphans[0]?.n), 0);
  }));

test('when the database refuses the batch’s writes, each file is imported alone in a savepoint', async () => {
  const database = await createTestDatabase();
  try {
    const db = database.db;
    let batchCalls = 0;
    const register = createRegisterService({
      db,
      sectionStores: [careRecordsSectionStore, coordinationSectionStore, complaintsSectionStore],
      caseChanged: async (_tx, _ctx, personId) => {
        if (personId === 'refused-by-listener') throw new ConflictError({}, {}, 'a listener refused this case');
      },
      casesChanged: async () => {
        batchCalls++;
        throw new Error('the database refused the batch');
      },
    });
    const [a, b, c] = files('fallback-', 3) as [CaseFile, CaseFile, CaseFile];
    const outcomes = await register.importCaseFiles(systemContext('batch-test'), [renamed(a, 'first'), renamed(b, 'refused-by-listener'), renamed(c, 'third')]);
    assert.equal(batchCalls, 1);
    assert.deepEqual(outcomes.map((o) => o.ok), [true, false, true]);
    const people = await one<{ id: string }>(db, sql`select id from people order by id`);
    assert.deepEqual(people.map((p) => p.id), ['first', 'third'], 'the refused file is wholly out, the others wholly in');
    const audited = await one<{ person_id: string }>(db, sql`select person_id from audit_event where action = 'case.import' order by id`);
    assert.deepEqual(audited.map((a) => a.person_id), ['first', 'third'], 'the batch’s own events were rolled back with its writes');
    const rows = await one<{ n: number }>(db, sql`select count(*)::int as n from residences where person_id = 'refused-by-listener'`);
    assert.equal(Number(rows[0]?.n), 0);
  } finally {
    await database.close();
  }
});

test('batches handed over together run one after another, each seeing what the one before wrote', () =>
  withServices(async (services, db) => {
    const ctx = systemContext('batch-test');
    const [a, b, c] = files('ahead-', 3) as [CaseFile, CaseFile, CaseFile];
    const council = { id: 'ahead-council', name: 'Aheadshire Council', kind: 'local_authority' as const, code: 'E99999998' };
    const withCouncil = (file: CaseFile, id: string, councilId: string): CaseFile => {
      const copy = renamed(file, id);
      copy.organisations = [...copy.organisations, { ...council, id: councilId }];
      return copy;
    };
    // The second batch is handed over before the first has finished (as `aftercare import` does).
    const first = services.register.importCaseFiles(ctx, [withCouncil(a, 'ahead-a', 'ahead-council')]);
    const second = services.register.importCaseFiles(ctx, [renamed(b, 'ahead-a'), withCouncil(c, 'ahead-c', 'ahead-c-council')]);
    const [inFirst, inSecond] = await Promise.all([first, second]);
    assert.deepEqual(inFirst.map((o) => o.ok), [true]);
    assert.deepEqual(inSecond.map((o) => (o.ok ? 'ok' : o.error.constructor.name)), ['ConflictError', 'ok'], 'the person id the first batch took is taken for the second');
    const councils = await one<{ id: string }>(db, sql`select id from organisations where code = 'E99999998'`);
    assert.deepEqual(councils.map((o) => o.id), ['ahead-council'], 'the second batch matched the council the first created');
    const events = await one<{ person_id: string }>(db, sql`select person_id from audit_event where action = 'case.import' and person_id like 'ahead-%' order by id`);
    assert.deepEqual(events.map((e) => e.person_id), ['ahead-a', 'ahead-c'], 'imported in the order handed over');
  }));

test('a batch handed over after one that failed is not begun', async () => {
  const database = await createTestDatabase();
  try {
    const db = database.db;
    const register = createRegisterService({
      db,
      sectionStores: [careRecordsSectionStore, coordinationSectionStore, complaintsSectionStore],
      caseChanged: async () => {
        throw new Error('the database went away');
      },
      casesChanged: async () => {
        throw new Error('the database went away');
      },
    });
    const [a, b] = files('stop-', 2) as [CaseFile, CaseFile];
    const first = register.importCaseFiles(systemContext('batch-test'), [renamed(a, 'stop-a')]);
    const second = register.importCaseFiles(systemContext('batch-test'), [renamed(b, 'stop-b')]);
    await assert.rejects(first, /went away/);
    await assert.rejects(second, /the batch before this one failed/);
    const people = await one<{ id: string }>(db, sql`select id from people`);
    assert.deepEqual(people, [], 'nothing of either batch is kept');
  } finally {
    await database.close();
  }
});

test('a person id another importer takes after the batch’s reads: the batch falls back and that file is a conflict', { skip: usingPostgres() ? false : 'PostgreSQL only (a second connection)' }, () =>
  withServices(async (services, db, url) => {
    const [a, b, c] = files('race-', 3) as [CaseFile, CaseFile, CaseFile];
    const other = new pg.Client({ connectionString: url });
    const watcher = new pg.Client({ connectionString: url });
    await other.connect();
    await watcher.connect();
    try {
      // Another importer has written the person 'race-b' but not committed: the batch's reads do not see it.
      await other.query('begin');
      await other.query(`insert into people (id, given_name, family_name) values ('race-b', 'Other', 'Importer')`);
      const importing = services.register.importCaseFiles(systemContext('batch-test'), [renamed(a, 'race-a'), renamed(b, 'race-b'), renamed(c, 'race-c')]);
      // Once the batch's one insert statement waits on that person's key, the other importer commits.
      for (let waited = 0; ; waited += 20) {
        // (Read outside the open transaction, which would see one snapshot of pg_stat_activity.)
        const { rows } = await watcher.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        if (Number(rows[0]?.n) > 0) break;
        assert.ok(waited < 30_000, 'the batch’s writes wait on the other importer');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await other.query('commit');
      const outcomes = await importing;
      assert.deepEqual(outcomes.map((o) => (o.ok ? 'ok' : o.error.constructor.name)), ['ok', 'ConflictError', 'ok']);
      const people = await one<{ id: string; given_name: string }>(db, sql`select id, given_name from people where id like 'race-%' order by id`);
      assert.deepEqual(people, [
        { id: 'race-a', given_name: a.person.givenName },
        { id: 'race-b', given_name: 'Other' },
        { id: 'race-c', given_name: c.person.givenName },
      ]);
      const audited = await one<{ person_id: string }>(db, sql`select person_id from audit_event where action = 'case.import' and person_id like 'race-%' order by id`);
      assert.deepEqual(audited.map((e) => e.person_id), ['race-a', 'race-c'], 'the refused file is wholly out');
      const rows = await one<{ n: number }>(db, sql`select count(*)::int as n from detentions where person_id = 'race-b'`);
      assert.equal(Number(rows[0]?.n), 0);
    } finally {
      await other.end();
      await watcher.end();
    }
  }));
