/**
 * One scenario under load: autocannon at N connections for a number of seconds against the app process,
 * with every response time recorded (autocannon's own summary has no p95), and the app's RSS sampled
 * while it runs. Anything but a 2xx, and any error or timeout, is counted so the run can fail loudly.
 */
import autocannon, { type Result } from 'autocannon';

export interface Scenario {
  name: string;
  /** What it measures, for the table and docs. */
  description: string;
  /** Request paths, taken in turn (several people, several searches) so no one row is all that is read. */
  paths: readonly string[];
  /** Send the session cookie. */
  signedIn: boolean;
}

export interface ScenarioResult {
  name: string;
  description: string;
  path: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  /** Requests/s as a share of the ceiling scenario's. */
  ratioToCeiling?: number;
  peakRssMb: number | null;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function runScenario(
  scenario: Scenario,
  options: { baseUrl: string; cookie: string; connections: number; duration: number; warmup: number; sampleRss: () => number | null },
): Promise<ScenarioResult> {
  const headers: Record<string, string> = scenario.signedIn ? { cookie: options.cookie } : {};
  let turn = 0;
  const requests = [{ method: 'GET', setupRequest: (request: { path?: string }) => ({ ...request, path: scenario.paths[turn++ % scenario.paths.length] }) }];
  const fire = (duration: number, onResponse?: (ms: number) => void) =>
    new Promise<Result>((resolve, reject) => {
      const instance = autocannon({ url: options.baseUrl, connections: options.connections, duration, headers, requests, timeout: 10 }, (error, result) =>
        error ? reject(error) : resolve(result),
      );
      if (onResponse) instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => onResponse(ms));
    });

  if (options.warmup > 0) await fire(options.warmup);
  const times: number[] = [];
  let peakRss: number | null = null;
  const sampler = setInterval(() => {
    const rss = options.sampleRss();
    if (rss !== null) peakRss = Math.max(peakRss ?? 0, rss);
  }, 250);
  let result: Result;
  try {
    result = await fire(options.duration, (ms) => times.push(ms));
  } finally {
    clearInterval(sampler);
  }
  const sorted = Float64Array.from(times).sort();
  const total = result['2xx'] + result.non2xx;
  return {
    name: scenario.name,
    description: scenario.description,
    path: scenario.paths[0] ?? '/',
    requests: total,
    requestsPerSecond: round(total / result.duration, 1),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
      mean: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCounts: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
    peakRssMb: peakRss,
  };
}
