/**
 * API tokens for integrations: `Authorization: Bearer aft_…`. The token is shown once when created and
 * stored only as its SHA-256; it acts for one organisation with the roles it was given.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, Role, ServiceContext } from '../context.ts';
import type { DbOrTx } from '../db/client.ts';
import { recordAudit } from '../audit/audit-trail.ts';
import { apiTokens } from './tables.ts';
import { randomSecret, sha256Hex } from './secrets.ts';

export const API_TOKEN_PREFIX = 'aft_';
const TOUCH_AFTER_MS = 60_000;

export interface NewApiToken {
  name: string;
  organisationId: string;
  roles: Role[];
}

/** Creates a token; the row and its audit event are written in one transaction (a savepoint inside a caller's). */
export async function createApiToken(db: DbOrTx, ctx: ServiceContext, input: NewApiToken): Promise<{ id: string; token: string }> {
  const token = `${API_TOKEN_PREFIX}${randomSecret(32)}`;
  const id = randomSecret(9);
  await db.transaction(async (tx) => {
    await tx.insert(apiTokens).values({ id, tokenHash: sha256Hex(token), name: input.name, organisationId: input.organisationId, roles: input.roles, createdBy: ctx.actor.id, createdAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'api_token.create', recordType: 'api_token', recordId: id, after: { name: input.name, organisationId: input.organisationId, roles: input.roles } });
  });
  return { id, token };
}

/** Revokes a live token with its audit event in one transaction; false (and nothing written) when there is none. */
export async function revokeApiToken(db: DbOrTx, ctx: ServiceContext, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) return false;
    await recordAudit(tx, ctx, { action: 'api_token.revoke', recordType: 'api_token', recordId: id });
    return true;
  });
}

/** The Actor a bearer token acts as, or undefined when it is unknown or revoked. */
export async function actorForApiToken(db: DbOrTx, token: string, now: Date): Promise<Actor | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_AFTER_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { kind: 'api_token', id: row.id, name: row.name, organisationId: row.organisationId, teamId: null, roles: row.roles };
}
