/**
 * Signing in and out. `signInWithPassword` and OpenID Connect (`signInWithOidcClaims`) both end in
 * `startSessionFor`, which always makes a new session id (so an id planted before sign-in is worthless).
 */
import type { Actor, ServiceContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/audit-trail.ts';
import { signInWithPassword, type PasswordSignIn, type SignInResult } from './password-sign-in.ts';
import type { OidcProvider } from './oidc-config.ts';
import type { OidcClaims } from './oidc-claims.ts';
import { createOidcClient, type OidcClient } from './oidc-client.ts';
import { refuseOidcSignIn, signInWithOidcClaims, type OidcAttempt, type OidcRefusal, type OidcSignInResult } from './oidc-sign-in.ts';
import { endSession, purgeEndedSessions, startSession, type SessionPolicy, type StartedSession } from './session-store.ts';

export function createAuthService(deps: { db: Db; sessionPolicy: SessionPolicy; oidcProviders?: OidcProvider[] }) {
  const { db, sessionPolicy } = deps;
  const oidcClients = new Map<string, OidcClient>((deps.oidcProviders ?? []).map((provider) => [provider.id, createOidcClient(provider)]));
  return {
    sessionPolicy,
    signInWithPassword(attempt: PasswordSignIn): Promise<SignInResult> {
      return signInWithPassword(db, attempt);
    },
    /** The configured identity providers, in configuration order (the sign-in page's buttons). */
    oidcProviders(): { id: string; name: string }[] {
      return [...oidcClients.values()].map(({ provider }) => ({ id: provider.id, name: provider.name }));
    },
    oidcClient(providerId: string): OidcClient | undefined {
      return oidcClients.get(providerId);
    },
    signInWithOidcClaims(provider: OidcProvider, claims: OidcClaims, attempt: OidcAttempt): Promise<OidcSignInResult> {
      return signInWithOidcClaims(db, provider, claims, attempt);
    },
    refuseOidcSignIn(provider: OidcProvider, attempt: OidcAttempt, reason: OidcRefusal, error?: string): Promise<OidcSignInResult> {
      return refuseOidcSignIn(db, provider, attempt, reason, { error });
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
