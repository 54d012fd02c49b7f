/**
 * `npm run bench:evaluate`: how many evaluations one core does per second, on typical generated case files
 * (about 40 records each), on the reference case (Mr B) and on a large ~1,000-record case (also with a
 * different asOf each time), and with validation first as the CLI does. Each scenario
 * warms up, then runs in a time-boxed loop on this one thread (so the figure is per core). Prints a table
 * and writes bench/results/evaluate-<timestamp>.json with the machine, versions and every figure.
 *
 * Options: --seconds N (per scenario, default 5), --warmup N (seconds, default 1), --as-of DATE, --output FILE
 * (write the JSON there instead; `npm run bench` folds it into the suite's report).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { countRecords, generateDemoCaseFiles, largeCaseFile } from '../src/demo/case-file-generator.ts';
import { referenceCaseFile } from '../src/demo/reference-case.ts';
import { fromDayNumber, toDayNumber } from '../src/domain/calendar/civil-date.ts';
import type { CaseFile } from '../src/domain/case-file/schema.ts';
import { validateCaseFile } from '../src/domain/case-file/validate.ts';
import { evaluate } from '../src/domain/rules/evaluate.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, warmup: { type: 'string', default: '1' }, 'as-of': { type: 'string', default: '2026-11-27' }, output: { type: 'string' } },
});
const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const asOf = values['as-of'];

interface Scenario {
  name: string;
  files: CaseFile[];
  /** What one iteration does with one file. */
  run: (file: CaseFile) => unknown;
}

interface Result {
  scenario: string;
  files: number;
  meanRecords: number;
  iterations: number;
  seconds: number;
  perSecond: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function measure(scenario: Scenario): Result {
  const { files, run } = scenario;
  let sink = 0;
  const loop = (budgetMs: number, record: number[] | null): number => {
    const until = performance.now() + budgetMs;
    let i = 0;
    while (performance.now() < until) {
      const started = performance.now();
      const output = run(files[i % files.length] as CaseFile);
      if (record) record.push(performance.now() - started);
      sink += output ? 1 : 0;
      i++;
    }
    return i;
  };
  loop(warmupSeconds * 1000, null);
  const times: number[] = [];
  const started = performance.now();
  const iterations = loop(seconds * 1000, times);
  const elapsed = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(times).sort();
  if (sink < 0) console.log(sink); // keeps the results alive for the optimiser
  return {
    scenario: scenario.name,
    files: files.length,
    meanRecords: Math.round(files.reduce((sum, file) => sum + countRecords(file), 0) / files.length),
    iterations,
    seconds: Number(elapsed.toFixed(3)),
    perSecond: Math.round(iterations / elapsed),
    meanMs: Number((times.reduce((a, b) => a + b, 0) / times.length).toFixed(4)),
    p50Ms: Number(percentile(sorted, 50).toFixed(4)),
    p95Ms: Number(percentile(sorted, 95).toFixed(4)),
    p99Ms: Number(percentile(sorted, 99).toFixed(4)),
  };
}

function safe(run: () => string): string | null {
  try {
    return run().trim();
  } catch {
    return null;
  }
}

function packageVersion(name: string): string | null {
  return safe(() => (JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version);
}

// Typical people: 200 generated with all sections, keeping those of 30 to 50 records (about 40).
const typical = generateDemoCaseFiles({ seed: 2026, people: 200, asOf, sections: 'all' }).filter((file) => {
  const records = countRecords(file);
  return records >= 30 && records <= 50;
});
const large = [largeCaseFile(1, asOf)];
// Walks back a day at a time over two years, so the engine's date caches see new dates.
let dayOffset = 0;
const asOfDay = toDayNumber(asOf);
const nextDate = (): string => fromDayNumber(asOfDay - (dayOffset++ % 730));
const scenarios: Scenario[] = [
  { name: 'evaluate, typical file (~40 records)', files: typical, run: (file) => evaluate(file, asOf) },
  { name: 'evaluate, reference case (Mr B)', files: [referenceCaseFile()], run: (file) => evaluate(file, asOf) },
  { name: 'evaluate, large file (~1,000 records)', files: large, run: (file) => evaluate(file, asOf) },
  { name: 'evaluate, large file, a different asOf each time', files: large, run: (file) => evaluate(file, nextDate()) },
  { name: 'validate + evaluate, typical file', files: typical, run: (file) => validateCaseFile(file).ok && evaluate(file, asOf) },
  { name: 'validate + evaluate, large file', files: large, run: (file) => validateCaseFile(file).ok && evaluate(file, asOf) },
];

for (const scenario of scenarios) {
  for (const file of scenario.files) if (!validateCaseFile(file).ok) throw new Error(`${scenario.name}: a benchmark file is not valid`);
}

console.log(`Evaluations per second on one core (${seconds}s per scenario after ${warmupSeconds}s warm-up, as of ${asOf})\n`);
const results: Result[] = [];
for (const scenario of scenarios) results.push(measure(scenario));

const header = ['scenario', 'files', 'records', 'evals/s', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms'];
const rows = results.map((r) => [r.scenario, String(r.files), String(r.meanRecords), r.perSecond.toLocaleString('en-GB'), r.meanMs.toFixed(3), r.p50Ms.toFixed(3), r.p95Ms.toFixed(3), r.p99Ms.toFixed(3)]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

const cpus = os.cpus();
const report = {
  schema: 'aftercare.bench.evaluate/v1',
  startedAt: new Date().toISOString(),
  settings: { secondsPerScenario: seconds, warmupSeconds, asOf, threads: 1 },
  machine: {
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpuModel: cpus[0]?.model ?? null,
    logicalCpus: cpus.length,
    availableParallelism: os.availableParallelism(),
    totalMemoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  },
  versions: {
    node: process.versions.node,
    v8: process.versions.v8,
    aftercare: (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version,
    gitCommit: safe(() => execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })),
    zod: packageVersion('zod'),
    fakerJs: packageVersion('@faker-js/faker'),
  },
  results,
};
const directory = new URL('./results/', import.meta.url);
if (!values.output) mkdirSync(directory, { recursive: true });
const output = values.output ? pathToFileURL(resolve(values.output)) : new URL(`evaluate-${report.startedAt.replace(/[:.]/g, '-')}.json`, directory);
writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nLoad average when finished: ${report.machine.loadAverage.join(', ')} on ${report.machine.logicalCpus} CPUs (shared machines lower these figures).`);
console.log(`Wrote ${output.pathname}`);
