/**
 * `aftercare sweep`'s worker threads: how many by default (one a spare core, none when the two cores are
 * shared with a PostgreSQL on this machine), and `--workers` refused when it is not a whole number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSweepWorkers } from '../../../../src/app/sweep-workers.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

test('sweep worker threads by default: a spare core each, leaving one to a PostgreSQL on this machine', () => {
  const local = 'postgres://aftercare@127.0.0.1:5432/aftercare';
  const remote = 'postgres://aftercare@db.internal:5432/aftercare';
  assert.equal(defaultSweepWorkers(2, local), 0, 'two cores shared with PostgreSQL: this thread alone');
  assert.equal(defaultSweepWorkers(2, 'postgres://aftercare@localhost/aftercare'), 0);
  assert.equal(defaultSweepWorkers(2, remote), 1);
  assert.equal(defaultSweepWorkers(4, local), 2);
  assert.equal(defaultSweepWorkers(16, remote), 3, 'at most three');
  assert.equal(defaultSweepWorkers(1, remote), 0);
  assert.equal(defaultSweepWorkers(8, undefined), 0, 'the embedded database lives in this thread');
});

test('aftercare sweep --workers must be a whole number', () => {
  const env = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
  for (const bad of ['--workers=-1', '--workers=two', '--workers=1.5', '--workers=65']) {
    const result = spawnSync(join(root, 'node_modules/.bin/node'), ['src/cli/main.ts', 'sweep', bad], { cwd: root, encoding: 'utf8', env });
    assert.equal(result.status, 2, bad);
    assert.match(result.stderr, /--workers must be a whole number/);
  }
});
