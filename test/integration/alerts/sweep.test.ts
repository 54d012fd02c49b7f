/**
 * The sweep: one runner at a time (a second sweep started while the first runs reports busy and changes
 * nothing; on PostgreSQL the lock is a session advisory lock, so another node holding it also makes a sweep
 * busy), and an alert that starts holding with the passage of time is raised by it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/platform/db/client.ts';
import { SWEEP_LOCK_KEY, type SweepResult } from '../../../src/modules/alerts/sweep.ts';
import { currentAlertsOf } from '../../../src/modules/alerts/repository.ts';
import { usingPostgres } from '../../support/database.ts';
import { fixture, NOW, systemAt, withAlerts } from './support.ts';

describe('the sweep', () => {
  it('runs once at a time: a sweep started during another reports busy', async () => {
    await withAlerts(async ({ services, database }) => {
      const file = fixture('law/TC-04.json');
      await services.register.importCaseFileAlone(systemAt(), file);
      let second: Promise<SweepResult> | undefined;
      const first = await services.alerts.sweep({
        asOf: '2026-03-12',
        now: NOW,
        onProgress: ({ done }) => {
          if (done === 0) second = services.alerts.sweep({ asOf: '2026-03-12', now: NOW });
        },
      });
      assert.equal(first.status, 'done');
      assert.deepEqual(await second, { status: 'busy' });
      assert.ok((await currentAlertsOf(services.db, file.person.id)).length >= 3);

      if (usingPostgres() && database.url) {
        // Another node holding the lock: this sweep does not wait, and says so.
        const other = new pg.Client({ connectionString: database.url });
        await other.connect();
        try {
          await other.query('select pg_advisory_lock($1)', [SWEEP_LOCK_KEY]);
          assert.deepEqual(await services.alerts.sweep({ asOf: '2026-03-12', now: NOW }), { status: 'busy' });
          await other.query('select pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
          assert.equal((await services.alerts.sweep({ asOf: '2026-03-12', now: NOW })).status, 'done');
        } finally {
          await other.end();
        }
      }
    });
  });

  it('raises an alert that starts holding with time alone', async () => {
    await withAlerts(async ({ services }) => {
      const file = fixture('law/TC-04.json');
      await services.register.importCaseFileAlone(systemAt(new Date('2023-01-11T09:00:00Z')), file);
      const atImport = (await currentAlertsOf(services.db, file.person.id)).map((row) => row.ruleId);
      assert.ok(!atImport.includes('no-aftercare-plan'), 'a plan is not yet overdue the day after the duty began');
      await services.alerts.sweep({ asOf: '2023-02-01', now: NOW });
      const later = (await currentAlertsOf(services.db, file.person.id)).map((row) => row.ruleId);
      assert.ok(later.includes('no-aftercare-plan'));
    });
  });

  it("leaves stored_alerts analysed when it raised or cleared alerts, so the dashboards' plans see its rows", async () => {
    await withAlerts(async ({ services }) => {
      const file = fixture('law/TC-04.json');
      await services.register.importCaseFileAlone(systemAt(new Date('2023-01-11T09:00:00Z')), file);
      const statistics = async () => {
        const [row] = rowsOf<{ reltuples: number; stored: number }>(
          await services.db.execute(sql`select (select reltuples from pg_class where relname = 'stored_alerts')::float8 as reltuples, (select count(*) from stored_alerts)::int as stored`),
        );
        return row!;
      };
      const before = await statistics();
      assert.notEqual(before.reltuples, before.stored, 'the import left the statistics behind the table (nothing analysed it)');
      const result = await services.alerts.sweep({ asOf: '2023-02-01', now: NOW });
      assert.ok(result.status === 'done' && result.raised > 0);
      const after = await statistics();
      assert.equal(after.reltuples, after.stored);
    });
  });
});
