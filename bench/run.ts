/**
 * `npm run bench`: the register under load. Loads N generated people (default 10,000) into PostgreSQL
 * (DATABASE_URL) or PGlite (`--pglite`) in bulk, starts `aftercare serve` as its own process, signs in a
 * demo practitioner, and measures each scenario with autocannon at 32 connections: the ceiling (GET
 * /health), the register list, the list filtered by organisation, searches by name and by NHS number, a
 * person's page and the same person as JSON. Prints a table (requests/s, p50/p95/p99, errors, ratio to
 * the ceiling, peak RSS of the app) and writes it as JSON to bench/results/<timestamp>.json with the
 * machine, versions and data size. Any error, timeout or non-2xx response fails the run (exit 1).
 *
 * Options: --people N (10,000), --duration S (10 per scenario), --warmup S (2), --connections N (32),
 * --pglite, --fresh-db (create and drop a database on DATABASE_URL's server), --seed N (117),
 * --only a,b (scenario names), --explain (PostgreSQL: print and keep the EXPLAIN (ANALYZE, BUFFERS) plan of
 * each statement the register's hot reads issue). BENCH_SMOKE=1: 200 people, 2 s, no warm-up, results to the temp folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createServices } from '../src/app/services.ts';
import { todayInLondon } from '../src/domain/calendar/civil-date.ts';
import { demoOrganisationIds } from '../src/demo/organisations.ts';
import { DEMO_PASSWORD, demoUsers } from '../src/modules/register/demo/seed.ts';
import { systemContext } from '../src/platform/context.ts';
import { rowsOf } from '../src/platform/db/client.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logging.ts';
import { openBenchDatabase, type BenchDatabase } from './lib/database.ts';
import { runScenario, type Scenario, type ScenarioResult } from './lib/load-test.ts';
import { loadRegister, type LoadResult } from './lib/load-register.ts';
import { explainReads, type ExplainedRead } from './lib/explain.ts';
import { printTable } from './lib/report.ts';
import { signIn, startServerProcess, type ServerProcess } from './lib/server-process.ts';

const smoke = process.env.BENCH_SMOKE === '1' || process.env.BENCH_SMOKE === 'true';
const { values } = parseArgs({
  options: {
    people: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '32' },
    seed: { type: 'string', default: '117' },
    pglite: { type: 'boolean', default: false },
    'fresh-db': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const settings = {
  people: Number(values.people ?? (smoke ? 200 : 10_000)),
  duration: Number(values.duration ?? (smoke ? 2 : 10)),
  warmup: Number(values.warmup ?? (smoke ? 0 : 2)),
  connections: Number(values.connections),
  seed: Number(values.seed),
};
for (const [name, value] of Object.entries(settings)) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
}

function demoPractitioner() {
  const found = demoUsers.find((u) => u.role === 'practitioner');
  if (!found) throw new Error('No demo practitioner');
  return found;
}
const user = demoPractitioner();
const council = demoOrganisationIds.worcestershire;

/** People the practitioner's council may see, for the person and search scenarios. */
async function samplePeople(bench: BenchDatabase) {
  const rows = rowsOf<{ id: string; family_name: string; nhs_number: string }>(
    await bench.database.db.execute(sql`
      select p.id, p.family_name, p.nhs_number from people p
      where p.nhs_number is not null and exists (select 1 from duties d where d.person_id = p.id and d.local_authority_id = ${council})
      order by md5(p.id) limit 50`),
  );
  if (rows.length === 0) throw new Error('No generated person is visible to the demo council');
  return rows;
}

