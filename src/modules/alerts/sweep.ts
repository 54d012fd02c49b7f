/**
 * The sweep: recompute every case's stored alerts as of a date, for the passage of time (an alert such as
 * `plan-review-overdue` starts holding without any change to the case).
 *
 * One runner at a time across nodes: on PostgreSQL the runner holds a session advisory lock on a connection
 * of its own for the whole sweep (`pg_try_advisory_lock`); a second runner does not wait — it reports that
 * another sweep is running and stops. The embedded database has a single process (its folder lock), so
 * there a process-local flag is enough. Batches of cases run in their own transactions, so a long sweep
 * holds no long transaction and a failure loses one batch at most (on PostgreSQL a few batches run at once, so
 * a failure stops the sweep after the batches in flight). Running it twice for the same date
 * changes nothing the second time (stored alerts already equal the evaluation).
 *
 * A sweep that raised or cleared alerts ends by analysing `stored_alerts`: the dashboards' and alerts list's
 * plans depend on its statistics, and a first sweep fills the table from nothing. Left to autovacuum (off on
 * some servers, minutes behind on others) the planner went on estimating ~2,000 open alerts among 397,873 and
 * scanned them all for every dashboard: 241–414 ms a statement instead of 18 (docs/performance.md).
 *
 * Batches are recomputed in this thread and, when the caller gives a `runner`, also by worker threads that
 * read, evaluate and store batches on connections of their own (`src/app/sweep-workers.ts`: `aftercare
 * sweep --workers N` on PostgreSQL), so that the sweep's Node work can use more cores. The lock, the list of
 * cases and the handing out of batches stay here either way.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { AlertRecomputer } from './recompute.ts';
import type { StoreResult } from './repository.ts';
import type { IdRange } from '../../platform/db/rows-by-ids.ts';
import { visiblePersonIds } from './repository.ts';
import { systemActor } from '../../platform/context.ts';
import { storedAlerts } from './tables.ts';

/** The advisory lock key of the sweep (any fixed bigint; "s117" in ASCII). */
export const SWEEP_LOCK_KEY = 0x73313137;

export interface SweepProgress {
  done: number;
  total: number;
}

/** Recomputes batches somewhere other than this process's own pool (worker threads). */
export interface SweepRunner {
  /** As `recomputeCases` in a transaction of its own: read the cases, evaluate them as of `asOf`, store the difference. */
  recompute(personIds: readonly string[], asOf: string, now: Date, range: IdRange): Promise<StoreResult>;
  /** Batches in flight in the runner at once (besides those recomputed in this thread). */
  concurrency: number;
  /** Called once every batch has settled. */
  close(): Promise<void>;
}

export interface SweepOptions {
  asOf: string;
  now?: Date;
  batchSize?: number;
  /**
   * Batches in flight at once in this thread on PostgreSQL, each a transaction on its own pooled connection
   * (default 4, or 2 beside a runner's; 1 on the embedded database).
   */
  concurrency?: number;
  /**
   * Given the number of cases, a runner to recompute batches beside this thread (started once the lock is
   * held), or undefined to recompute them all here.
   */
  runner?: (cases: number) => Promise<SweepRunner | undefined>;
  onProgress?: (progress: SweepProgress) => void;
}

export type SweepResult =
  | { status: 'done'; asOf: string; cases: number; raised: number; cleared: number; updated: number }
  | { status: 'busy' };

let embeddedSweepRunning = false;

async function withSweepLock(db: Db, work: () => Promise<SweepResult>): Promise<SweepResult> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) {
    const connection = await client.connect();
    try {
      const result = await connection.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [SWEEP_LOCK_KEY]);
      if (!result.rows[0]?.locked) return { status: 'busy' };
      try {
        return await work();
      } finally {
        await connection.query('select pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
      }
    } finally {
      connection.release();
    }
  }
  if (embeddedSweepRunning) return { status: 'busy' };
  embeddedSweepRunning = true;
  try {
    return await work();
  } finally {
    embeddedSweepRunning = false;
  }
}

export async function runSweep(db: Db, recomputer: AlertRecomputer, options: SweepOptions): Promise<SweepResult> {
  // A batch's reads are ~25 statements, so one connection spends much of its time waiting on round trips:
  // several batches in flight keep the database and the evaluator busy (docs/performance.md).
  const { asOf, batchSize = 500, onProgress } = options;
  const onPostgres = (db as unknown as { $client?: unknown }).$client instanceof pg.Pool;
  return withSweepLock(db, async () => {
    const personIds = await visiblePersonIds(db, systemActor());
    const runner = await options.runner?.(personIds.length);
    let result: SweepResult;
    try {
      result = await sweepBatches(personIds, runner);
    } finally {
      await runner?.close();
    }
    if (result.status === 'done' && result.raised + result.cleared > 0) await db.execute(sql`analyze ${storedAlerts}`);
    return result;
  });

  async function sweepBatches(personIds: string[], runner: SweepRunner | undefined): Promise<SweepResult> {
    // A batch is every person from its first id to its last (the ids are all people, in id order), so its
    // rows are read as index ranges (`IdRange`) rather than an index probe a person.
    type Recompute = (batch: string[], now: Date, range: IdRange) => Promise<StoreResult>;
    const here: Recompute = (batch, now, range) => db.transaction((tx) => recomputer.recomputeCases(tx, batch, asOf, now, range));
    const lanes: Recompute[] = Array.from({ length: onPostgres ? Math.max(1, options.concurrency ?? (runner ? 2 : 4)) : 1 }, () => here);
    if (runner) for (let i = 0; i < runner.concurrency; i++) lanes.push((batch, now, range) => runner.recompute(batch, asOf, now, range));
    const totals = { raised: 0, cleared: 0, updated: 0 };
    let done = 0;
    let next = 0;
    let failed = false;
    onProgress?.({ done: 0, total: personIds.length });
    const lane = async (recompute: Recompute) => {
      for (let start = next; start < personIds.length && !failed; start = next) {
        next = start + batchSize;
        const batch = personIds.slice(start, start + batchSize);
        const now = options.now ?? new Date();
        const result = await recompute(batch, now, { first: batch[0] as string, last: batch.at(-1) as string });
        totals.raised += result.raised;
        totals.cleared += result.cleared;
        totals.updated += result.updated;
        done += batch.length;
        onProgress?.({ done, total: personIds.length });
      }
    };
    // Every lane settles before the lock is released; the first failure stops the others taking new batches.
    const settled = await Promise.allSettled(
      lanes.map((recompute) =>
        lane(recompute).catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    return { status: 'done', asOf, cases: personIds.length, ...totals };
  }
}
