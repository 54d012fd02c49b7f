/**
 * `npm run bench:data -- --people N`: generates a national-scale register into a PostgreSQL database for
 * `npm run bench -- --reuse` (see bench/lib/generate-register.ts for what a person holds).
 *
 * DATABASE_URL names the server; the data goes into `--database NAME` on it (default `aftercare_bench_<N>`),
 * created when missing and migrated. A database that already holds people is refused unless `--replace`
 * (drop it and start again). Prints the rate (people/s and rows/s, generation and writing apart), writes
 * bench/results/data-<timestamp>.json, and the command that measures the data.
 *
 * Options: --people N (10,000), --seed N (117), --batch N (1,000 people a transaction), --database NAME,
 * --replace, --large-every N (one ~1,000-record case in N people; 2,500).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { todayInLondon } from '../src/domain/calendar/civil-date.ts';
import { openPostgres, rowsOf } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { generateRegister } from './lib/generate-register.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '117' },
    batch: { type: 'string', default: '1000' },
    'large-every': { type: 'string', default: '2500' },
    database: { type: 'string' },
    replace: { type: 'boolean', default: false },
  },
});
const people = Number(values.people);
const seed = Number(values.seed);
const batch = Number(values.batch);
const largeEvery = Number(values['large-every']);
for (const [name, value] of Object.entries({ people, seed, batch, largeEvery })) {
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
}
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
  process.exit(2);
}
const name = values.database ?? `aftercare_bench_${people}`;
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error('--database must be a plain lower-case identifier');

async function admin(statement: string): Promise<pg.QueryResult> {
  const url = new URL(serverUrl as string);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  if (values.replace) await admin(`drop database if exists ${name} with (force)`);
  const exists = (await admin(`select 1 from pg_database where datname = '${name}'`)).rowCount ?? 0;
  if (exists === 0) await admin(`create database ${name}`);
  const url = new URL(serverUrl as string);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 4);
  try {
    await runMigrations(database.db);
    const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from people`));
    if (n > 0) throw new Error(`${name} already holds ${n} people: pass --replace to start again, or measure them with npm run bench -- --reuse`);
    console.log(`Generating ${people.toLocaleString('en-GB')} people (seed ${seed}) into ${url.host}/${name}`);
    let lastReport = 0;
    const result = await generateRegister(database.db, {
      people,
      seed,
      batch,
      largeEvery,
      asOf: todayInLondon(new Date()),
      onProgress: (loaded) => {
        if (Date.now() - lastReport > 10_000 || loaded === people) {
          lastReport = Date.now();
          console.log(`  ${loaded.toLocaleString('en-GB')} people, load average ${os.loadavg()[0]?.toFixed(1)}`);
        }
      },
    });
    const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
    const size = rowsOf<{ bytes: string }>(await database.db.execute(sql`select pg_database_size(current_database())::text as bytes`))[0]?.bytes ?? '0';
    const report = {
      schema: 'aftercare.bench.data/v1',
      at: new Date().toISOString(),
      database: name,
      settings: { people, seed, batch, largeEvery },
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', loadAverageBefore: loadBefore.map((v) => Math.round(v * 100) / 100), loadAverageAfter: os.loadavg().map((v) => Math.round(v * 100) / 100), node: process.version },
      rows: result.rows,
      rowsByTable: result.rowsByTable,
      recordsPerPerson: Math.round((result.rows / people) * 10) / 10,
      seconds: { total: Math.round(result.totalSeconds * 10) / 10, generate: Math.round(result.generateSeconds * 10) / 10, write: Math.round(result.writeSeconds * 10) / 10 },
      rate: { peoplePerSecond: Math.round(people / result.totalSeconds), rowsPerSecond: Math.round(result.rows / result.totalSeconds), writeRowsPerSecond: Math.round(result.rowsPerSecond) },
      databaseMb: mb(Number(size)),
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    };
    console.log(
      `Done: ${result.rows.toLocaleString('en-GB')} rows (${report.recordsPerPerson} a person) in ${report.seconds.total} s — ` +
        `${report.rate.peoplePerSecond.toLocaleString('en-GB')} people/s, ${report.rate.rowsPerSecond.toLocaleString('en-GB')} rows/s ` +
        `(generating ${report.seconds.generate} s, writing ${report.seconds.write} s at ${report.rate.writeRowsPerSecond.toLocaleString('en-GB')} rows/s); ` +
        `database ${report.databaseMb} MB; loader peak RSS ${report.peakRssMb} MB`,
    );
    const directory = join(import.meta.dirname, 'results');
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `data-${report.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Results: ${file}`);
    const safeUrl = `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}/${name}`;
    console.log(`Measure it: DATABASE_URL=${safeUrl} npm run bench -- --reuse`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
