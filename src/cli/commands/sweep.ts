/**
 * `aftercare sweep [--as-of DATE] [--workers N]`: recompute every case's stored alerts as of the date
 * (default today in Europe/London), for the passage of time. A progress bar when stdout is a terminal. Only
 * one sweep runs at a time across nodes: if another holds the lock this one says so and exits 0 without
 * waiting (the other sweep does the same work). Idempotent: a second run for the same date changes nothing.
 *
 * On PostgreSQL a register of at least `WORKERS_FROM` cases may be swept by worker threads beside this one,
 * each reading, evaluating and storing whole batches (`src/app/sweep-workers.ts`): `--workers N`, by default
 * one a spare core (`defaultSweepWorkers`: none on two cores shared with PostgreSQL, where one measured no
 * faster). The embedded database lives in this thread, so there it is always swept here.
 */
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { createServices } from '../../app/services.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { isCivilDate, todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { SweepProgress } from '../../modules/alerts/sweep.ts';
import { availableParallelism } from 'node:os';
import { defaultSweepWorkers, startSweepWorkers } from '../../app/sweep-workers.ts';

/** Below this many cases a worker thread's start-up (loading and warming up: ~2 s of CPU) costs more than it saves. */
export const WORKERS_FROM = 10_000;

export function progressBar({ done, total }: SweepProgress, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} cases`;
}

export const command: CommandDefinition = {
  summary: 'Recompute every case’s stored alerts as of a date (one sweep at a time)',
  usage: 'aftercare sweep [--as-of YYYY-MM-DD] [--workers N]',
  options: { 'as-of': { type: 'string' }, workers: { type: 'string' } },
  async run({ values }) {
    const asOfOption = values['as-of'];
    if (asOfOption !== undefined && (typeof asOfOption !== 'string' || !isCivilDate(asOfOption))) throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, got "${String(asOfOption)}"`);
    const asOf = asOfOption ?? todayInLondon();
    const workersOption = values.workers;
    const chosen = workersOption === undefined ? undefined : Number(workersOption);
    if (chosen !== undefined && (!Number.isInteger(chosen) || chosen < 0 || chosen > 64)) throw new UsageError(`--workers must be a whole number from 0 to 64, got "${String(workersOption)}"`);
    const tty = process.stdout.isTTY === true;
    return withCommandDatabase(async ({ config, database, logger }) => {
      const services = createServices({ db: database.db, config, logger });
      const started = performance.now();
      const workers = chosen ?? defaultSweepWorkers(availableParallelism(), config.databaseUrl);
      const threaded = database.driver === 'postgres' && workers > 0;
      const result = await services.alerts.sweep({
        asOf,
        onProgress: tty ? (p) => process.stdout.write(`\r${progressBar(p)}`) : undefined,
        runner: threaded ? async (cases) => (cases >= WORKERS_FROM ? startSweepWorkers({ workers, config }) : undefined) : undefined,
      });
      if (tty) process.stdout.write('\n');
      if (result.status === 'busy') {
        console.log('Another sweep is running: this one did nothing. Run it again later if needed.');
        return 0;
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `Swept ${result.cases} cases as of ${result.asOf}: ${result.raised} alerts raised, ${result.cleared} cleared, ${result.updated} updated ` +
          `(${seconds.toFixed(1)} s, ${Math.round(result.cases / Math.max(seconds, 0.001))} cases/s).`,
      );
      return 0;
    });
  },
};
