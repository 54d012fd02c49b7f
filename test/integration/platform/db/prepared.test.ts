/**
 * Hot reads as named prepared statements (src/platform/db/prepared.ts): the same rows as an unnamed
 * `db.execute`, again and again on one connection; on PostgreSQL the connection really holds the statement
 * under its digest name; names are capped so texts that vary without bound stay unnamed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { rowsOf } from '../../../../src/platform/db/client.ts';
import { executePrepared, MAX_NAMED_STATEMENTS, statementName } from '../../../../src/platform/db/prepared.ts';
import { organisations } from '../../../../src/platform/organisations/tables.ts';
import { createTestDatabase, usingPostgres } from '../../../support/database.ts';

const byOrganisation = (id: string) => sql`select ${organisations.id} as id, ${organisations.name} as name, ${id}::text as asked from ${organisations} where ${organisations.id} = ${id}`;

test('a prepared read returns what db.execute returns, each time, in and out of a transaction', async () => {
  const database = await createTestDatabase();
  try {
    await database.db.insert(organisations).values([
      { id: 'org-a', name: 'Council A', kind: 'local_authority' },
      { id: 'org-b', name: 'ICB B', kind: 'icb' },
    ]);
    for (const id of ['org-a', 'org-b', 'org-a', 'org-none', 'org-b', 'org-a', 'org-a', 'org-b']) {
      const expected = rowsOf(await database.db.execute(byOrganisation(id)));
      assert.deepEqual(rowsOf(await executePrepared(database.db, byOrganisation(id))), expected, id);
      await database.db.transaction(async (tx) => assert.deepEqual(rowsOf(await executePrepared(tx, byOrganisation(id))), expected, `${id} in a transaction`));
    }
    assert.deepEqual(rowsOf(await executePrepared(database.db, byOrganisation('org-b'))), [{ id: 'org-b', name: 'ICB B', asked: 'org-b' }]);
  } finally {
    await database.close();
  }
});

test('on PostgreSQL the connection holds the statement under its digest name', { skip: usingPostgres() ? false : 'PostgreSQL only (PGlite ignores the name)' }, async () => {
  const database = await createTestDatabase();
  try {
    const query = byOrganisation('org-a');
    const name = statementName(new PgDialect().sqlToQuery(query).sql);
    assert.ok(name?.startsWith('aftercare_'));
    await database.db.transaction(async (tx) => {
      await executePrepared(tx, query);
      const held = rowsOf<{ name: string }>(await tx.execute(sql`select name from pg_prepared_statements`)).map((row) => row.name);
      assert.ok(held.includes(name!), `expected ${name} among ${held.join(', ')}`);
    });
  } finally {
    await database.close();
  }
});

test('names are a digest of the text, and capped: past the cap a new text runs unnamed, known texts keep theirs', () => {
  const first = statementName('select 1 as cap_test_first');
  assert.match(first ?? '', /^aftercare_[0-9a-f]{32}$/);
  assert.equal(statementName('select 1 as cap_test_first'), first);
  assert.notEqual(statementName('select 2 as cap_test_second'), first);
  for (let i = 0; i < MAX_NAMED_STATEMENTS; i++) statementName(`select ${i} as cap_test_fill`);
  assert.equal(statementName('select 3 as cap_test_after_the_cap'), undefined);
  assert.equal(statementName('select 1 as cap_test_first'), first);
});
