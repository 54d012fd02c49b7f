import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../../../src/platform/db/client.ts';
import { organisations } from '../../../../src/platform/organisations/tables.ts';
import { users } from '../../../../src/platform/users/tables.ts';
import { migratedDataDir, usingPostgres } from '../../../support/database.ts';

/** These exercise the embedded database only: the PostgreSQL pass would repeat them unchanged. */
const embeddedOnly = { skip: usingPostgres() ? 'the embedded database only (runs in the PGlite pass)' : false };

const main = fileURLToPath(new URL('../../../../src/cli/main.ts', import.meta.url));
const embedded = (dataDir: string, extra: NodeJS.ProcessEnv = {}) => ({ ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra });

function cli(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  return spawnSync(process.execPath, [main, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test('migrate applies migrations once; a configuration error names the variable and exits 1', embeddedOnly, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-cli-'));
  const first = cli(['migrate'], embedded(dataDir));
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /Applied \d+ migration\(s\)/);
  const second = cli(['migrate'], embedded(dataDir));
  assert.equal(second.status, 0);
  assert.match(second.stdout, /up to date/);
  const bad = cli(['migrate'], embedded(dataDir, { PORT: 'eighty' }));
  assert.equal(bad.status, 1);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(bad.stderr, /PORT/);
  const production = cli(['migrate'], embedded(dataDir, { NODE_ENV: 'production', SESSION_SECRET: 'z'.repeat(40) }));
  assert.equal(production.status, 1);
  assert.match(production.stderr, /DATABASE_URL is required/);
});

test('user add creates a user with a hashed password; bad input is named and writes nothing', embeddedOnly, async () => {
  const dataDir = await migratedDataDir('aftercare-cli-');
  const setup = await openDatabase({ dataDir });
  await setup.db.insert(organisations).values({ id: 'la-n', name: 'Northshire Council', kind: 'local_authority', code: 'E10000999' });
  await setup.close();

  const added = cli(['user', 'add', '--email', 'Ada@Example.org', '--name', 'Ada Admin', '--organisation', 'E10000999', '--role', 'admin', '--role', 'auditor', '--password-stdin'], embedded(dataDir), 'three random words here\n');
  assert.equal(added.status, 0, added.stderr);
  assert.match(added.stdout, /Added Ada Admin <ada@example.org> \(admin, auditor\)/);

  const weak = cli(['user', 'add', '--email', 'bo@example.org', '--name', 'Bo', '--organisation', 'nowhere', '--role', 'practitioner', '--password-stdin'], embedded(dataDir), 'password1234\n');
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /password: Password is too common/);
  assert.match(weak.stderr, /organisation: No organisation has the id or code "nowhere"/);

  const usage = cli(['user', 'add', '--email', 'bo@example.org', '--name', 'Bo', '--organisation', 'la-n', '--role', 'wizard', '--password-stdin'], embedded(dataDir), 'x\n');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /unknown role "wizard"/);

  // Linked to an OpenID Connect identity: no password asked for (no terminal here), the link stored.
  const linked = cli(['user', 'add', '--email', 'cy@example.org', '--name', 'Cy Sso', '--organisation', 'la-n', '--role', 'practitioner', '--oidc-issuer', 'https://login.example', '--oidc-subject', 'cy-123'], embedded(dataDir));
  assert.equal(linked.status, 0, linked.stderr);
  const half = cli(['user', 'add', '--email', 'di@example.org', '--name', 'Di', '--organisation', 'la-n', '--role', 'practitioner', '--oidc-subject', 'di-1'], embedded(dataDir));
  assert.equal(half.status, 2);
  assert.match(half.stderr, /--oidc-issuer and --oidc-subject together/);
  const twice = cli(['user', 'add', '--email', 'cy2@example.org', '--name', 'Cy Again', '--organisation', 'la-n', '--role', 'practitioner', '--oidc-issuer', 'https://login.example', '--oidc-subject', 'cy-123'], embedded(dataDir));
  assert.equal(twice.status, 1);
  assert.match(twice.stderr, /oidc: Another user is already linked to this identity/);

  const token = cli(['user', 'token', '--name', 'Case system', '--organisation', 'la-n', '--role', 'practitioner'], embedded(dataDir));
  assert.equal(token.status, 0, token.stderr);
  const printed = /\n(aft_[A-Za-z0-9_-]+)\n?$/.exec(token.stdout)?.[1];
  assert.ok(printed, token.stdout);

  const check = await openDatabase({ dataDir });
  try {
    const { actorForApiToken } = await import('../../../../src/platform/auth/api-tokens.ts');
    const actor = await actorForApiToken(check.db, printed, new Date());
    assert.deepEqual([actor?.kind, actor?.organisationId, actor?.roles], ['api_token', 'la-n', ['practitioner']]);
    const rows = (await check.db.select().from(users)).sort((a, b) => a.email.localeCompare(b.email));
    assert.deepEqual(rows.map((u) => [u.email, u.roles, u.organisationId, u.oidcIssuer, u.oidcSubject]), [
      ['ada@example.org', ['admin', 'auditor'], 'la-n', null, null],
      ['cy@example.org', ['practitioner'], 'la-n', 'https://login.example', 'cy-123'],
    ]);
    assert.match(rows[0]?.passwordHash ?? '', /^\$argon2id\$/);
    assert.equal(rows[1]?.passwordHash, null);
  } finally {
    await check.close();
  }

  const tokenId = /\(id ([^)]+)\)/.exec(token.stdout)?.[1];
  assert.ok(tokenId, token.stdout);
  const revoked = cli(['user', 'revoke-token', tokenId], embedded(dataDir));
  assert.equal(revoked.status, 0, revoked.stderr);
  const again = cli(['user', 'revoke-token', tokenId], embedded(dataDir));
  assert.equal(again.status, 1);
  assert.match(again.stderr, /no live API token has the id/);
  const after = await openDatabase({ dataDir });
  try {
    const { actorForApiToken } = await import('../../../../src/platform/auth/api-tokens.ts');
    assert.equal(await actorForApiToken(after.db, printed, new Date()), undefined, 'a revoked token acts for nobody');
  } finally {
    await after.close();
  }
});

test('serve holds the embedded database: other commands say so and exit 1; SIGTERM stops it and frees the lock', embeddedOnly, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-cli-'));
  const port = await freePort();
  const server = spawn(process.execPath, [main, 'serve'], { env: embedded(dataDir, { PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline || server.exitCode !== null) assert.fail(`serve did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const blocked = cli(['migrate'], embedded(dataDir));
    assert.equal(blocked.status, 1);
    assert.match(blocked.stderr, new RegExp(`^aftercare: Another Aftercare process \\(pid ${server.pid}\\) is using the embedded database in .+\\. Stop it, or use PostgreSQL via DATABASE_URL\\.\\n?$`));
  } finally {
    server.kill('SIGTERM');
  }
  assert.equal(await exited, 0, output);
  assert.equal(existsSync(join(dataDir, 'aftercare.lock')), false, 'the lock is released');
});
