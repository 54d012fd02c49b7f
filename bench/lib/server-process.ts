/**
 * The app under test runs as its own process — `aftercare serve`, as in production — so that autocannon,
 * in the bench process, does not share its event loop. Its peak RSS is read from /proc (VmHWM: the
 * kernel's high-water mark of resident memory), and its current RSS can be sampled under load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** Current and peak resident memory in MB (null where /proc is not available). */
  memory(): { rssMb: number | null; peakRssMb: number | null };
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function statusField(pid: number, field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * V8 flags of the app process, as docs/operations.md recommends for production: a young generation capped
 * at 8 MB a semi-space (on a machine with much memory V8 otherwise grows it to tens of MB and never gives it
 * back: 274 → 178 MB idle RSS). The old generation's growth (`--heap-growing-percent=50`) is set by
 * `aftercare serve` itself (src/platform/heap-growth.ts); a flag given here or in BENCH_APP_NODE_FLAGS wins.
 */
export const APP_NODE_FLAGS = ['--max-semi-space-size=8'];

export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort();
  // BENCH_APP_NODE_FLAGS adds flags for one run (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the app under load).
  const extraFlags = (process.env.BENCH_APP_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...APP_NODE_FLAGS, ...extraFlags, join(root, 'src', 'cli', 'main.ts'), 'serve'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`aftercare serve exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`aftercare serve did not answer within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid ?? 0;
  return {
    baseUrl,
    pid,
    memory: () => ({ rssMb: statusField(pid, 'VmRSS'), peakRssMb: statusField(pid, 'VmHWM') }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Signs a user in through the real form (anonymous CSRF cookie, then POST), returning the session cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${baseUrl}/sign-in`);
  const anonymous = form.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error('The sign-in page has no CSRF token');
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anonymous.join('; ') },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').filter((c) => c && !anonymous.includes(c));
  if (response.status !== 303 || session.length === 0) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  return session.join('; ');
}
