/**
 * Starts Aftercare as a user would — `aftercare serve --seed-demo-if-empty` on a fresh embedded database
 * in a temporary folder — and stops it after the journeys. One server per test file.
 *
 * Seeding the demo register into a new PGlite database takes most of a minute on a busy 2-core machine,
 * so the first file of a run makes a template — `aftercare seed --demo` into a folder in the temp folder,
 * named by a hash of today's date, the migrations and the demo data's code — and every file starts on a
 * copy of it: the same migrated, seeded database, still served by `serve --seed-demo-if-empty` (which
 * finds people and seeds nothing). A change to the migrations or the demo data makes a new template.
 * Files run side by side (`--test-concurrency`), so one builds it while the others wait for it (a lock
 * folder beside it). `E2E_FRESH_DB=1` always seeds from scratch.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const LOCK_FILE = 'aftercare.lock';

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

/**
 * A hash of what the seeded database is made from: the date (the demo seed is relative to today), the
 * migrations, and the demo data's generators and seed. (Not all of src/: with several people editing one
 * working tree the template would be rebuilt for every file.)
 */
function templateKey(): string {
  const hash = createHash('sha256').update(new Date().toISOString().slice(0, 10));
  for (const dir of ['migrations', 'src/demo', 'src/modules/register/demo']) {
    const files = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).sort();
    for (const file of files) {
      const path = join(root, dir, file);
      if (/\.(ts|sql|json|njk)$/.test(file)) hash.update(file).update(readFileSync(path));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Runs `aftercare seed --demo` (migrate, then the demo seed) into a new folder and keeps it as the template. */
async function buildTemplate(template: string): Promise<void> {
  for (const old of readdirSync(tmpdir())) {
    if (old.startsWith('aftercare-e2e-template-') && !old.startsWith(basename(template))) rmSync(join(tmpdir(), old), { recursive: true, force: true });
  }
  const building = mkdtempSync(join(tmpdir(), 'aftercare-e2e-building-'));
  const child = spawn(process.execPath, [join(root, 'src', 'cli', 'main.ts'), 'seed', '--demo'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: building, DATABASE_URL: '', NODE_ENV: 'test', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new Error(`aftercare seed --demo exited with ${code}:\n${output}`);
  }
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another run made it first
  }
}

/** A lock older than this is left by a build that was killed: it is taken over. */
const STALE_BUILD_MS = 10 * 60_000;

/** The template, built by this file unless another file is building it (then waits for that one). */
async function ensureTemplate(template: string): Promise<void> {
  const lock = `${template}.lock`;
  while (!existsSync(template)) {
    try {
      mkdirSync(lock);
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_BUILD_MS) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (!existsSync(template)) await buildTemplate(template);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const template = process.env.E2E_FRESH_DB ? undefined : join(tmpdir(), `aftercare-e2e-template-${templateKey()}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-e2e-'));
  if (template !== undefined) {
    try {
      await ensureTemplate(template);
      cpSync(template, dataDir, { recursive: true, filter: (source) => basename(source) !== LOCK_FILE });
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(root, 'src', 'cli', 'main.ts'), 'serve', '--seed-demo-if-empty'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`aftercare serve exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`aftercare serve did not answer within 180 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

