/**
 * The sweep over many cases in many batches (each read as an id range): afterwards every case's stored
 * alerts equal a fresh evaluation of its case file, on cases holding every section. On PostgreSQL the same
 * sweep with worker threads beside this one (`startSweepWorkers`, what `aftercare sweep` uses) stores
 * exactly what the sweep in this thread stores, row for row; and a worker that fails makes the sweep fail
 * and release its lock.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateDemoCaseFiles } from '../../../src/demo/case-file-generator.ts';
import { referenceCaseFile } from '../../../src/demo/reference-case.ts';
import { startSweepWorkers } from '../../../src/app/sweep-workers.ts';
import type { SweepOptions } from '../../../src/modules/alerts/sweep.ts';
import { storedAlerts } from '../../../src/modules/alerts/tables.ts';
import type { Services } from '../../../src/app/services.ts';
import { usingPostgres } from '../../support/database.ts';
import { testConfig } from '../../support/app.ts';
import { NOW, storedAndFresh, systemAt, withAlerts } from './support.ts';

const files = [...generateDemoCaseFiles({ seed: 21, people: 40, asOf: '2026-11-27', sections: 'all' }), referenceCaseFile()];
const dates = ['2024-06-30', '2026-11-27'];
const onPostgresOnly = { skip: !usingPostgres() && 'worker threads sweep PostgreSQL only' };

async function imported(services: Services): Promise<string[]> {
  for (const file of files) await services.register.importCaseFileAlone(systemAt(), file);
  return files.map((file) => file.person.id);
}

/** Every stored alert row, raised and cleared, as what it says and when (not its random id), in one order. */
async function storedRows(services: Services): Promise<string[]> {
  const rows = await services.db.select().from(storedAlerts);
  return rows.map((row) => [row.personId, row.ruleId, row.subjectKind, row.subjectId, row.severity, row.since, row.message, row.raisedOn, row.clearedOn, row.version].join('|')).sort();
}

async function expectFresh(services: Services, personIds: readonly string[], asOf: string): Promise<void> {
  for (const id of personIds) {
    const { stored, fresh } = await storedAndFresh(services, id, asOf);
    assert.deepEqual(stored, fresh, `the stored alerts of ${id} on ${asOf}`);
  }
}

/** The cases imported into a fresh database and swept for each date in batches of 7: each sweep's result and the stored rows after. */
async function sweptInBatches(runner?: (url: string) => SweepOptions['runner']) {
  let outcome: { results: unknown[]; rows: string[] } | undefined;
  await withAlerts(async ({ services, database }) => {
    const ids = await imported(services);
    const results = [];
    for (const asOf of dates) {
      const result = await services.alerts.sweep({ asOf, now: NOW, batchSize: 7, runner: runner?.(database.url as string) });
      assert.equal(result.status === 'done' && result.cases, ids.length);
      await expectFresh(services, ids, asOf);
      results.push(result);
    }
    outcome = { results, rows: await storedRows(services) };
  });
  return outcome as { results: unknown[]; rows: string[] };
}

describe('the sweep in batches', () => {
  it('leaves every case’s stored alerts equal to a fresh evaluation', async () => {
    const { rows } = await sweptInBatches();
    assert.ok(rows.length > files.length, 'the cases raise alerts');
  });

  it('stores the same with worker threads beside this one as in this thread alone', onPostgresOnly, async () => {
    const here = await sweptInBatches();
    let handedToWorkers = 0;
    const threaded = await sweptInBatches((url) => async (cases) => {
      assert.equal(cases, files.length);
      const workers = startSweepWorkers({ workers: 2, config: testConfig({ DATABASE_URL: url }) });
      return {
        ...workers,
        recompute(personIds, asOf, now, range) {
          handedToWorkers += 1;
          return workers.recompute(personIds, asOf, now, range);
        },
      };
    });
    assert.ok(handedToWorkers > 0, 'the worker threads recomputed batches');
    assert.deepEqual(threaded, here);
  });

  it('fails when a worker thread fails, and releases the lock', onPostgresOnly, async () => {
    await withAlerts(async ({ services }) => {
      await imported(services);
      // A worker that cannot reach the database answers each batch it is handed with the error.
      const config = testConfig({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nowhere' });
      await assert.rejects(services.alerts.sweep({ asOf: '2026-11-27', now: NOW, batchSize: 7, runner: async () => startSweepWorkers({ workers: 1, config }) }), /ECONNREFUSED|connect/);
      assert.equal((await services.alerts.sweep({ asOf: '2026-11-27', now: NOW })).status, 'done');
    });
  });
});
