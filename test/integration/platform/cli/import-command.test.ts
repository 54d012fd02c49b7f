/**
 * `aftercare import` in batches, one read ahead (on the embedded database, and on PostgreSQL in that pass):
 * every file's fate is reported in the order given — problems of an invalid file, a missing file, a file that
 * is not JSON, a person id an earlier batch took — the rest are imported, and the exit status says some were
 * refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '../../../../src/platform/db/client.ts';
import { createTestDatabase, migratedDataDir, usingPostgres } from '../../../support/database.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const main = join(root, 'src/cli/main.ts');

test('aftercare import reports every file in order across batches and imports the rest', { timeout: 120_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'aftercare-import-cli-'));
  const postgres = usingPostgres() ? await createTestDatabase() : undefined;
  const dataDir = postgres ? undefined : await migratedDataDir('aftercare-import-cli-');
  try {
    const base = JSON.parse(readFileSync(join(root, 'test/fixtures/law/TC-12.json'), 'utf8')) as { person: Record<string, unknown> };
    const caseFile = (id: string, person: Record<string, unknown> = {}) => JSON.stringify({ ...base, person: { ...base.person, id, nhsNumber: undefined, ...person } });
    const files: [string, string | undefined][] = [
      ['a.json', caseFile('cli-a')],
      ['b.json', caseFile('cli-b', { dateOfBirth: '2020-02-30' })],
      ['c.json', undefined], // not there
      ['d.json', '{ "person": '],
      ['e.json', caseFile('cli-e')],
      ['f.json', caseFile('cli-a')], // the person id the first batch took
      ['g.json', caseFile('cli-g')],
    ];
    for (const [name, text] of files) if (text !== undefined) writeFileSync(join(folder, name), text);
    const env = { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', DATABASE_URL: postgres?.url ?? '', DATA_DIR: dataDir ?? '', SESSION_SECRET: 'test-secret-test-secret-test-secret-0000' };
    const run = spawnSync(process.execPath, [main, 'import', '--batch', '2', ...files.map(([name]) => join(folder, name))], { env, cwd: root, encoding: 'utf8', timeout: 100_000 });

    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout.trim(), 'Imported 3 case files; refused 4.');
    const lines = run.stderr.trim().split('\n');
    const fileOf = (line: string) => line.slice(folder.length + 1).split(':')[0];
    assert.deepEqual([...new Set(lines.map(fileOf))], ['b.json', 'c.json', 'd.json', 'f.json'], 'reported in the order given');
    assert.ok(lines.some((l) => l.startsWith(`${join(folder, 'b.json')}: person.dateOfBirth: `)), 'an invalid file’s problem with its path');
    assert.ok(lines.includes(`${join(folder, 'c.json')}: no such file`));
    assert.ok(lines.some((l) => l.startsWith(`${join(folder, 'd.json')}: not valid JSON`)));
    assert.ok(lines.some((l) => l.startsWith(`${join(folder, 'f.json')}: person.id: `) && /already on the register/.test(l)));

    const database: Database = postgres ?? (await openDatabase({ dataDir: dataDir as string }));
    try {
      const people = rowsOf<{ id: string }>(await database.db.execute(sql`select id from people where id like 'cli-%' order by id`));
      assert.deepEqual(people.map((p) => p.id), ['cli-a', 'cli-e', 'cli-g']);
      const events = rowsOf<{ person_id: string }>(await database.db.execute(sql`select person_id from audit_event where action = 'case.import' order by id`));
      assert.deepEqual(events.map((e) => e.person_id), ['cli-a', 'cli-e', 'cli-g'], 'one case.import a file, in order');
    } finally {
      if (!postgres) await database.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await postgres?.close();
  }
});
