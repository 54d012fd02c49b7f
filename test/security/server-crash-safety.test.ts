/**
 * Crash safety of the server on PostgreSQL: the real `aftercare serve` process takes many concurrent
 * writes through the API — imports of whole case files (several kinds, with care plans, complaints and
 * disputes) and edits of the people just imported — and is killed with SIGKILL part-way. It is started
 * again on the same database, and:
 *   - it starts cleanly (no migration left to do, /health answers, it serves the API);
 *   - every case file is wholly in (its export equals the export of the same file imported calmly
 *     before the storm, an edit being wholly in or out too) or wholly out (no row of that person in any
 *     table, no `case.import` event);
 *   - every person's stored alerts equal a fresh evaluation of their case today.
 * PostgreSQL only: the embedded database is one process's, and its crash behaviour is PGlite's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/platform/db/client.ts';
import { createTestDatabase, usingPostgres } from '../support/database.ts';
import { systemContext } from '../../src/platform/context.ts';
import { organisations } from '../../src/platform/organisations/tables.ts';
import { createApiToken } from '../../src/platform/auth/api-tokens.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { createServices } from '../../src/app/services.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { evaluate } from '../../src/domain/rules/evaluate.ts';
import { todayInLondon } from '../../src/domain/calendar/civil-date.ts';
import { currentAlertsOf } from '../../src/modules/alerts/repository.ts';
import { diffAlerts } from '../../src/modules/alerts/alert-diff.ts';
import { testConfig } from '../support/app.ts';

const root = join(import.meta.dirname, '..', '..');
const FIXTURES = ['TC-04', 'TC-12', 'TC-17', 'TC-18', 'TC-19'];
const FILES = 300;
const WORKERS = 8;
const KILL_AFTER = 40;

type CaseFile = { person: Record<string, unknown> } & Record<string, unknown>;

const fixtures = new Map(FIXTURES.map((name) => [name, JSON.parse(readFileSync(join(root, `test/fixtures/law/${name}.json`), 'utf8')) as CaseFile]));
const fixtureOf = (i: number) => FIXTURES[i % FIXTURES.length] as string;
const fileFor = (id: string, fixture: string): CaseFile => {
  const base = fixtures.get(fixture) as CaseFile;
  return { ...base, person: { ...base.person, id, nhsNumber: undefined } };
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'test', SESSION_SECRET: 'test-secret-test-secret-test-secret-0000' };
  const child = spawn(process.execPath, [join(root, 'src/cli/main.ts'), 'serve'], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(`${base}/health`)).status === 200) return { child, base, output: () => output, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start: ${output}`);
}

/** An export, made comparable: the person's id becomes a placeholder, and an edit's name and version are set aside. */
function comparable(exported: CaseFile, id: string): { file: unknown; edited: boolean; version: unknown } {
  const person = exported.person as { familyName?: string; version?: number };
  const edited = person.familyName === `Edited ${id}`;
  const { familyName: _name, version, ...rest } = person;
  const file = JSON.parse(JSON.stringify({ ...exported, person: rest }).replaceAll(JSON.stringify(id), '"PERSON"')) as Record<string, unknown>;
  delete file.exportedAt;
  return { file, edited, version };
}

