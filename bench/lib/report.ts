/** The benchmark's table: one line per scenario, then the load rate, the app's peak RSS and the machine. */
import type { ScenarioResult } from './load-test.ts';

interface Report {
  settings: { people: number; duration: number; connections: number };
  machine: { cores: number; memoryGb: number; loadAverageBefore: number[]; loadAverageAfter: number[]; node: string };
  database: { driver: string; version: string };
  data: { people: number; rows: number };
  load: { writeSeconds: number; peoplePerSecond: number; rowsPerSecond: number };
  app: { peakRssMb: number | null };
  scenarios: ScenarioResult[];
}

export function printTable(report: Report): void {
  const header = ['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'of ceiling', 'RSS MB'];
  const rows = report.scenarios.map((r) => [
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
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log('');
  console.log(
    `${report.database.driver} (${report.database.version}), ${report.data.people.toLocaleString('en-GB')} people / ${report.data.rows.toLocaleString('en-GB')} rows, ` +
      `${report.settings.connections} connections, ${report.settings.duration} s a scenario`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('');
  console.log(`Load: ${report.load.peoplePerSecond.toLocaleString('en-GB')} people/s, ${report.load.rowsPerSecond.toLocaleString('en-GB')} rows/s (${report.load.writeSeconds} s)`);
  console.log(`App peak RSS: ${report.app.peakRssMb ?? 'unknown'} MB`);
  console.log(
    `Machine: ${report.machine.cores} cores, ${report.machine.memoryGb} GB, Node ${report.machine.node}, ` +
      `load average ${report.machine.loadAverageBefore.join('/')} before, ${report.machine.loadAverageAfter.join('/')} after (shared machine: compare ratios, not absolutes)`,
  );
}
