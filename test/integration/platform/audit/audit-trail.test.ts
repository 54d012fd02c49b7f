import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { recordAudit, searchAudit } from '../../../../src/platform/audit/audit-trail.ts';
import { auditEvents } from '../../../../src/platform/audit/tables.ts';
import { systemContext } from '../../../../src/platform/context.ts';
import { postgresErrorOf } from '../../../../src/platform/db/db-errors.ts';
import { createTestDatabase } from '../../../support/database.ts';

const refused = (operation: string) => (error: unknown) => {
  const pgError = postgresErrorOf(error);
  assert.equal(pgError?.code, '42501');
  assert.match(pgError?.message ?? '', new RegExp(`append-only: ${operation}`));
  return true;
};

test('the audit table accepts inserts and refuses UPDATE, DELETE and TRUNCATE', async () => {
  const { db, close } = await createTestDatabase();
  try {
    const ctx = systemContext('req-1', new Date('2026-11-27T10:00:00Z'));
    await recordAudit(db, ctx, { action: 'person.create', recordType: 'person', recordId: 'p1', personId: 'p1', after: { name: 'A' } });
    await assert.rejects(db.update(auditEvents).set({ action: 'tampered' }), refused('UPDATE'));
    await assert.rejects(db.delete(auditEvents), refused('DELETE'));
    await assert.rejects(db.execute(sql`truncate audit_event`), refused('TRUNCATE'));
    const rows = await db.select().from(auditEvents);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.action, 'person.create');
    assert.equal(rows[0]?.requestId, 'req-1');
    assert.deepEqual(rows[0]?.after, { name: 'A' });
  } finally {
    await close();
  }
});

test('an audit event written in a failed transaction is rolled back with it', async () => {
  const { db, close } = await createTestDatabase();
  try {
    await assert.rejects(
      db.transaction(async (tx) => {
        await recordAudit(tx, systemContext(), { action: 'person.create' });
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.equal((await db.select().from(auditEvents)).length, 0);
  } finally {
    await close();
  }
});

test('searches by person, actor and time range, newest first, with paging', async () => {
  const { db, close } = await createTestDatabase();
  try {
    const at = (iso: string) => ({ ...systemContext('r', new Date(iso)) });
    const alice = { kind: 'user' as const, id: 'u-alice', name: 'Alice', organisationId: 'o1', teamId: null, roles: [] };
    await recordAudit(db, at('2026-01-01T09:00:00Z'), { action: 'case.view', personId: 'p1' });
    await recordAudit(db, { ...at('2026-02-01T09:00:00Z'), actor: alice }, { action: 'case.view', personId: 'p1' });
    await recordAudit(db, { ...at('2026-03-01T09:00:00Z'), actor: alice }, { action: 'case.view', personId: 'p2' });
    const p1 = await searchAudit(db, { personId: 'p1' });
    assert.equal(p1.total, 2);
    assert.deepEqual(p1.events.map((e) => e.at.toISOString()), ['2026-02-01T09:00:00.000Z', '2026-01-01T09:00:00.000Z']);
    assert.equal((await searchAudit(db, { actorId: 'u-alice' })).total, 2);
    const february = await searchAudit(db, { from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') });
    assert.deepEqual(february.events.map((e) => e.personId), ['p1']);
    const paged = await searchAudit(db, { pageSize: 2, page: 2 });
    assert.equal(paged.total, 3);
    assert.equal(paged.events.length, 1);
  } finally {
    await close();
  }
});

test('an event is stored exactly as Drizzle would store its row: the moment, JSON before and after, nulls', async () => {
  const { db, close } = await createTestDatabase();
  try {
    const alice = { kind: 'user' as const, id: 'u-alice', name: "Alice O'Neil", organisationId: 'o1', teamId: null, roles: [] };
    const cases = [
      { action: 'duty.update', recordType: 'duty', recordId: 'du1', personId: 'p1', before: { end: null, tags: ['a', "b'c"], n: 1.5 }, after: { end: '2026-01-31', nested: { ünïcødé: '✓ \\ "q"' } } },
      { action: 'case.view', personId: 'p2' },
      { action: 'register.export', recordType: 'register', after: [1, 'two', { three: 3 }] },
      { action: 'flag.set', after: false },
    ];
    const now = new Date('2026-11-28T09:58:07.123Z');
    for (const entry of cases) await recordAudit(db, { ...systemContext('req-x', now), actor: alice }, entry);
    await db.transaction(async (tx) => recordAudit(tx, systemContext('req-y', now), { action: 'in.transaction' }));
    const rows = await db.select().from(auditEvents).orderBy(auditEvents.id);
    assert.equal(rows.length, cases.length + 1);
    cases.forEach((entry, i) => {
      const row = rows[i]!;
      assert.deepEqual(
        { at: row.at, actorId: row.actorId, actorKind: row.actorKind, actorName: row.actorName, organisationId: row.organisationId, requestId: row.requestId },
        { at: now, actorId: 'u-alice', actorKind: 'user', actorName: "Alice O'Neil", organisationId: 'o1', requestId: 'req-x' },
      );
      assert.deepEqual(
        { action: row.action, recordType: row.recordType, recordId: row.recordId, personId: row.personId, before: row.before, after: row.after },
        { action: entry.action, recordType: entry.recordType ?? null, recordId: entry.recordId ?? null, personId: entry.personId ?? null, before: entry.before ?? null, after: entry.after ?? null },
      );
    });
    assert.equal(rows.at(-1)?.action, 'in.transaction');
    assert.equal(rows.at(-1)?.actorKind, 'system');
  } finally {
    await close();
  }
});
