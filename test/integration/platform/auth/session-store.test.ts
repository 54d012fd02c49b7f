/**
 * The session lookup (src/platform/auth/session-store.ts) reads the session and its user as JSON rows in one
 * prepared statement: what it returns must be exactly what Drizzle's own select of those rows gives (dates,
 * the roles array, nulls), and an ended session must still end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { resumeSession, startSession } from '../../../../src/platform/auth/session-store.ts';
import { sessions } from '../../../../src/platform/auth/tables.ts';
import { organisations } from '../../../../src/platform/organisations/tables.ts';
import { users } from '../../../../src/platform/users/tables.ts';
import { createTestDatabase } from '../../../support/database.ts';

const policy = { idleMinutes: 30, absoluteHours: 12 };

test('a resumed session carries the user exactly as a select of the users table gives it', async () => {
  const database = await createTestDatabase();
  try {
    const { db } = database;
    await db.insert(organisations).values({ id: 'org-s', name: "St Mary's Council", kind: 'local_authority' });
    await db.insert(users).values([
      { id: 'u-one', email: 'one@example.test', name: 'One', organisationId: 'org-s', roles: ['practitioner', 'team_manager'], passwordHash: 'h', lastSignInAt: new Date('2026-11-27T10:11:12.345Z') },
      { id: 'u-two', email: 'two@example.test', name: "O'Neil", organisationId: 'org-s', roles: [], disabled: true },
    ]);
    const now = new Date('2026-11-28T09:00:00.123Z');
    const started = await startSession(db, 'u-one', now, policy);
    for (let i = 0; i < 3; i++) {
      const resumed = await resumeSession(db, started.id, new Date(now.getTime() + 1_000), policy);
      const [user] = await db.select().from(users).where(eq(users.id, 'u-one'));
      assert.deepEqual(resumed?.user, user);
      assert.deepEqual(resumed?.organisation, { id: 'org-s', name: "St Mary's Council" });
      assert.equal(resumed?.csrfToken, started.csrfToken);
      assert.equal(resumed?.endsInSeconds, 30 * 60 - 1);
    }
    assert.equal(await resumeSession(db, 'not-a-session', now, policy), undefined);

    const disabled = await startSession(db, 'u-two', now, policy);
    assert.equal(await resumeSession(db, disabled.id, now, policy), undefined, 'a disabled user has no session');
    const idle = await startSession(db, 'u-one', now, policy);
    assert.equal(await resumeSession(db, idle.id, new Date(now.getTime() + 31 * 60_000), policy), undefined, 'idle past the time-out');
    const left = await db.select({ userId: sessions.userId }).from(sessions);
    assert.deepEqual(left, [{ userId: 'u-one' }], 'ended sessions are deleted; the live one stays');
  } finally {
    await database.close();
  }
});
