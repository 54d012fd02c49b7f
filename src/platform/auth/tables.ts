/**
 * Sessions, API tokens and sign-in attempts: everything about authentication that several app nodes must
 * share lives here, in the database, never in process memory. Secrets are stored only as SHA-256 hashes.
 */
import { index, pgTable, text, timestamp, bigserial } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/tables.ts';
import { users } from '../users/tables.ts';
import type { Role } from '../context.ts';

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 (hex) of the 256-bit id in the cookie. */
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** The absolute end of the session; the idle time-out is checked against last_seen_at. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    /** SHA-256 (hex) of the token; the token itself is shown once, when it is created. */
    tokenHash: text('token_hash').notNull().unique(),
    name: text('name').notNull(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    roles: text('roles').array().$type<Role[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_organisation_idx').on(t.organisationId)],
);

/** One row per sign-in attempt, for rate limiting by email and by client address across nodes. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    outcome: text('outcome').notNull().$type<'success' | 'failure' | 'locked' | 'rate_limited'>(),
  },
  (t) => [index('sign_in_attempts_email_at_idx').on(t.email, t.at), index('sign_in_attempts_ip_at_idx').on(t.ip, t.at)],
);

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
