/**
 * Users: people who sign in. One organisation each, optionally a team, one or more roles.
 * Emails are stored lower-cased (unique). Failed sign-ins and lockout live on the row so every node sees them.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations, teams } from '../organisations/tables.ts';
import type { Role } from '../context.ts';

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    teamId: text('team_id').references(() => teams.id),
    roles: text('roles').array().$type<Role[]>().notNull().default(sql`'{}'::text[]`),
    /** argon2id PHC string; null for users who only sign in through OpenID Connect. */
    passwordHash: text('password_hash'),
    /** OpenID Connect link: the issuer and the value of the provider's identifying claim (`sub` by default). */
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    disabled: boolean('disabled').notNull().default(false),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_organisation_idx').on(t.organisationId),
    uniqueIndex('users_oidc_subject_unique').on(t.oidcIssuer, t.oidcSubject),
  ],
);

export type UserRow = typeof users.$inferSelect;
