/**
 * `npm run bench`: the whole suite of issue 8 in one command. Generates N people (default 10,000) into
 * PostgreSQL (DATABASE_URL) or PGlite (`--pglite`) in bulk (bench/lib/generate-register.ts; or `--reuse`
 * what `npm run bench:data` made), then:
 * - `aftercare sweep` over the whole register (cases/s; it also fills the stored alerts the alerts list reads);
 * - `aftercare serve` as its own process, and each HTTP scenario (bench/lib/scenarios.ts) with autocannon at
 *   32 connections: the ceiling (GET /health), the register list, by organisation, searches by name and NHS
 *   number, a person's page and JSON, the team dashboard, the alerts API; the app's peak RSS;
 * - `aftercare import` of 10,000 generated case files into a throwaway database (files/s);
 * - `bench/evaluate.ts`: the rules engine on realistic and large files (per second, one core);
 * - with PostgreSQL, the person page on PGlite with `--pglite-people` people (10,000), as a ratio.
 * Prints a table, the targets met or missed, and writes it all as JSON to bench/results/<timestamp>.json
 * with the machine, versions and data size. Any error, timeout or non-2xx response fails the run (exit 1).
 *
 * Options: --people N, --reuse, --duration S (10 per scenario), --warmup S (2), --connections N (32),
 * --pglite, --fresh-db, --seed N (117), --only a,b (scenario names, sweep/import/evaluate/pglite included),
 * --import-files N (10,000), --evaluate-seconds S (3), --pglite-people N (10,000; 0 skips), --explain.
 * BENCH_SMOKE=1: 200 people, 2 s, 4 connections, no warm-up, 20 import files, 0.2 s evaluate, no PGlite run, results to
 * the temp folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createServices, type Services } from '../src/app/services.ts';
import { todayInLondon } from '../src/domain/calendar/civil-date.ts';
import { DEMO_PASSWORD } from '../src/modules/register/demo/seed.ts';
import { rowsOf } from '../src/platform/db/client.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logging.ts';
import { findUserByEmail } from '../src/platform/users/repository.ts';
import { evaluateScenario, importScenario, sweepScenario, type CommandResult, type EvaluateFigure } from './lib/cli-scenarios.ts';
import { openBenchDatabase, type BenchDatabase } from './lib/database.ts';
import { explainReads, type ExplainedRead } from './lib/explain.ts';
import { generateRegister, type LoadResult } from './lib/generate-register.ts';
import { runScenario, type ScenarioResult } from './lib/load-test.ts';
import { printTable, targets } from './lib/report.ts';
import { benchUser, council, ensureBenchUsers, httpScenarios, samplePeople, type BenchRole, type BenchScenario } from './lib/scenarios.ts';
import { signIn, startServerProcess, type ServerProcess } from './lib/server-process.ts';

const smoke = process.env.BENCH_SMOKE === '1' || process.env.BENCH_SMOKE === 'true';
const { values } = parseArgs({
  options: {
    people: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    seed: { type: 'string', default: '117' },
    'import-files': { type: 'string' },
    'evaluate-seconds': { type: 'string' },
    'pglite-people': { type: 'string' },
    pglite: { type: 'boolean', default: false },
    'fresh-db': { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const settings = {
  people: Number(values.people ?? (smoke ? 200 : 10_000)),
  duration: Number(values.duration ?? (smoke ? 2 : 10)),
  warmup: Number(values.warmup ?? (smoke ? 0 : 2)),
  connections: Number(values.connections ?? (smoke ? 4 : 32)),
  seed: Number(values.seed),
  importFiles: Number(values['import-files'] ?? (smoke ? 20 : 10_000)),
  evaluateSeconds: Number(values['evaluate-seconds'] ?? (smoke ? 0.2 : 3)),
  pglitePeople: Number(values['pglite-people'] ?? (smoke || values.pglite ? 0 : 10_000)),
};
for (const [name, value] of Object.entries(settings)) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
}
const only = values.only?.split(',');
const wanted = (name: string) => !only || name === 'ceiling' || only.includes(name);

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: import.meta.dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function servicesFor(bench: BenchDatabase): Services {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', SESSION_SECRET: 'bench-loader-only-not-a-server-secret' });
  return createServices({ db: bench.database.db, config, logger: createLogger(config) });
}

/** Generates the register, or (with --reuse) counts what is there. */
async function prepareData(bench: BenchDatabase, services: Services, people: number): Promise<LoadResult | { people: number; rows: number; rowsByTable: Record<string, number> }> {
  if (values.reuse) {
    const counts = rowsOf<{ relname: string; n: number }>(await bench.database.db.execute(sql`select relname, n_live_tup::int as n from pg_stat_user_tables where n_live_tup > 0 order by relname`));
    const rowsByTable = Object.fromEntries(counts.map((c) => [c.relname, c.n]));
    const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(await bench.database.db.execute(sql`select count(*)::int as n from people`));
    console.log(`Reusing ${n.toLocaleString('en-GB')} people already in the database`);
    return { people: n, rows: counts.reduce((a, c) => a + c.n, 0), rowsByTable };
  }
  let lastReport = 0;
  const load = await generateRegister(services.db, {
    people,
    seed: settings.seed,
    asOf: todayInLondon(new Date()),
    onProgress: (loaded) => {
      if (Date.now() - lastReport > 5_000 || loaded === people) {
        lastReport = Date.now();
        process.stdout.write(`  loaded ${loaded.toLocaleString('en-GB')} people\n`);
      }
    },
  });
  console.log(
    `Loaded ${load.people.toLocaleString('en-GB')} people (${load.rows.toLocaleString('en-GB')} rows) in ${load.totalSeconds.toFixed(1)} s` +
      ` (writing ${load.writeSeconds.toFixed(1)} s at ${Math.round(load.rowsPerSecond).toLocaleString('en-GB')} rows/s; generating ${load.generateSeconds.toFixed(1)} s)`,
  );
  return load;
}

