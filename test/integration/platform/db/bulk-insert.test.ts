/**
 * `bulkInsert` and `bulkInsertAll` write the same rows Drizzle's own insert writes — text with quotes,
 * backslashes, commas, braces and non-ASCII, text arrays, jsonb objects, arrays and strings, civil dates,
 * timestamps, booleans, integers, nulls and columns left to their defaults — on both drivers; several tables in
 * one statement satisfy foreign keys whatever their order, and a refused row refuses the whole statement.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { auditEvents } from '../../../../src/platform/audit/tables.ts';
import { bulkInsert, bulkInsertAll } from '../../../../src/platform/db/bulk-insert.ts';
import { rowsOf, type Db } from '../../../../src/platform/db/client.ts';
import { organisations } from '../../../../src/platform/organisations/tables.ts';
import { paymentOffers } from '../../../../src/modules/care-records/tables.ts';
import { contacts, people } from '../../../../src/modules/register/tables.ts';
import { createTestDatabase } from '../../../support/database.ts';

const awkward = ['plain', 'a "quoted" word', 'back\\slash', 'comma, and {braces}', 'NULL', '', 'Siân Ó Dónaill — 東京', 'new\nline\ttab'];

const person = (id: string, i: number) => ({
  id,
  givenName: awkward[i % awkward.length] as string,
  familyName: `Family ${i}`,
  nhsNumber: i % 3 === 0 ? null : undefined,
  dateOfBirth: '1980-02-29',
  dateOfDeath: i % 2 ? '2024-12-31' : null,
  communicationNeeds: i % 2 ? awkward : [],
  address: [awkward[(i + 1) % awkward.length] as string, 'NULL', '"'],
  createdByOrganisationId: 'bulk-org',
  caseFileExt: i % 2 ? { note: awkward[i % awkward.length], nested: { list: [1, 2.5, null, true], text: 'a "b" \\ c' } } : null,
  createdAt: new Date(Date.UTC(2026, 10, 28, 12, 30, 15, 123)),
});
const contact = (personId: string, i: number) => ({ personId, id: `c${i}`, name: awkward[i % awkward.length] as string, role: 'advocate', actsForPerson: i % 2 === 0, consentGiven: i % 3 === 0 ? null : i % 3 === 1, consentDate: '2025-01-02' });
const offer = (personId: string, i: number) => ({ personId, id: `o${i}`, kind: 'top_up', offeredOn: '2025-03-04', weeklyPence: i * 1000 - 1, response: 'accepted' });

async function select(db: Db, query: ReturnType<typeof sql>) {
  return rowsOf<Record<string, unknown>>(await db.execute(query));
}

/** Every column but the ones that differ between the writes (the person ids' prefix, the defaults of the moment). */
async function written(db: Db, prefix: string) {
  const like = `${prefix}%`;
  const unprefixed = (value: unknown) => String(value).replace(prefix, '');
  const records = (rows: Record<string, unknown>[]) => rows.map(({ created_at: _c, updated_at: _u, ...rest }) => ({ ...rest, person_id: unprefixed(rest.person_id) }));
  return {
    // The people's created_at is given (a Date): it is compared.
    people: (await select(db, sql`select * from people where id like ${like} order by id`)).map(({ updated_at: _u, ...rest }) => ({ ...rest, id: unprefixed(rest.id) })),
    contacts: records(await select(db, sql`select * from contacts where person_id like ${like} order by person_id, id`)),
    offers: records(await select(db, sql`select * from payment_offers where person_id like ${like} order by person_id, id`)),
  };
}

test('bulkInsert and bulkInsertAll write what Drizzle’s insert writes', async () => {
  const database = await createTestDatabase();
  try {
    const { db } = database;
    await db.insert(organisations).values({ id: 'bulk-org', name: 'Bulk "Org", {x}', kind: 'local_authority', code: null, cqc: { overall: 'Good' } });
    const ids = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

    await db.insert(people).values(ids('drizzle-').map(person));
    await db.insert(contacts).values(ids('drizzle-').flatMap((id, i) => [contact(id, i), contact(id, i + 1)]));
    await db.insert(paymentOffers).values(ids('drizzle-').map(offer));

    assert.equal(await bulkInsert(db, people, ids('one-').map(person), { batchSize: 5 }), 12, 'in statements of 5 rows');
    assert.equal(await bulkInsert(db, contacts, ids('one-').flatMap((id, i) => [contact(id, i), contact(id, i + 1)])), 24);
    assert.equal(await bulkInsert(db, paymentOffers, ids('one-').map(offer)), 12);

    // Children before their parents: the foreign keys are checked at the end of the one statement.
    const all = await bulkInsertAll(db, [
      [paymentOffers, ids('all-').map(offer)],
      [contacts, ids('all-').flatMap((id, i) => [contact(id, i), contact(id, i + 1)])],
      [people, ids('all-').map(person)],
      [auditEvents, []],
    ]);
    assert.equal(all, 48);

    const expected = await written(db, 'drizzle-');
    assert.equal(expected.people.length, 12);
    assert.deepEqual(await written(db, 'one-'), expected);
    assert.deepEqual(await written(db, 'all-'), expected);
    assert.deepEqual((expected.people[1] as Record<string, unknown> | undefined)?.communication_needs, awkward, 'a text array keeps every element as it was');
  } finally {
    await database.close();
  }
});

test('bulkInsertAll writes nothing when any row is refused; onConflictDoNothing skips taken keys', async () => {
  const database = await createTestDatabase();
  try {
    const { db } = database;
    await db.insert(organisations).values({ id: 'bulk-org', name: 'Bulk', kind: 'local_authority' });
    await assert.rejects(
      bulkInsertAll(db, [
        [people, [person('refused-1', 1)]],
        [contacts, [contact('refused-1', 1), contact('nobody', 2)]],
      ]),
      'a contact of a person not on the register breaks a foreign key',
    );
    const left = await select(db, sql`select id from people where id like 'refused-%' union all select person_id from contacts where person_id in ('refused-1', 'nobody')`);
    assert.deepEqual(left, [], 'nothing of the statement was written');

    await bulkInsert(db, people, [person('taken', 1)]);
    assert.equal(await bulkInsert(db, people, [person('taken', 2), person('free', 3)], { onConflictDoNothing: true }), 2);
    const names = await select(db, sql`select id, given_name from people where id in ('taken', 'free') order by id`);
    assert.deepEqual(names, [
      { id: 'free', given_name: awkward[3] },
      { id: 'taken', given_name: awkward[1] },
    ]);
  } finally {
    await database.close();
  }
});
