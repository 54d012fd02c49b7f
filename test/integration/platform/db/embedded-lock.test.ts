import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../../src/platform/db/client.ts';
import { acquireEmbeddedLock, DatabaseLockedError } from '../../../../src/platform/db/embedded-lock.ts';
import { migratedDataDir, usingPostgres } from '../../../support/database.ts';

/** These exercise the embedded database only: the PostgreSQL pass would repeat them unchanged. */
const embeddedOnly = { skip: usingPostgres() ? 'the embedded database only (runs in the PGlite pass)' : false };

const freshDir = () => mkdtempSync(join(tmpdir(), 'aftercare-lock-'));

test('a second opener of the embedded database is refused with one clear line', embeddedOnly, async () => {
  const dataDir = await migratedDataDir('aftercare-lock-');
  const first = await openDatabase({ dataDir });
  try {
    await assert.rejects(openDatabase({ dataDir }), (error: unknown) => {
      assert.ok(error instanceof DatabaseLockedError);
      assert.match(error.message, new RegExp(`^Another Aftercare process \\(pid ${process.pid}\\) is using the embedded database in .+\\. Stop it, or use PostgreSQL via DATABASE_URL\\.$`));
      return true;
    });
  } finally {
    await first.close();
  }
  assert.equal(existsSync(join(dataDir, 'aftercare.lock')), false, 'close releases the lock');
  const again = await openDatabase({ dataDir });
  await again.close();
});

test('another process is refused while this one holds the lock', embeddedOnly, () => {
  const dataDir = freshDir();
  const lock = acquireEmbeddedLock(dataDir);
  try {
    const script = `import { acquireEmbeddedLock } from ${JSON.stringify(new URL('../../../../src/platform/db/embedded-lock.ts', import.meta.url).href)};
try { acquireEmbeddedLock(${JSON.stringify(dataDir)}); console.log('acquired'); } catch (e) { console.log(e.message); process.exitCode = 1; }`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 1);
    assert.match(child.stdout, new RegExp(`Another Aftercare process \\(pid ${process.pid}\\)`));
  } finally {
    lock.release();
  }
});

test('a lock left by a dead process is stale and taken over', embeddedOnly, () => {
  const dataDir = freshDir();
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(join(dataDir, 'aftercare.lock'), `${dead.stdout}\n`);
  const lock = acquireEmbeddedLock(dataDir);
  lock.release();
  assert.equal(existsSync(join(dataDir, 'aftercare.lock')), false);
});

test("a lock naming this process's own pid, left by an earlier process (a restarted container), is stale", embeddedOnly, () => {
  const dataDir = freshDir();
  writeFileSync(join(dataDir, 'aftercare.lock'), `${process.pid}\n`);
  const lock = acquireEmbeddedLock(dataDir);
  assert.throws(() => acquireEmbeddedLock(dataDir), DatabaseLockedError, 'but once this process holds it, a second open is refused');
  lock.release();
});

test('a lock naming a live pid that is not a Node.js process is stale', { skip: embeddedOnly.skip || (process.platform !== 'linux' && 'reads /proc') }, () => {
  const dataDir = freshDir();
  const sleeper = spawn('sleep', ['30']);
  try {
    writeFileSync(join(dataDir, 'aftercare.lock'), `${sleeper.pid}\n`);
    const lock = acquireEmbeddedLock(dataDir);
    lock.release();
  } finally {
    sleeper.kill();
  }
});
