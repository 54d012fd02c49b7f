/**
 * The suite's command-line scenarios, each run as the real `aftercare` command in its own process and
 * timed from the outside (start-up included, as an operator would see it):
 * - `aftercare sweep` over the whole register: cases per second (the sweep's own time, start-up apart);
 * - `aftercare import` of N generated case files (10,000 by default) into a throwaway database on the same
 *   server, so a reused register is never written: files per second;
 * - `bench/evaluate.ts` (the rules engine alone, per core): its results folded into the suite's report.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { generateDemoCaseFiles } from '../../src/demo/case-file-generator.ts';
import { openPostgres } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { benchAreas, benchOrganisations, freeNhsNumber } from './generate-register.ts';

const root = join(import.meta.dirname, '..', '..');

export interface CommandResult {
  name: string;
  description: string;
  /** Units done (cases swept, files imported). */
  units: number;
  seconds: number;
  perSecond: number;
  /** Peak RSS of the command's process (from /proc, sampled), MB. */
  peakRssMb: number | null;
  /** CPU time of the command's process, user + system (from /proc, sampled every 200 ms), s. */
  cpuSeconds?: number | null;
  /** CPU time of the database server's backends serving the command (a local server only), s. */
  databaseCpuSeconds?: number | null;
  output: string;
}

/** User + system CPU seconds of a process so far (USER_HZ = 100 on Linux), or null when it is not readable. */
function cpuOf(pid: number | string): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * The CPU time of a local PostgreSQL server's backends connected to `database` (its processes are named
 * `postgres: … <user> <database> …`), sampled until `stop()`; null when none is seen (a remote server).
 */
function watchDatabaseCpu(database: string): { stop(): number | null } {
  const backends = new Map<string, number>();
  const sample = () => {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) continue;
      } catch {
        continue;
      }
      const cpu = cpuOf(pid);
      if (cpu !== null) backends.set(pid, cpu);
    }
  };
  const timer = setInterval(sample, 200);
  return {
    stop() {
      clearInterval(timer);
      return backends.size === 0 ? null : round([...backends.values()].reduce((a, b) => a + b, 0));
    },
  };
}

function rssOf(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * Runs a node script with arguments; resolves with its output, elapsed seconds, peak RSS and CPU time, or rejects on a non-zero exit.
 * BENCH_COMMAND_NODE_FLAGS adds V8/Node flags for one run (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile an import).
 */
export function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ output: string; seconds: number; peakRssMb: number | null; cpuSeconds: number | null }> {
  const flags = (process.env.BENCH_COMMAND_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...flags, ...args], { cwd: root, env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peak: number | null = null;
    let cpu: number | null = null;
    const sampler = setInterval(() => {
      const rss = rssOf(child.pid ?? 0);
      if (rss !== null) peak = Math.max(peak ?? 0, rss);
      cpu = cpuOf(child.pid ?? 0) ?? cpu;
    }, 200);
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ output, seconds, peakRssMb: peak, cpuSeconds: cpu });
      else reject(new Error(`node ${args.slice(0, 3).join(' ')} … exited with ${code}:\n${output.slice(-3_000)}`));
    });
  });
}

const cli = join(root, 'src', 'cli', 'main.ts');

/** `aftercare sweep` with the server's environment (`env`: DATABASE_URL, or DATA_DIR for PGlite). */
export async function sweepScenario(env: NodeJS.ProcessEnv, asOf: string): Promise<CommandResult> {
  const { output, seconds, peakRssMb } = await runNode([cli, 'sweep', '--as-of', asOf], { SESSION_SECRET: 'bench-sweep-only-not-a-server-secret-xx', ...env });
  const cases = Number(/Swept (\d+) cases/.exec(output)?.[1] ?? Number.NaN);
  if (!Number.isFinite(cases)) throw new Error(`aftercare sweep did not say how many cases it swept:\n${output}`);
  // The command times the sweep itself (start-up excluded); the process's whole time is kept beside it.
  const sweepSeconds = Number(/\(([\d.]+) s, \d+ cases\/s\)/.exec(output)?.[1] ?? seconds);
  return {
    name: 'sweep',
    description: `aftercare sweep over the whole register (cases/s of the sweep itself; the process took ${round(seconds)} s with start-up)`,
    units: cases,
    seconds: round(sweepSeconds),
    perSecond: round(cases / Math.max(sweepSeconds, 0.001), 0),
    peakRssMb,
    output: output.trim().split('\n').at(-1) ?? '',
  };
}