test('kill -9 of the server during concurrent imports and edits: files wholly in or out, alerts as evaluated, a clean restart', { skip: usingPostgres() ? false : 'PostgreSQL only (set TEST_DATABASE_URL)', timeout: 240_000 }, async () => {
  const database = await createTestDatabase();
  const servers: Server[] = [];
  try {
    assert.ok(database.url);
    await database.db.insert(organisations).values({ id: 'org-crash', name: 'Crashshire Council', kind: 'local_authority' });
    const { token } = await database.db.transaction((tx) => createApiToken(tx, systemContext(), { name: 'crash test', organisationId: 'org-crash', roles: ['practitioner', 'team_manager'] }));
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const first = await startServer(database.url);
    servers.push(first);
    const api = (server: Server, method: string, path: string, body?: unknown) =>
      fetch(`${server.base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

    // Calmly first: one file of each kind (this also creates the organisations the files name), the reference exports.
    const reference = new Map<string, unknown>();
    for (const fixture of FIXTURES) {
      const id = `reference-${fixture}`;
      assert.equal((await api(first, 'POST', '/api/v1/case-files', fileFor(id, fixture))).status, 201, fixture);
      const exported = (await (await api(first, 'GET', `/api/v1/people/${id}/case-file`)).json()) as CaseFile;
      reference.set(fixture, comparable(exported, id).file);
    }

    // The storm: WORKERS clients import files and edit every other person just imported, until the kill.
    let next = 0;
    let imported = 0;
    let edits = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < FILES) {
        const i = next++;
        const id = `storm-${i}`;
        try {
          const response = await api(first, 'POST', '/api/v1/case-files', fileFor(id, fixtureOf(i)));
          assert.equal(response.status, 201, `${id}: ${await response.text()}`);
          imported++;
          if (i % 2 === 0) {
            const edit = await api(first, 'PATCH', `/api/v1/people/${id}`, { familyName: `Edited ${id}`, version: 1 });
            assert.equal(edit.status, 200, await edit.text());
            edits++;
          }
        } catch (error) {
          if (!killed) throw error; // a request cut off by the kill is expected
        }
        if (imported >= KILL_AFTER && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    assert.ok(killed, 'the server was killed part-way');
    await first.exited;
    assert.equal(first.child.signalCode, 'SIGKILL');

    // Restart: no migration left, the server answers.
    assert.deepEqual((await runMigrations(database.db)).applied, []);
    const second = await startServer(database.url);
    servers.push(second);
    assert.doesNotMatch(second.output(), /"level":(50|60)/, 'no error logged at start-up');

    const present = new Set(rowsOf<{ id: string }>(await database.db.execute(sql`select id from people where id like 'storm-%'`)).map((r) => r.id));
    assert.ok(present.size >= KILL_AFTER && present.size < FILES, `some files in, some out (${present.size} of ${FILES})`);
    const audited = new Set(rowsOf<{ person_id: string }>(await database.db.execute(sql`select person_id from audit_event where action = 'case.import' and person_id like 'storm-%'`)).map((r) => r.person_id));
    assert.deepEqual([...audited].sort(), [...present].sort(), 'a case.import event for exactly the files that are in');

    // Wholly out: no row of a person who is not in, in any table.
    const tables = rowsOf<{ table_name: string }>(
      await database.db.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'person_id' and table_name <> 'audit_event'`),
    ).map((r) => r.table_name);
    for (const table of tables) {
      const owners = rowsOf<{ person_id: string }>(await database.db.execute(sql`select distinct person_id from ${sql.identifier(table)} where person_id like 'storm-%'`));
      for (const { person_id } of owners) assert.ok(present.has(person_id), `${table} has rows of ${person_id}, whose file is not in`);
    }

    // Wholly in: each export equals its file's reference export; an edit is wholly in or out.
    const editedIds = new Set(rowsOf<{ person_id: string }>(await database.db.execute(sql`select person_id from audit_event where action = 'person.update' and person_id like 'storm-%'`)).map((r) => r.person_id));
    for (const id of present) {
      const response = await api(second, 'GET', `/api/v1/people/${id}/case-file`);
      assert.equal(response.status, 200, id);
      const { file, edited, version } = comparable((await response.json()) as CaseFile, id);
      assert.deepEqual(file, reference.get(fixtureOf(Number(id.slice('storm-'.length)))), `${id}: the whole file`);
      assert.equal(edited, editedIds.has(id), `${id}: the edit and its audit event together`);
      if (version !== undefined) assert.equal(version, edited ? 2 : 1, `${id}: version`);
    }
    assert.ok(editedIds.size > 0 && edits > 0, 'some edits were made');

    // Stored alerts equal a fresh evaluation of each case (as the listener stored them in each write).
    const config = testConfig();
    const services = createServices({ db: database.db, config, logger: createLogger(config) });
    const today = todayInLondon(new Date());
    let alertsSeen = 0;
    for (const id of [...present, ...FIXTURES.map((f) => `reference-${f}`)]) {
      const stored = await currentAlertsOf(database.db, id);
      const fresh = evaluate(await services.register.readCaseFile(database.db, id), today).alerts;
      const diff = diffAlerts(stored, fresh);
      assert.deepEqual({ raise: diff.raise.length, clear: diff.clear.length, update: diff.update.length }, { raise: 0, clear: 0, update: 0 }, `${id}: stored alerts are the evaluation's`);
      alertsSeen += stored.length;
    }
    assert.ok(alertsSeen > 0, 'the cases have alerts to compare');
    console.log(`server crash: ${imported} imports and ${edits} edits answered before the kill; ${present.size} of ${FILES} files in, ${editedIds.size} edited; ${alertsSeen} stored alerts match`);
  } finally {
    for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    await database.close();
  }
});
