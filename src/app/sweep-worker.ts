/**
 * A sweep worker thread (started by `sweep-workers.ts`): the services wired as `createServices` wires them
 * for every command, on a PostgreSQL pool of its own, recomputing each batch of cases it is handed exactly
 * as the sweep does in process (`alerts.recomputeCases`: read the case files, evaluate them as of the date,
 * store the difference, in a transaction of its own) and answering with the counts or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../platform/config.ts';
import type { StoreResult } from '../modules/alerts/repository.ts';
import type { IdRange } from '../platform/db/rows-by-ids.ts';
import { resolveDrizzleImportsDirectly } from '../platform/module-resolution.ts';

export interface SweepWorkerData {
  config: Config;
  /** Connections of the worker's pool: one a batch it may hold at once. */
  connections: number;
}

export type SweepWorkerRequest = { kind: 'recompute'; id: number; personIds: string[]; asOf: string; now: Date; range: IdRange } | { kind: 'close' };

export type SweepWorkerReply = { id: number; result: StoreResult } | { id: number; error: { name: string; message: string; stack?: string | undefined } };

const port = parentPort;
if (!port) throw new Error('sweep-worker.ts runs as a worker thread (see sweep-workers.ts)');
// The thread's own module hooks, before the services (and drizzle-orm) are loaded.
resolveDrizzleImportsDirectly();
const { openPostgres } = await import('../platform/db/client.ts');
const { createLogger } = await import('../platform/logging.ts');
const { createServices } = await import('./services.ts');
const { config, connections } = workerData as SweepWorkerData;
if (!config.databaseUrl) throw new Error('A sweep worker needs a PostgreSQL DATABASE_URL');
const database = openPostgres(config.databaseUrl, connections);
const services = createServices({ db: database.db, config, logger: createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel }) });

port.on('message', (request: SweepWorkerRequest) => {
  if (request.kind === 'close') {
    void database.close().finally(() => port.close());
    return;
  }
  services.alerts.recomputeCases(request.personIds, request.asOf, request.now, request.range).then(
    (result) => port.postMessage({ id: request.id, result } satisfies SweepWorkerReply),
    (error: unknown) => {
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: request.id, error: { name, message, stack } } satisfies SweepWorkerReply);
    },
  );
});
