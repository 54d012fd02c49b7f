/** The suite's table: one line per HTTP scenario, the commands, the rules engine, PGlite, and issue 8's targets met or missed. */
import type { CommandResult, EvaluateFigure } from './cli-scenarios.ts';
import type { ScenarioResult } from './load-test.ts';

interface Report {
  settings: { people: number; duration: number; connections: number };
  machine: { cores: number; memoryGb: number; loadAverageBefore: number[]; loadAverageAfter: number[]; node: string };
  database: { driver: string; version: string };
  data: { people: number; rows: number };
  load: { totalSeconds: number; writeSeconds: number; rowsPerSecond: number } | null;
  app: { peakRssMb: number | null };
  scenarios: ScenarioResult[];
  commands: CommandResult[];
  evaluate: EvaluateFigure[];
  pglite?: { people: number; results: ScenarioResult[]; peakRssMb: number | null };
}

export interface TargetRow {
  target: string;
  wanted: string;
  measured: string;
  /** Measured as a share of the target (≥ 1 is met), or null when not measured in this run. */
  ratio: number | null;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Issue 8's targets against this run's figures. */
export function targets(report: Report): TargetRow[] {
  const scenario = (name: string) => report.scenarios.find((s) => s.name === name);
  const command = (name: string) => report.commands.find((c) => c.name === name);
  const rows: TargetRow[] = [];
  const atLeast = (target: string, wanted: number, measured: number | undefined, unit: string) =>
    rows.push({ target, wanted: `≥ ${fmt(wanted)} ${unit}`, measured: measured === undefined ? 'not run' : `${fmt(measured)} ${unit}`, ratio: measured === undefined ? null : measured / wanted });
  const atMost = (target: string, wanted: number, measured: number | null | undefined, unit: string) =>
    rows.push({ target, wanted: `≤ ${fmt(wanted)} ${unit}`, measured: measured === undefined || measured === null ? 'not run' : `${fmt(measured, 1)} ${unit}`, ratio: measured === undefined || measured === null ? null : wanted / Math.max(measured, 0.001) });
  const page = scenario('person-page');
  atLeast('person page throughput, % of ceiling', 30, page?.ratioToCeiling === undefined ? undefined : page.ratioToCeiling * 100, '%');
  atMost('person page p95', 50, page?.latencyMs.p95, 'ms');
  atMost('register search by name p95', 20, scenario('search-name')?.latencyMs.p95, 'ms');
  atMost('register search by NHS number p95', 20, scenario('search-nhs-number')?.latencyMs.p95, 'ms');
  atLeast('sweep', 4_000, command('sweep')?.perSecond, 'cases/s');
  atLeast('import', 2_000, command('import')?.perSecond, 'files/s');
  atLeast('evaluate, typical file, one core', 20_000, report.evaluate.find((e) => e.scenario.startsWith('evaluate, typical'))?.perSecond, '/s');
  atMost('app peak RSS under load', 300, report.app.peakRssMb, 'MB');
  const pglitePage = report.pglite?.results.find((r) => r.name === 'person-page');
  atLeast('PGlite person page, % of PostgreSQL (within 2×)', 50, pglitePage && page ? (pglitePage.requestsPerSecond / Math.max(page.requestsPerSecond, 0.001)) * 100 : undefined, '%');
  return rows;
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function httpRows(results: ScenarioResult[]): string[][] {
  return results.map((r) => [
    r.name,
    r.requestsPerSecond.toFixed(0),
    r.latencyMs.p50.toFixed(1),
    r.latencyMs.p95.toFixed(1),
    r.latencyMs.p99.toFixed(1),
    String(r.errors + r.timeouts),
    String(r.non2xx),
    r.ratioToCeiling === undefined ? '' : `${(r.ratioToCeiling * 100).toFixed(1)}%`,
    r.peakRssMb === null ? '' : String(r.peakRssMb),
  ]);
}

export function printTable(report: Report, targetRows: TargetRow[]): void {
  const httpHeader = ['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'of ceiling', 'RSS MB'];
  console.log('');
  console.log(
    `${report.database.driver} (${report.database.version}), ${report.data.people.toLocaleString('en-GB')} people / ${report.data.rows.toLocaleString('en-GB')} rows, ` +
      `${report.settings.connections} connections, ${report.settings.duration} s a scenario`,
  );
  table(httpHeader, httpRows(report.scenarios));
  if (report.commands.length > 0) {
    console.log('');
    table(
      ['command', 'units', 'seconds', 'per second', 'peak RSS MB'],
      report.commands.map((c) => [c.name, fmt(c.units), c.seconds.toFixed(1), fmt(c.perSecond), c.peakRssMb === null ? '' : String(c.peakRssMb)]),
    );
  }
  if (report.evaluate.length > 0) {
    console.log('');
    table(['rules engine (one core)', 'records', 'per second', 'p95 ms'], report.evaluate.map((e) => [e.scenario, String(e.meanRecords), fmt(e.perSecond), e.p95Ms.toFixed(3)]));
  }
  if (report.pglite) {
    console.log('');
    console.log(`PGlite, ${report.pglite.people.toLocaleString('en-GB')} people (app peak RSS ${report.pglite.peakRssMb ?? 'unknown'} MB):`);
    table(httpHeader, httpRows(report.pglite.results));
  }
  console.log('');
  table(['target (issue 8)', 'wanted', 'measured', 'of target'], targetRows.map((t) => [t.target, t.wanted, t.measured, t.ratio === null ? '' : `${(t.ratio * 100).toFixed(0)}%${t.ratio >= 1 ? ' met' : ' MISSED'}`]));
  console.log('');
  if (report.load) console.log(`Load: ${fmt(report.load.rowsPerSecond)} rows/s of writing (${report.load.writeSeconds} s; ${report.load.totalSeconds} s with generation)`);
  console.log(`App peak RSS: ${report.app.peakRssMb ?? 'unknown'} MB`);
  console.log(
    `Machine: ${report.machine.cores} cores, ${report.machine.memoryGb} GB, Node ${report.machine.node}, ` +
      `load average ${report.machine.loadAverageBefore.join('/')} before, ${report.machine.loadAverageAfter.join('/')} after (shared machine: compare ratios, not absolutes)`,
  );
}
