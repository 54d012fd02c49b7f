/**
 * Hot reads as prepared statements (src/platform/db/prepared.ts): the same rows as an unnamed `db.execute`,
 * again and again, in and out of transactions; the database really holds the statement under its digest name
 * (on PGlite the values are written as literals, so awkward values must come back exactly and never run as
 * SQL); names are capped so texts that vary without bound stay unnamed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { rowsOf } from '../../../../src/platform/db/client.ts';
import { executePrepared, MAX_NAMED_STATEMENTS, preparedStatement, sqlLiteral, statementName } from '../../../../src/platform/db/prepared.ts';
import { organisations } from '../../../../src/platform/organisations/tables.ts';
import { createTestDatabase } from '../../../support/database.ts';

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

test('the database holds the statement under its digest name (PostgreSQL: the connection; PGlite: PREPARE)', async () => {
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

test('values are passed exactly: quotes, backslashes, percent signs, nulls, numbers and non-text values', async () => {
  const database = await createTestDatabase();
  try {
    const tricky = ["o'brien", 'back\\slash', "'); drop table organisations; --", '100%_', 'ünïcødé ✓', ''];
    for (const value of tricky) {
      const query = sql`select ${value}::text as v, ${42}::int as n, ${null}::text as nothing, ${true}::boolean as yes, ${JSON.stringify({ a: [value] })}::jsonb as j`;
      assert.deepEqual(rowsOf(await executePrepared(database.db, query)), rowsOf(await database.db.execute(query)), value);
    }
    const [count] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from ${organisations}`));
    assert.equal(count!.n, 0, 'nothing was dropped or inserted');
    assert.equal(sqlLiteral("it's"), "'it''s'");
    assert.equal(sqlLiteral(['a']), undefined, 'an array is not written as a literal: it runs unnamed');
    assert.equal(sqlLiteral(Number.NaN), undefined);
  } finally {
    await database.close();
  }
});

test('a statement first prepared in a transaction that rolled back still runs afterwards', async () => {
  const database = await createTestDatabase();
  try {
    const query = sql`select ${'after rollback'}::text as said, 7 as seven`;
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await executePrepared(tx, query);
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.deepEqual(rowsOf(await executePrepared(database.db, query)), [{ said: 'after rollback', seven: 7 }]);
  } finally {
    await database.close();
  }
});

test('a prepared read is built once and filled with each call\'s values, the same rows as db.execute', async () => {
  const database = await createTestDatabase();
  try {
    await database.db.insert(organisations).values([
      { id: 'org-a', name: 'Council A', kind: 'local_authority' },
      { id: "org-'b'", name: 'ICB B', kind: 'icb' },
    ]);
    let builds = 0;
    const read = preparedStatement<{ id: string; kinds: string[] | string }>(() => {
      builds += 1;
      return sql`select ${organisations.id} as id, ${organisations.name} as name from ${organisations} where ${organisations.id} = ${sql.placeholder('id')} or ${organisations.kind} = any(${sql.placeholder('kinds')}::text[]) order by 1`;
    });
    for (const [id, kinds] of [['org-a', '{}'], ["org-'b'", '{}'], ['none', '{icb,local_authority}'], ['org-a', ['icb']]] as const) {
      // An array value is not written as a literal on PGlite: that call runs unnamed, with the same rows.
      const asText = Array.isArray(kinds) ? `{${kinds.join(',')}}` : kinds;
      const expected = rowsOf(await database.db.execute(sql`select ${organisations.id} as id, ${organisations.name} as name from ${organisations} where ${organisations.id} = ${id} or ${organisations.kind} = any(${asText}::text[]) order by 1`));
      assert.deepEqual(rowsOf(await read.execute(database.db, { id, kinds: kinds as string[] | string })), expected, `${id} ${String(kinds)}`);
      await database.db.transaction(async (tx) => assert.deepEqual(rowsOf(await read.execute(tx, { id, kinds: kinds as string[] | string })), expected));
    }
    assert.equal(builds, 1, 'the statement is built once');
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
