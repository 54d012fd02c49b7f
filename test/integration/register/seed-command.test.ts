import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usingPostgres } from '../../support/database.ts';

/** These exercise the embedded database only: the PostgreSQL pass would repeat them unchanged. */
const embeddedOnly = { skip: usingPostgres() ? 'the embedded database only (runs in the PGlite pass)' : false };

const main = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
const cli = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, [main, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });

test('aftercare seed --demo fills an empty register once, lists the demo sign-ins, and needs --demo', embeddedOnly, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-seed-'));
  try {
    const usage = cli(['seed'], dataDir);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--demo/);
    const first = cli(['seed', '--demo', '--people', '5'], dataDir);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Added 6 people \(the reference case included\)/);
    assert.match(first.stdout, /practitioner@worcestershire\.example/);
    assert.match(first.stdout, /aftercare-demo-only/);
    const second = cli(['seed', '--demo'], dataDir);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /nothing was added/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
