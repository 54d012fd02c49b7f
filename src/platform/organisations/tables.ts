/**
 * Organisations (councils with GSS codes, ICBs and Welsh LHBs with ODS codes, providers, charities) and
 * the teams within them. Kinds follow the case-file contract's `organisationKinds`.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export interface CqcRatings {
  overall?: string;
  safe?: string;
  effective?: string;
  caring?: string;
  responsive?: string;
  wellLed?: string;
  reportDate?: string;
}

export const organisations = pgTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    code: text('code'),
    nation: text('nation'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    successorId: text('successor_id'),
    cqc: jsonb('cqc').$type<CqcRatings>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisations_code_unique').on(t.code).where(sql`${t.code} is not null`), index('organisations_kind_idx').on(t.kind)],
);

export const teams = pgTable(
  'teams',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teams_organisation_idx').on(t.organisationId)],
);

export type OrganisationRow = typeof organisations.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;
