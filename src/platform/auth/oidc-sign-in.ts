/**
 * Signing in with claims an identity provider has vouched for (the ID token is already verified by
 * `oidc-client.ts`). Finds the Aftercare user linked to the provider's subject, checks the claims name
 * the user's organisation and grant at least one role, and brings the user's roles in line with the
 * claims (the provider's groups are the source of truth for roles). Every outcome is audited.
 * A user not linked is refused unless the provider is configured for just-in-time provisioning.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Actor, ServiceContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { recordAudit } from '../audit/audit-trail.ts';
import { users, type UserRow } from '../users/tables.ts';
import { actorFromUser, normaliseEmail } from '../users/actor.ts';
import { findOrganisation } from '../users/repository.ts';
import type { OidcProvider } from './oidc-config.ts';
import { mapOidcClaims, type OidcClaims } from './oidc-claims.ts';

export type OidcRefusal =
  | 'invalid_state'
  | 'provider_error'
  | 'invalid_response'
  | 'no_subject'
  | 'no_organisation'
  | 'several_organisations'
  | 'no_roles'
  | 'unknown_user'
  | 'organisation_mismatch'
  | 'disabled'
  | 'missing_claims'
  | 'email_in_use';

export type OidcSignInResult = { ok: true; actor: Actor; organisationName: string; created: boolean } | { ok: false; reason: OidcRefusal };

export interface OidcAttempt {
  requestId: string;
  now: Date;
}

function unknownActor(provider: OidcProvider, requestId: string, now: Date, user?: UserRow): ServiceContext {
  return {
    actor: { kind: 'user', id: user?.id ?? 'unknown', name: user?.name ?? `${provider.name} user`, organisationId: user?.organisationId ?? null, teamId: null, roles: [] },
    requestId,
    now,
  };
}

/** Records a refused OpenID Connect sign-in (state, provider error, bad token or claims) and returns the refusal. */
export async function refuseOidcSignIn(
  db: Db,
  provider: OidcProvider,
  attempt: OidcAttempt,
  reason: OidcRefusal,
  detail: { subject?: string | undefined; error?: string | undefined; user?: UserRow | undefined } = {},
): Promise<OidcSignInResult> {
  await db.transaction(async (tx) => {
    await recordAudit(tx, unknownActor(provider, attempt.requestId, attempt.now, detail.user), {
      action: 'auth.sign_in_refused',
      recordType: detail.user ? 'user' : undefined,
      recordId: detail.user?.id,
      after: { method: 'oidc', provider: provider.id, reason, ...(detail.subject ? { subject: detail.subject } : {}), ...(detail.error ? { error: detail.error } : {}) },
    });
  });
  return { ok: false, reason };
}

export async function signInWithOidcClaims(db: Db, provider: OidcProvider, claims: OidcClaims, attempt: OidcAttempt): Promise<OidcSignInResult> {
  const mapped = mapOidcClaims(provider, claims);
  if (!mapped.ok) return refuseOidcSignIn(db, provider, attempt, mapped.reason, { subject: mapped.subject });
  const { subject } = mapped;
  const organisation = await findOrganisation(db, mapped.organisation);
  if (!organisation) return refuseOidcSignIn(db, provider, attempt, 'no_organisation', { subject });

  const [existing] = await db
    .select()
    .from(users)
    .where(and(eq(users.oidcIssuer, provider.issuer), eq(users.oidcSubject, subject)))
    .limit(1);

  if (!existing) {
    if (provider.provisioning !== 'just-in-time') return refuseOidcSignIn(db, provider, attempt, 'unknown_user', { subject });
    if (!mapped.email || !mapped.name) return refuseOidcSignIn(db, provider, attempt, 'missing_claims', { subject });
    const user = {
      id: randomUUID(),
      email: normaliseEmail(mapped.email),
      name: mapped.name,
      organisationId: organisation.id,
      teamId: null,
      roles: mapped.roles,
      oidcIssuer: provider.issuer,
      oidcSubject: subject,
    };
    const actor = actorFromUser(user);
    try {
      await db.transaction(async (tx) => {
        await tx.insert(users).values({ ...user, passwordHash: null, lastSignInAt: attempt.now, createdAt: attempt.now, updatedAt: attempt.now });
        const ctx = { actor, requestId: attempt.requestId, now: attempt.now };
        await recordAudit(tx, ctx, { action: 'user.create', recordType: 'user', recordId: user.id, after: { ...user, provisionedBy: provider.id } });
        await recordAudit(tx, ctx, { action: 'auth.sign_in', recordType: 'user', recordId: user.id, after: { method: 'oidc', provider: provider.id } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) return refuseOidcSignIn(db, provider, attempt, 'email_in_use', { subject });
      throw error;
    }
    return { ok: true, actor, organisationName: organisation.name, created: true };
  }

  if (existing.disabled) return refuseOidcSignIn(db, provider, attempt, 'disabled', { subject, user: existing });
  if (existing.organisationId !== organisation.id) return refuseOidcSignIn(db, provider, attempt, 'organisation_mismatch', { subject, user: existing });

  const rolesChanged = [...existing.roles].sort().join(',') !== mapped.roles.join(',');
  const user = { ...existing, roles: mapped.roles };
  const actor = actorFromUser(user);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ lastSignInAt: attempt.now, ...(rolesChanged ? { roles: mapped.roles, version: existing.version + 1, updatedAt: attempt.now } : {}) })
      .where(eq(users.id, existing.id));
    await recordAudit(tx, { actor, requestId: attempt.requestId, now: attempt.now }, {
      action: 'auth.sign_in',
      recordType: 'user',
      recordId: existing.id,
      ...(rolesChanged ? { before: { roles: existing.roles } } : {}),
      after: { method: 'oidc', provider: provider.id, ...(rolesChanged ? { roles: mapped.roles } : {}) },
    });
  });
  return { ok: true, actor, organisationName: organisation.name, created: false };
}