/** Starts the app on the bench database, signs the bench users in and runs the HTTP scenarios. */
async function serveAndMeasure(bench: BenchDatabase, scenarios: BenchScenario[]): Promise<{ results: ScenarioResult[]; peakRssMb: number | null }> {
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess({ ...bench.serverEnv, SESSION_SECRET: `bench-${Date.now()}-${'x'.repeat(32)}` });
    const cookies = new Map<BenchRole, string>();
    for (const role of ['practitioner', 'team_manager'] as const) cookies.set(role, await signIn(server.baseUrl, benchUser(role).email, DEMO_PASSWORD));
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      process.stdout.write(`  ${scenario.name}…\n`);
      const running = server;
      results.push(
        await runScenario(scenario, {
          baseUrl: server.baseUrl,
          cookie: cookies.get(scenario.as ?? 'practitioner') ?? '',
          connections: settings.connections,
          duration: settings.duration,
          warmup: settings.warmup,
          sampleRss: () => running.memory().rssMb,
        }),
      );
    }
    const ceiling = results.find((r) => r.name === 'ceiling')?.requestsPerSecond ?? 0;
    for (const r of results) r.ratioToCeiling = ceiling > 0 ? Math.round((r.requestsPerSecond / ceiling) * 1000) / 1000 : 0;
    return { results, peakRssMb: server.memory().peakRssMb };
  } finally {
    await server?.stop();
  }
}

