/**
 * The sweep's batches recomputed by worker threads beside the main thread (PostgreSQL only: the embedded
 * database lives in one thread's memory). The sweep's Node work — reading ~40 rows a case, the rules engine,
 * comparing stored alerts — is a few hundred microseconds of CPU a case, most of it on the main thread. Each
 * worker reads, evaluates and stores whole batches on connections of its own (`sweep-worker.ts`); the main
 * thread keeps the sweep's lock, recomputes batches too and hands them out (`runSweep`). Handing a worker
 * the case files instead (reading here, evaluating there) was measured and not done: a structured clone of
 * a case file cost ~80 µs to send and ~80 µs to receive, more than evaluating it (~70-140 µs).
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Config } from '../platform/config.ts';
import type { StoreResult } from '../modules/alerts/repository.ts';
import type { SweepRunner } from '../modules/alerts/sweep.ts';
import type { SweepWorkerData, SweepWorkerReply, SweepWorkerRequest } from './sweep-worker.ts';

/**
 * Worker threads for a sweep by default: one a core beyond this thread's, leaving one to PostgreSQL when it
 * runs on this machine (about a fifth of the sweep's CPU, and V8's garbage collector already runs beside the
 * main thread), at most three. On the two-core bench machine with PostgreSQL beside the app that is none: one
 * worker there made the sweep no faster, for ~2 s more CPU (loading and warming up a second copy of the
 * code) and ~200 MB more RSS (docs/performance.md).
 */
export function defaultSweepWorkers(cores: number, databaseUrl: string | undefined): number {
  if (!databaseUrl) return 0;
  let host: string;
  try {
    host = new URL(databaseUrl).hostname;
  } catch {
    return 0;
  }
  const local = host === '' || host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  return Math.max(0, Math.min(3, cores - 1 - (local ? 1 : 0)));
}

export interface SweepWorkersOptions {
  /** Worker threads (each a PostgreSQL pool of `batchesEach` connections). */
  workers: number;
  config: Config;
  /** Batches each worker holds at once: two, so one is evaluated while the other waits on the database. */
  batchesEach?: number;
}

interface Thread {
  worker: Worker;
  inFlight: number;
  failure?: Error;
}

interface Pending {
  thread: Thread;
  resolve(result: StoreResult): void;
  reject(error: Error): void;
}

export function startSweepWorkers(options: SweepWorkersOptions): SweepRunner {
  const batchesEach = options.batchesEach ?? 2;
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const failThread = (thread: Thread, error: Error) => {
    thread.failure ??= error;
    for (const [id, waiting] of pending) {
      if (waiting.thread !== thread) continue;
      pending.delete(id);
      waiting.reject(thread.failure);
    }
  };
  const threads: Thread[] = Array.from({ length: Math.max(1, options.workers) }, () => {
    const data: SweepWorkerData = { config: options.config, connections: batchesEach };
    const thread: Thread = { worker: new Worker(new URL('./sweep-worker.ts', import.meta.url), { workerData: data }), inFlight: 0 };
    thread.worker.on('message', (reply: SweepWorkerReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      thread.inFlight -= 1;
      if ('result' in reply) waiting.resolve(reply.result);
      else waiting.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, stack: reply.error.stack }));
    });
    thread.worker.on('error', (error) => failThread(thread, error));
    thread.worker.on('exit', (code) => failThread(thread, new Error(`A sweep worker thread stopped (exit code ${code})`)));
    return thread;
  });
  return {
    concurrency: threads.length * batchesEach,
    recompute(personIds, asOf, now, range) {
      const thread = threads.filter((t) => !t.failure).sort((a, b) => a.inFlight - b.inFlight)[0];
      if (!thread) return Promise.reject(threads[0]?.failure ?? new Error('No sweep worker thread is running'));
      const id = nextId++;
      thread.inFlight += 1;
      return new Promise<StoreResult>((resolve, reject) => {
        pending.set(id, { thread, resolve, reject });
        thread.worker.postMessage({ kind: 'recompute', id, personIds: [...personIds], asOf, now, range } satisfies SweepWorkerRequest);
      });
    },
    async close() {
      await Promise.all(
        threads.map(async (thread) => {
          if (thread.failure) return;
          const exited = once(thread.worker, 'exit');
          thread.worker.postMessage({ kind: 'close' } satisfies SweepWorkerRequest);
          // A worker closes its pool and ends; one that does not within 10 s is stopped.
          const timer = setTimeout(() => void thread.worker.terminate(), 10_000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
