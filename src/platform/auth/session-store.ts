/**
 * Server-side sessions in the database, shared by every app node. The cookie holds a random 256-bit id;
 * the table holds only its SHA-256, so a copy of the table does not let anyone resume a session.
 * A session ends at sign-out, after SESSION_IDLE_MINUTES without a request, or SESSION_ABSOLUTE_HOURS after
 * sign-in, whichever comes first.
 */
import { eq, lt, or, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/client.ts';
import { fromJson, jsonColumnsOf, parsedJson } from '../db/json-rows.ts';
import { preparedStatement } from '../db/prepared.ts';
import { organisations } from '../organisations/tables.ts';
import { users } from '../users/tables.ts';
import { sessions } from './tables.ts';
import { randomSecret, sha256Hex } from './secrets.ts';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** The session and its user as JSON rows (mapped back as Drizzle's select maps them) with the user's organisation. */
const sessionWithUser = preparedStatement<{ idHash: string }>(
  () => sql`select row_to_json(${sessions}) as session, row_to_json(${users}) as user, ${organisations.id} as organisation_id, ${organisations.name} as organisation_name
    from ${sessions} join ${users} on ${users.id} = ${sessions.userId} join ${organisations} on ${organisations.id} = ${users.organisationId}
    where ${sessions.idHash} = ${sql.placeholder('idHash')} limit 1`,
);
const sessionColumns = jsonColumnsOf(sessions);
const userColumns = jsonColumnsOf(users);

/** Writing last_seen_at on every request would make each page a write; a minute's precision is enough. */
const TOUCH_AFTER_MS = 60_000;

export interface StartedSession {
  /** The cookie value. Never stored. */
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ActiveSession {
  idHash: string;
  csrfToken: string;
  user: typeof users.$inferSelect;
  organisation: { id: string; name: string };
  /** Seconds until this session ends if nothing else happens (idle or absolute time-out): for the time-out warning. */
  endsInSeconds: number;
}

export async function startSession(db: DbOrTx, userId: string, now: Date, policy: SessionPolicy): Promise<StartedSession> {
  const id = randomSecret(32);
  const csrfToken = randomSecret(32);
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  await db.insert(sessions).values({ idHash: sha256Hex(id), userId, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { id, csrfToken, expiresAt };
}

/** The live session for a cookie value, refreshing its idle clock; undefined (and deleted) when it has ended. */
export async function resumeSession(db: DbOrTx, id: string, now: Date, policy: SessionPolicy): Promise<ActiveSession | undefined> {
  const idHash = sha256Hex(id);
  // Every signed-in request starts here: one prepared statement, built once (src/platform/db/prepared.ts).
  const [found] = rowsOf<{ session: unknown; user: unknown; organisation_id: string; organisation_name: string }>(await sessionWithUser.execute(db, { idHash }));
  const row = found && {
    session: fromJson(sessionColumns, parsedJson(found.session) as Record<string, unknown>) as typeof sessions.$inferSelect,
    user: fromJson(userColumns, parsedJson(found.user) as Record<string, unknown>) as typeof users.$inferSelect,
    organisation: { id: found.organisation_id, name: found.organisation_name },
  };
  if (!row) return undefined;
  const idleDeadline = row.session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (now.getTime() >= idleDeadline || now >= row.session.expiresAt || row.user.disabled) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return undefined;
  }
  let lastSeen = row.session.lastSeenAt.getTime();
  if (now.getTime() - lastSeen >= TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
    lastSeen = now.getTime();
  }
  const endsAt = Math.min(lastSeen + policy.idleMinutes * 60_000, row.session.expiresAt.getTime());
  const endsInSeconds = Math.max(0, Math.floor((endsAt - now.getTime()) / 1000));
  return { idHash, csrfToken: row.session.csrfToken, user: row.user, organisation: row.organisation, endsInSeconds };
}

export async function endSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256Hex(id)));
}

export async function endSessionsOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Deletes sessions past either time-out; run now and then (sign-in does it) so the table stays small. */
export async function purgeEndedSessions(db: DbOrTx, now: Date, policy: SessionPolicy): Promise<void> {
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)));
}
