/**
 * Backups of the embedded database through the CLI, as an operator would run them: fill a data folder
 * with case files, back it up (refused while the database is open elsewhere), refuse to restore over a
 * database with data, destroy the folder, restore, and compare every exported case file.
 * Embedded (PGlite) only; it runs in the PGlite pass (PostgreSQL uses pg_dump, docs/operations.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/platform/db/client.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { createServices } from '../../src/app/services.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { systemContext } from '../../src/platform/context.ts';
import { testConfig } from '../support/app.ts';
import { migratedDataDir, usingPostgres } from '../support/database.ts';
import type { CaseFile } from '../../src/domain/case-file/schema.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

async function cli(args: string[], dataDir: string): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', SESSION_SECRET: 'test-secret-test-secret-test-secret-0000' };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'src/cli/main.ts'), ...args], { env, cwd: root });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

async function withData<T>(dataDir: string, work: (services: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
  const config = testConfig({ DATA_DIR: dataDir });
  const database = await openDatabase({ dataDir, databaseUrl: undefined } as never);
  try {
    await runMigrations(database.db);
    return await work(createServices({ db: database.db, config, logger: createLogger(config) }));
  } finally {
    await database.close();
  }
}

async function exportAll(services: ReturnType<typeof createServices>, ids: string[]): Promise<CaseFile[]> {
  const files: CaseFile[] = [];
  for (const id of ids) files.push(await services.register.exportCaseFile(systemContext(), id));
  return files;
}

test('backup, destroy, restore: every case file comes back the same', { skip: usingPostgres() ? 'the embedded database only (runs in the PGlite pass)' : false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aftercare-backup-'));
  const dataDir = await migratedDataDir('aftercare-backup-data-');
  const file = join(dir, 'backup.tar.gz');
  try {
    const ids = ['TC-01', 'TC-05', 'TC-12'];
    const before = await withData(dataDir, async (services) => {
      for (const name of ids) {
        const caseFile = JSON.parse(readFileSync(join(root, 'test/fixtures/law', `${name}.json`), 'utf8')) as { person: Record<string, unknown> };
        await services.register.importCaseFileAlone(systemContext(), { ...caseFile, person: { ...caseFile.person, id: `backup-${name}` } });
      }
      // While the database is open (as a running server would hold it), backup and restore refuse.
      const locked = await cli(['backup', file], dataDir);
      assert.equal(locked.code, 1, locked.out);
      assert.match(locked.out, /Another Aftercare process/);
      assert.equal(existsSync(file), false);
      assert.equal((await cli(['restore', file, '--force'], dataDir)).code, 1);
      return exportAll(services, ids.map((n) => `backup-${n}`));
    });
    assert.equal(before.length, 3);

    const backedUp = await cli(['backup', file], dataDir);
    assert.equal(backedUp.code, 0, backedUp.out);
    assert.ok(statSync(file).size > 1000);
    assert.equal((statSync(file).mode & 0o077), 0, 'the backup is readable by its owner only');
    assert.equal((await cli(['backup', file], dataDir)).code, 1, 'an existing backup is not overwritten without --force');

    const refused = await cli(['restore', file], dataDir);
    assert.equal(refused.code, 1, refused.out);
    assert.match(refused.out, /already holds a database/);

    rmSync(join(dataDir, 'pglite'), { recursive: true, force: true });
    const restored = await cli(['restore', file], dataDir);
    assert.equal(restored.code, 0, restored.out);

    const after = await withData(dataDir, (services) => exportAll(services, ids.map((n) => `backup-${n}`)));
    assert.deepEqual(after, before);
    assert.equal((await cli(['backup'], dataDir)).code, 2, 'usage error without a file');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