/** The person page on PGlite with N people (the "within 2× of PostgreSQL"). */
async function pgliteComparison(people: number) {
  const bench = await openBenchDatabase({ pglite: true, freshDb: false, databaseUrl: undefined });
  try {
    console.log(`PGlite: generating ${people.toLocaleString('en-GB')} people`);
    const services = servicesFor(bench);
    await generateRegister(services.db, { people, seed: settings.seed, asOf: todayInLondon(new Date()) });
    await ensureBenchUsers(services);
    const sample = await samplePeople(services.db);
    await bench.closeLoader();
    const scenarios = httpScenarios(sample).filter((s) => ['ceiling', 'person-page', 'person-json'].includes(s.name));
    const { results, peakRssMb } = await serveAndMeasure(bench, scenarios);
    return { people, version: bench.version, results, peakRssMb };
  } finally {
    await bench.dispose();
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const loadBefore = os.loadavg();
  const asOf = todayInLondon(new Date());
  const bench = await openBenchDatabase({ pglite: values.pglite === true, freshDb: values['fresh-db'] === true, databaseUrl: process.env.DATABASE_URL || undefined, reuse: values.reuse === true });
  try {
    console.log(`Database: ${bench.version}, ${bench.where}`);
    const services = servicesFor(bench);
    const data = await prepareData(bench, services, settings.people);
    const practitionerId = await ensureBenchUsers(services);
    const sample = await samplePeople(services.db);
    let plans: ExplainedRead[] | undefined;
    if (values.explain === true) {
      const databaseUrl = bench.serverEnv.DATABASE_URL;
      if (!databaseUrl) throw new Error('--explain needs PostgreSQL');
      const first = sample[0] as (typeof sample)[number];
      const user = benchUser('practitioner');
      const actor = { kind: 'user' as const, id: practitionerId, name: user.name, organisationId: user.organisationId, teamId: null, roles: [user.role] };
      const manager = benchUser('team_manager');
      const managerRecord = await findUserByEmail(services.db, manager.email);
      const managerActor = { kind: 'user' as const, id: managerRecord?.user.id ?? practitionerId, name: manager.name, organisationId: manager.organisationId, teamId: null, roles: [manager.role] };
      plans = await explainReads(databaseUrl, actor, [
        { name: 'register list, page 1', run: (s, ctx) => s.register.listPeople(ctx, {}) },
        { name: 'register list, one council, open', run: (s, ctx) => s.register.listPeople(ctx, { organisation: council, status: 'open' }) },
        { name: 'search by name', run: (s, ctx) => s.register.listPeople(ctx, { q: first.family_name }) },
        { name: 'search by NHS number', run: (s, ctx) => s.register.listPeople(ctx, { q: first.nhs_number }) },
        { name: "a person's case (page and JSON)", run: (s, ctx) => s.register.getCase(ctx, first.id) },
        { name: 'team dashboard', actor: managerActor, run: (s, ctx) => s.reports.dashboard(ctx) },
        { name: 'alerts list (API, page 1)', run: (s, ctx) => s.alerts.alertsPage(ctx, {}) },
      ]);
      for (const read of plans) {
        console.log(`\n=== ${read.name}: ${read.statements} statements`);
        for (const { sql: text, plan } of read.plans) console.log(`-- ${text.slice(0, 300)}\n${plan}\n`);
      }
    }
    await bench.closeLoader();

    const commands: CommandResult[] = [];
    if (wanted('sweep')) {
      process.stdout.write('  sweep…\n');
      commands.push(await sweepScenario(bench.serverEnv, asOf));
    }
    const { results, peakRssMb } = await serveAndMeasure(bench, httpScenarios(sample).filter((s) => wanted(s.name)));
    if (wanted('import') && settings.importFiles > 0 && bench.driver === 'postgres') {
      process.stdout.write(`  import of ${settings.importFiles.toLocaleString('en-GB')} files…\n`);
      commands.push(await importScenario(bench.serverEnv.DATABASE_URL as string, { files: settings.importFiles, seed: settings.seed, asOf }));
    }
    let evaluations: EvaluateFigure[] = [];
    if (wanted('evaluate') && settings.evaluateSeconds > 0) {
      process.stdout.write('  evaluate…\n');
      evaluations = await evaluateScenario(settings.evaluateSeconds);
    }
    const pglite = wanted('pglite') && settings.pglitePeople > 0 && bench.driver === 'postgres' ? await pgliteComparison(settings.pglitePeople) : undefined;

    const report = {
      schema: 'aftercare.bench.suite/v1',
      at: new Date().toISOString(),
      smoke,
      settings: { ...settings, reuse: values.reuse === true },
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
        loadAverageBefore: loadBefore.map((n) => Math.round(n * 100) / 100),
        loadAverageAfter: os.loadavg().map((n) => Math.round(n * 100) / 100),
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
      },
      gitCommit: gitCommit(),
      database: { driver: bench.driver, version: bench.version },
      data: { people: data.people, rows: data.rows, rowsByTable: data.rowsByTable },
      load:
        'writeSeconds' in data
          ? { totalSeconds: Math.round(data.totalSeconds * 10) / 10, generateSeconds: Math.round(data.generateSeconds * 10) / 10, writeSeconds: Math.round(data.writeSeconds * 10) / 10, rowsPerSecond: Math.round(data.rowsPerSecond) }
          : null,
      app: { peakRssMb },
      scenarios: results,
      commands,
      evaluate: evaluations,
      ...(pglite ? { pglite } : {}),
      ...(plans ? { plans } : {}),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    const targetRows = targets(report);
    printTable(report, targetRows);
    const directory = smoke ? join(os.tmpdir(), 'aftercare-bench-results') : join(import.meta.dirname, 'results');
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `${report.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify({ ...report, targets: targetRows }, null, 2)}\n`);
    console.log(`Results: ${file}`);

    const failed = [...results, ...(pglite?.results ?? [])].filter((r) => r.errors > 0 || r.timeouts > 0 || r.non2xx > 0 || r.requests === 0);
    if (failed.length > 0) {
      for (const r of failed) console.error(`FAILED ${r.name}: ${r.requests} requests, ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx ${JSON.stringify(r.statusCounts)}`);
      return 1;
    }
    return 0;
  } finally {
    await bench.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? `\nCaused by: ${error.cause.message}` : '';
    console.error(error instanceof Error ? `${error.message.slice(0, 2_000)}${cause}` : error);
    process.exit(1);
  },
);
