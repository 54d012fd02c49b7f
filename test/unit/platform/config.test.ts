import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/platform/config.ts';

const secret = 'x'.repeat(40);
const noFile = { sessionSecretFor: () => 'generated-secret-generated-secret-1234' };

test('development defaults need no configuration', () => {
  const config = loadConfig({}, noFile);
  assert.equal(config.env, 'development');
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.sessionIdleMinutes, 30);
  assert.equal(config.sessionAbsoluteHours, 12);
  assert.equal(config.sessionSecret, 'generated-secret-generated-secret-1234');
  assert.ok(config.dataDir.endsWith('/data'));
});

test('an invalid value names its variable in one line', () => {
  for (const [env, name] of [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
  ] as const) {
    assert.throws(
      () => loadConfig(env, noFile),
      (error: unknown) => error instanceof ConfigError && error.message.includes(name) && !error.message.includes('\n'),
      name,
    );
  }
});

test('production refuses to start without DATABASE_URL or SESSION_SECRET', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret }, noFile), /DATABASE_URL is required/);
  assert.throws(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/aftercare' }, noFile), /SESSION_SECRET is required/);
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/aftercare', SESSION_SECRET: secret }, noFile);
  assert.equal(config.databaseUrl, 'postgres://db/aftercare');
});

test('the development secret is generated once and kept in the data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-config-'));
  const first = loadConfig({ DATA_DIR: dataDir }).sessionSecret;
  const second = loadConfig({ DATA_DIR: dataDir }).sessionSecret;
  assert.equal(first, second);
  assert.ok(first.length >= 32);
  assert.equal(readFileSync(join(dataDir, 'session-secret'), 'utf8').trim(), first);
});

test('empty variables count as unset', () => {
  assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }, noFile).port, 3000);
});
