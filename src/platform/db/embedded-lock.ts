/**
 * The exclusive lock on the embedded database's data folder. PGlite does not lock its folder and two
 * processes writing to it lose data silently (STACK.md), so the first process to create
 * `aftercare.lock` (exclusively, holding its pid) owns the folder; a lock whose process is gone (or whose pid
 * now belongs to something else) is stale and taken over.
 */
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
  readonly pid: number;
  constructor(pid: number, dataDir: string) {
    const shown = relative(process.cwd(), dataDir) || '.';
    const folder = shown.startsWith('..') ? dataDir : `./${shown}`;
    super(`Another Aftercare process (pid ${pid}) is using the embedded database in ${folder}. Stop it, or use PostgreSQL via DATABASE_URL.`);
    this.pid = pid;
  }
}

export interface EmbeddedLock {
  path: string;
  release(): void;
}

/** Lock files this process holds: a lock naming our own pid that is not in here was left by an earlier process. */
const heldHere = new Set<string>();

/**
 * Whether `pid` may still be an Aftercare process. After a restart (a container especially) the pid in an
 * old lock file often belongs to another program, or to this very process; neither holds the lock.
 */
function mayHold(pid: number, path: string): boolean {
  if (pid === process.pid) return heldHere.has(path);
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // Linux: a live pid that is not a Node.js process is not ours. Elsewhere, a live pid is trusted.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true;
  }
}

export function acquireEmbeddedLock(dataDir: string): EmbeddedLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'aftercare.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Written aside then hard-linked: link() fails with EEXIST like O_EXCL, and the lock is never seen half-written.
      const pending = `${path}.${process.pid}.tmp`;
      writeFileSync(pending, `${process.pid}\n`, { mode: 0o600 });
      try {
        linkSync(pending, path);
      } finally {
        unlinkSync(pending);
      }
      let released = false;
      heldHere.add(path);
      return {
        path,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(path);
          try {
            if (Number(readFileSync(path, 'utf8').trim()) === process.pid) unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder !== undefined && mayHold(holder, path)) throw new DatabaseLockedError(holder, dataDir);
      // Stale (its process is gone, or the file is unreadable): remove it and try again.
      try {
        unlinkSync(path);
      } catch {
        // Another process removed it first; the next attempt decides.
      }
    }
  }
  throw new Error(`Could not take the lock ${path}.`);
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
