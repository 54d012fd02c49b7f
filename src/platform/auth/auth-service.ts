/**
 * Signing in and out. `signInWithPassword` and (later) OpenID Connect both end in `startSessionFor`,
 * which always makes a new session id (so an id planted before sign-in is worthless).
 */
import type { Actor, ServiceContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/audit-trail.ts';
import { signInWithPassword, type PasswordSignIn, type SignInResult } from './password-sign-in.ts';
import { endSession, purgeEndedSessions, startSession, type SessionPolicy, type StartedSession } from './session-store.ts';

export function createAuthService(deps: { db: Db; sessionPolicy: SessionPolicy }) {
  const { db, sessionPolicy } = deps;
  return {
    sessionPolicy,
    signInWithPassword(attempt: PasswordSignIn): Promise<SignInResult> {
      return signInWithPassword(db, attempt);
    },
    /** Starts a fresh session for an actor who has just proved who they are, ending the one they had. */
    async startSessionFor(actor: Actor, now: Date, previousSessionId?: string): Promise<StartedSession> {
      if (previousSessionId) await endSession(db, previousSessionId);
      await purgeEndedSessions(db, now, sessionPolicy);
      return startSession(db, actor.id, now, sessionPolicy);
    },
    async signOut(ctx: ServiceContext, sessionId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await endSession(tx, sessionId);
        await recordAudit(tx, ctx, { action: 'auth.sign_out', recordType: 'user', recordId: ctx.actor.id });
      });
    },
  };
}
