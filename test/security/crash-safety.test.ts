/**
 * Crash safety on PostgreSQL: `aftercare import` of many case files (in batches of 10 here, so that there
 * are many commits to kill between; each file wholly in or out of its batch) is killed with SIGKILL part-way. Afterwards every file is wholly in (the person, all their records and their
 * `case.import` audit event) or wholly out (no row of that person in any table), and the server starts
 * cleanly on the same database. PostgreSQL only: the embedded database's crash behaviour is PGlite's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/platform/db/client.ts';
import { createTestDatabase, usingPostgres } from '../support/database.ts';
import { buildApp } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { systemContext } from '../../src/platform/context.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { testConfig } from '../support/app.ts';

const root = join(import.meta.dirname, '..', '..');
const FILES = 200;

test('kill -9 during a many-file import: each file wholly in or wholly out; the server starts cleanly', { skip: usingPostgres() ? false : 'PostgreSQL only (set TEST_DATABASE_URL)', timeout: 180_000 }, async () => {
  const database = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'aftercare-crash-'));
  try {
    const base = JSON.parse(readFileSync(join(root, 'test/fixtures/law/TC-12.json'), 'utf8')) as { person: Record<string, unknown>; detentions: unknown[]; duties: unknown[] };
    const files: string[] = [];
    for (let i = 0; i < FILES; i++) {
      const path = join(dir, `crash-${i}.json`);
      writeFileSync(path, JSON.stringify({ ...base, person: { ...base.person, id: `crash-${i}`, nhsNumber: undefined } }));
      files.push(path);
    }
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent', SESSION_SECRET: 'test-secret-test-secret-test-secret-0000' };
    const child = spawn(process.execPath, [join(root, 'src/cli/main.ts'), 'import', '--batch', '10', ...files], { env, cwd: root, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let imported = 0;
    let killed = false;
    const started = Date.now();
    while (child.exitCode === null && Date.now() - started < 120_000) {
      const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from people where id like 'crash-%'`));
      imported = Number(row?.n ?? 0);
      if (imported >= 10) {
        child.kill('SIGKILL');
        killed = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await exited;
    assert.ok(killed, `the import was killed part-way (it had imported ${imported} of ${FILES} when it ended)`);

    const [{ n: people } = { n: 0 }] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from people where id like 'crash-%'`));
    assert.ok(Number(people) < FILES, 'some files were not imported');
    // Every row of every person-keyed table belongs to a person who is wholly in.
    const present = new Set(rowsOf<{ id: string }>(await database.db.execute(sql`select id from people where id like 'crash-%'`)).map((r) => r.id));
    const tables = rowsOf<{ table_name: string }>(
      await database.db.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'person_id' and table_name <> 'audit_event'`),
    ).map((r) => r.table_name);
    for (const table of tables) {
      const owners = rowsOf<{ person_id: string }>(await database.db.execute(sql`select distinct person_id from ${sql.identifier(table)} where person_id like 'crash-%'`));
      for (const { person_id } of owners) assert.ok(present.has(person_id), `${table} has rows of ${person_id}, who is not in`);
    }
    const config = testConfig();
    const services = createServices({ db: database.db, config, logger: createLogger(config) });
    const audited = new Set(rowsOf<{ person_id: string }>(await database.db.execute(sql`select person_id from audit_event where action = 'case.import' and person_id like 'crash-%'`)).map((r) => r.person_id));
    for (const id of present) {
      const stored = await services.register.exportCaseFile(systemContext(), id);
      assert.equal(stored.detentions.length, base.detentions.length, `${id}: every detention`);
      assert.equal(stored.duties.length, base.duties.length, `${id}: every duty`);
      assert.ok(audited.has(id), `${id}: its import is audited`);
    }
    assert.equal(audited.size, present.size, 'no audit event for a file that is not in');

    // The server starts cleanly on the same database and serves.
    assert.deepEqual((await runMigrations(database.db)).applied, []);
    const app = await buildApp(services);
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
});