function scenarios(sample: { id: string; family_name: string; nhs_number: string }[]): Scenario[] {
  const ids = sample.map((p) => encodeURIComponent(p.id));
  return [
    { name: 'ceiling', description: 'GET /health: a trivial JSON route in the same process', paths: ['/health'], signedIn: false },
    { name: 'register-list', description: "GET /people: page 1 of the council's register, by name", paths: ['/people'], signedIn: true },
    {
      name: 'register-by-organisation',
      description: 'GET /people?organisation=…&status=open: the open cases of one council',
      paths: [`/people?organisation=${council}&status=open`],
      signedIn: true,
    },
    { name: 'search-name', description: 'GET /people?q=<family name>: search by name', paths: [...new Set(sample.map((p) => `/people?q=${encodeURIComponent(p.family_name)}`))], signedIn: true },
    { name: 'search-nhs-number', description: 'GET /people?q=<NHS number>: search by a whole NHS number', paths: sample.map((p) => `/people?q=${p.nhs_number}`), signedIn: true },
    { name: 'person-page', description: "GET /people/:id: a person's overview page (audited view)", paths: ids.map((id) => `/people/${id}`), signedIn: true },
    { name: 'person-json', description: 'GET /api/v1/people/:id: the same person as JSON (audited view)', paths: ids.map((id) => `/api/v1/people/${id}`), signedIn: true },
  ];
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: import.meta.dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const loadBefore = os.loadavg();
  const bench = await openBenchDatabase({ pglite: values.pglite === true, freshDb: values['fresh-db'] === true, databaseUrl: process.env.DATABASE_URL || undefined });
  let server: ServerProcess | undefined;
  try {
    console.log(`Database: ${bench.version}, ${bench.where}`);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', SESSION_SECRET: 'bench-loader-only-not-a-server-secret' });
    const services = createServices({ db: bench.database.db, config, logger: createLogger(config) });
    let lastReport = 0;
    const load: LoadResult = await loadRegister(services, {
      people: settings.people,
      seed: settings.seed,
      asOf: todayInLondon(new Date()),
      onProgress: (loaded) => {
        if (Date.now() - lastReport > 5_000 || loaded === settings.people) {
          lastReport = Date.now();
          process.stdout.write(`  loaded ${loaded.toLocaleString('en-GB')} people\n`);
        }
      },
    });
    console.log(
      `Loaded ${load.people.toLocaleString('en-GB')} people (${load.rows.toLocaleString('en-GB')} rows) in ${load.writeSeconds.toFixed(1)} s of writing` +
        ` (${Math.round(load.peoplePerSecond).toLocaleString('en-GB')} people/s, ${Math.round(load.rowsPerSecond).toLocaleString('en-GB')} rows/s; generating took ${load.generateSeconds.toFixed(1)} s)`,
    );
    const created = await services.users.createUser(systemContext('bench'), { email: user.email, name: user.name, organisation: user.organisationId, roles: [user.role], password: DEMO_PASSWORD });
    const sample = await samplePeople(bench);
    let plans: ExplainedRead[] | undefined;
    if (values.explain === true) {
      const databaseUrl = bench.serverEnv.DATABASE_URL;
      if (!databaseUrl) throw new Error('--explain needs PostgreSQL');
      const first = sample[0] as (typeof sample)[number];
      const actor = { kind: 'user' as const, id: created.id, name: user.name, organisationId: user.organisationId, teamId: null, roles: [user.role] };
      plans = await explainReads(databaseUrl, actor, [
        { name: 'register list, page 1', run: (register, ctx) => register.listPeople(ctx, {}) },
        { name: 'register list, one council, open', run: (register, ctx) => register.listPeople(ctx, { organisation: council, status: 'open' }) },
        { name: 'search by name', run: (register, ctx) => register.listPeople(ctx, { q: first.family_name }) },
        { name: 'search by NHS number', run: (register, ctx) => register.listPeople(ctx, { q: first.nhs_number }) },
        { name: "a person's case (page and JSON)", run: (register, ctx) => register.getCase(ctx, first.id) },
      ]);
      for (const read of plans) {
        console.log(`\n=== ${read.name}: ${read.statements} statements`);
        for (const { sql: text, plan } of read.plans) console.log(`-- ${text.slice(0, 300)}\n${plan}\n`);
      }
    }
    await bench.closeLoader();

    server = await startServerProcess({ ...bench.serverEnv, SESSION_SECRET: `bench-${Date.now()}-${'x'.repeat(32)}` });
    const cookie = await signIn(server.baseUrl, user.email, DEMO_PASSWORD);
    const only = values.only?.split(',');
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios(sample).filter((s) => !only || s.name === 'ceiling' || only.includes(s.name))) {
      process.stdout.write(`  ${scenario.name}…\n`);
      const running = server;
      results.push(
        await runScenario(scenario, { baseUrl: server.baseUrl, cookie, connections: settings.connections, duration: settings.duration, warmup: settings.warmup, sampleRss: () => running.memory().rssMb }),
      );
    }
    const ceiling = results.find((r) => r.name === 'ceiling')?.requestsPerSecond ?? 0;
    for (const r of results) r.ratioToCeiling = ceiling > 0 ? Math.round((r.requestsPerSecond / ceiling) * 1000) / 1000 : 0;
    const peakRssMb = server.memory().peakRssMb;
    await server.stop();
    server = undefined;

    const report = {
      schema: 'aftercare.bench.register/v1',
      at: new Date().toISOString(),
      smoke,
      settings,
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
      data: { people: load.people, rows: load.rows, rowsByTable: load.rowsByTable },
      load: {
        generateSeconds: Math.round(load.generateSeconds * 10) / 10,
        writeSeconds: Math.round(load.writeSeconds * 10) / 10,
        peoplePerSecond: Math.round(load.peoplePerSecond),
        rowsPerSecond: Math.round(load.rowsPerSecond),
      },
      app: { peakRssMb },
      scenarios: results,
      ...(plans ? { plans } : {}),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    printTable(report);
    const directory = smoke ? join(os.tmpdir(), 'aftercare-bench-results') : join(import.meta.dirname, 'results');
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `${report.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Results: ${file}`);

    const failed = results.filter((r) => r.errors > 0 || r.timeouts > 0 || r.non2xx > 0 || r.requests === 0);
    if (failed.length > 0) {
      for (const r of failed) console.error(`FAILED ${r.name}: ${r.requests} requests, ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx ${JSON.stringify(r.statusCounts)}`);
      return 1;
    }
    return 0;
  } finally {
    await server?.stop();
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