/**
 * Generates `files` case files not on the register (their own id prefix and seed) and imports them with
 * `aftercare import` into a database created for it beside `serverUrl`'s, dropped afterwards.
 */
export async function importScenario(serverUrl: string, options: { files: number; seed: number; asOf: string }): Promise<CommandResult> {
  const folder = mkdtempSync(join(tmpdir(), 'aftercare-bench-import-'));
  const name = `aftercare_bench_import_${process.pid}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const query = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  try {
    const orgs = await benchOrganisations();
    const areas = benchAreas(orgs);
    const paths: string[] = [];
    const nhsNumbers = new Set<string>();
    for (let first = 1; first <= options.files; first += 1_000) {
      const count = Math.min(1_000, options.files - first + 1);
      const files = generateDemoCaseFiles({ seed: options.seed + 1, people: count, firstPerson: first, asOf: options.asOf, sections: 'all', organisations: orgs, areas, idPrefix: 'imp-' });
      for (const file of files) {
        // Unique within one call of the generator only: a repeat in a later thousand would be refused as taken.
        const nhs = file.person.nhsNumber;
        if (nhs && nhsNumbers.has(nhs)) file.person.nhsNumber = freeNhsNumber(nhs, nhsNumbers);
        if (file.person.nhsNumber) nhsNumbers.add(file.person.nhsNumber);
        const path = join(folder, `${file.person.id}.json`);
        writeFileSync(path, JSON.stringify(file));
        paths.push(path);
      }
    }
    await query(`drop database if exists ${name} with (force)`);
    await query(`create database ${name}`);
    const env = { DATABASE_URL: target.toString(), NODE_ENV: 'production', SESSION_SECRET: 'bench-import-only-not-a-server-secret-x' };
    const database = openPostgres(target.toString(), 1);
    try {
      await runMigrations(database.db); // in this process: one process start fewer than `aftercare migrate`
    } finally {
      await database.close();
    }
    // On a shared machine the wall time varies with the load; the CPU each side spent says what bounds it.
    const databaseCpu = watchDatabaseCpu(name);
    const { output, seconds, peakRssMb, cpuSeconds } = await runNode([cli, 'import', ...paths], env).finally(() => databaseCpu.stop());
    const databaseCpuSeconds = databaseCpu.stop();
    const imported = Number(/Imported (\d+) case file/.exec(output)?.[1] ?? Number.NaN);
    if (imported !== options.files) throw new Error(`aftercare import imported ${imported} of ${options.files} files:\n${output.slice(-2_000)}`);
    const cpu = `process CPU ${cpuSeconds ?? '?'} s, database backends ${databaseCpuSeconds ?? '?'} s`;
    return {
      name: 'import',
      description: `aftercare import of ${options.files.toLocaleString('en-GB')} case files (files/s, start-up included; ${cpu})`,
      units: imported,
      seconds: round(seconds),
      perSecond: round(imported / seconds, 0),
      peakRssMb,
      cpuSeconds,
      databaseCpuSeconds,
      output: output.trim().split('\n').at(-1) ?? '',
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await query(`drop database if exists ${name} with (force)`).catch(() => {});
  }
}

export interface EvaluateFigure {
  scenario: string;
  meanRecords: number;
  perSecond: number;
  p95Ms: number;
}

/** `bench/evaluate.ts` in its own process (one thread: per core); its results as the suite reports them. */
export async function evaluateScenario(seconds: number): Promise<EvaluateFigure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'aftercare-bench-evaluate-'));
  try {
    const output = join(folder, 'evaluate.json');
    await runNode([join(root, 'bench', 'evaluate.ts'), '--seconds', String(seconds), '--warmup', String(Math.min(1, seconds)), '--output', output], {});
    const report = JSON.parse(readFileSync(output, 'utf8')) as { results: { scenario: string; meanRecords: number; perSecond: number; p95Ms: number }[] };
    return report.results.map((r) => ({ scenario: r.scenario, meanRecords: r.meanRecords, perSecond: r.perSecond, p95Ms: r.p95Ms }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function round(n: number, digits = 1): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}
