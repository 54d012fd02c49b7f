/**
 * fromPglite sets Drizzle's type parsers on the embedded client once, instead of PGlite copying its ~360
 * parsers to merge Drizzle's into them for every statement (src/platform/db/client.ts). Rows must come back
 * exactly as from a client Drizzle drives unchanged: every type, in object and array row modes, in and out
 * of a transaction; and if Drizzle ever passes other parsers, this says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { DRIZZLE_PGLITE_TEXT_TYPES, fromPglite, rowsOf, type Db } from '../../../../src/platform/db/client.ts';
import * as schema from '../../../../src/platform/db/schema.ts';
import { organisations } from '../../../../src/platform/organisations/tables.ts';
import { migratedPglite, usingPostgres } from '../../../support/database.ts';

const ALL_TYPES = sql`select '2025-06-01'::date as d, '2025-06-01 12:34:56.789'::timestamp as ts, '2025-06-01 12:34:56+01'::timestamptz as tz,
  '1 day 02:03:04'::interval as iv, '12:34'::time as t, array['1.50'::numeric, null] as nums, array['2025-06-01'::date] as dates,
  array['2025-06-01 12:00'::timestamp] as tss, array['2025-06-01 12:00+00'::timestamptz] as tzs, array['1 hour'::interval] as ivs,
  1::int2 as i2, 2::int4 as i4, 9007199254740993::int8 as i8, 1.5::float8 as f8, 1.50::numeric as num, true as b, 'x'::text as txt,
  '{"a":[1,"b"]}'::json as j, '{"a":[1,"b"]}'::jsonb as jb, array[1,2] as ints, array['a','b'] as texts, '\\x0102'::bytea as bin,
  gen_random_uuid() is not null as has_uuid, null::int as nothing`;

/** The embedded database only: the PostgreSQL pass would repeat these unchanged. */
const embeddedOnly = { skip: usingPostgres() ? 'the embedded database only (runs in the PGlite pass)' : false };

async function bothClients<T>(work: (db: Db) => Promise<T>): Promise<[T, T]> {
  const plainClient = await migratedPglite();
  const plain = drizzle(plainClient, { schema }) as unknown as Db;
  const wrapped = fromPglite(await migratedPglite());
  try {
    return [await work(plain), await work(wrapped.db)];
  } finally {
    await plainClient.close();
    await wrapped.close();
  }
}

test('Drizzle passes exactly the parsers set once, and each leaves the text as it is', embeddedOnly, async () => {
  const client = await migratedPglite();
  const db = drizzle(client, { schema });
  try {
    const prepared = db._.session.prepareQuery({ sql: 'select 1', params: [] }, undefined, undefined, false) as unknown as Record<string, { parsers?: Record<string, (value: string) => unknown> }>;
    for (const config of ['rawQueryConfig', 'queryConfig']) {
      const parsers = prepared[config]?.parsers ?? {};
      assert.deepEqual(Object.keys(parsers).map(Number).sort(), [...DRIZZLE_PGLITE_TEXT_TYPES].sort(), config);
      for (const parse of Object.values(parsers)) assert.equal(parse('2025-06-01 12:00:00'), '2025-06-01 12:00:00');
    }
  } finally {
    await client.close();
  }
});

test('raw statements give the same rows on either client, in and out of a transaction', embeddedOnly, async () => {
  const [plain, wrapped] = await bothClients(async (db) => {
    const outside = rowsOf(await db.execute(ALL_TYPES));
    const inside = await db.transaction(async (tx) => rowsOf(await tx.execute(ALL_TYPES)));
    return { outside, inside };
  });
  assert.deepEqual(wrapped, plain);
  assert.equal(typeof (plain.outside[0] as { ts: unknown }).ts, 'string', 'timestamps stay text for the columns to map');
});

test('typed selects (array rows mapped by the columns) give the same values on either client', embeddedOnly, async () => {
  const [plain, wrapped] = await bothClients(async (db) => {
    await db.insert(organisations).values({ id: 'o1', name: 'Northshire', kind: 'local_authority', createdAt: new Date('2025-06-01T12:00:00.123Z'), updatedAt: new Date('2025-06-02T12:00:00Z') });
    const outside = await db.select().from(organisations);
    const inside = await db.transaction((tx) => tx.select().from(organisations));
    return { outside, inside };
  });
  assert.deepEqual(wrapped, plain);
  assert.equal(plain.outside.length, 1);
  assert.deepEqual(plain.outside[0]?.createdAt, new Date('2025-06-01T12:00:00.123Z'), 'a timestamp column maps to its Date');
});

test('a query with parsers of its own keeps them', embeddedOnly, async () => {
  const database = fromPglite(await migratedPglite());
  try {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const custom = await client.query<{ n: unknown }>('select 1::int4 as n', [], { parsers: { 23: () => 'mine' } });
    assert.equal(custom.rows[0]?.n, 'mine');
    const plain = await client.query<{ n: unknown }>('select 1::int4 as n');
    assert.equal(plain.rows[0]?.n, 1);
  } finally {
    await database.close();
  }
});
