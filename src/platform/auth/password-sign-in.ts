/**
 * Signing in with an email address and password. Produces the user's Actor or a reason for refusal; the
 * HTTP layer then starts a session (`complete-sign-in.ts`). OpenID Connect will be a second way to reach the
 * same end: find the user, `actorFromUser`, start a session.
 */
import { eq } from 'drizzle-orm';
import type { Actor, ServiceContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/audit-trail.ts';
import { users } from '../users/tables.ts';
import { actorFromUser, normaliseEmail } from '../users/actor.ts';
import { findUserByEmail } from '../users/repository.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { isRateLimited, recordAttempt, signInLimits } from './sign-in-limits.ts';

export type SignInResult =
  | { ok: true; actor: Actor; organisationName: string }
  | { ok: false; reason: 'invalid' | 'locked' | 'rate_limited' };

export interface PasswordSignIn {
  email: string;
  password: string;
  ip: string;
  requestId: string;
  now: Date;
}

function anonymous(email: string, requestId: string, now: Date, userId?: string, organisationId?: string | null): ServiceContext {
  return { actor: { kind: 'user', id: userId ?? 'unknown', name: email, organisationId: organisationId ?? null, teamId: null, roles: [] }, requestId, now };
}

export async function signInWithPassword(db: Db, attempt: PasswordSignIn): Promise<SignInResult> {
  const email = normaliseEmail(attempt.email);
  const { now, ip, requestId } = attempt;

  if (await isRateLimited(db, email, ip, now)) {
    await db.transaction(async (tx) => {
      await recordAttempt(tx, email, ip, now, 'rate_limited');
      await recordAudit(tx, anonymous(email, requestId, now), { action: 'auth.sign_in_refused', after: { email, reason: 'rate_limited' } });
    });
    return { ok: false, reason: 'rate_limited' };
  }

  const found = await findUserByEmail(db, email);
  // Verify even for an unknown email, so the time taken does not reveal which emails have accounts.
  const passwordOk = await verifyPassword(found?.user.passwordHash ?? (await decoyPasswordHash()), attempt.password);
  const user = found?.user;

  if (user && user.lockedUntil && user.lockedUntil > now) {
    await db.transaction(async (tx) => {
      await recordAttempt(tx, email, ip, now, 'locked');
      await recordAudit(tx, anonymous(email, requestId, now, user.id, user.organisationId), { action: 'auth.sign_in_refused', recordType: 'user', recordId: user.id, after: { reason: 'locked' } });
    });
    return { ok: false, reason: 'locked' };
  }

  if (!user || !passwordOk || user.disabled || !user.passwordHash) {
    await db.transaction(async (tx) => {
      await recordAttempt(tx, email, ip, now, 'failure');
      let locked = false;
      if (user) {
        const failures = user.failedSignIns + 1;
        locked = failures >= signInLimits.failuresBeforeLockout;
        await tx
          .update(users)
          .set({ failedSignIns: locked ? 0 : failures, lockedUntil: locked ? new Date(now.getTime() + signInLimits.lockoutMinutes * 60_000) : user.lockedUntil })
          .where(eq(users.id, user.id));
      }
      await recordAudit(tx, anonymous(email, requestId, now, user?.id, user?.organisationId), {
        action: 'auth.sign_in_failed',
        recordType: user ? 'user' : undefined,
        recordId: user?.id,
        after: { email, locked, ...(user?.disabled ? { disabled: true } : {}) },
      });
    });
    return { ok: false, reason: 'invalid' };
  }

  const actor = actorFromUser(user);
  await db.transaction(async (tx) => {
    await recordAttempt(tx, email, ip, now, 'success');
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, { actor, requestId, now }, { action: 'auth.sign_in', recordType: 'user', recordId: user.id });
  });
  return { ok: true, actor, organisationName: found.organisation.name };
}
