/**
 * Coordination's tables: the panel, placement, meeting, decision, action and communication records of a
 * person's case, and what the directory keeps about providers beyond the shared organisations table.
 *
 * Each case record is stored as its case-file shape (`record`, without `id` and `ext`), keyed
 * `(person_id, id)` with `ext`, `version` and timestamps beside it (ADR 0001). The contract is the one model
 * of these records, so storing its shape keeps import and export lossless without a column per field; the
 * few fields that lists query across people (the panel agenda, "my actions") are copied to indexed columns
 * by the repository on every write.
 */
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/organisations/tables.ts';
import { people } from '../register/tables.ts';

const civil = (name: string) => date(name, { mode: 'string' });
const personRef = () => text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' });
const recordColumns = () => ({
  personId: personRef(),
  id: text('id').notNull(),
  record: jsonb('record').$type<Record<string, unknown>>().notNull(),
  ext: jsonb('ext').$type<Record<string, unknown>>(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const panelRequests = pgTable(
  'panel_requests',
  { ...recordColumns(), submittedOn: civil('submitted_on').notNull(), decidedOn: civil('decided_on'), decision: text('decision') },
  (t) => [primaryKey({ columns: [t.personId, t.id] }), index('panel_requests_agenda_idx').on(t.decision, t.submittedOn)],
);

export const placementSearches = pgTable('placement_searches', { ...recordColumns() }, (t) => [primaryKey({ columns: [t.personId, t.id] })]);
export const meetings = pgTable('meetings', { ...recordColumns() }, (t) => [primaryKey({ columns: [t.personId, t.id] })]);
export const decisions = pgTable('decisions', { ...recordColumns() }, (t) => [primaryKey({ columns: [t.personId, t.id] })]);

export const actions = pgTable(
  'actions',
  { ...recordColumns(), ownerId: text('owner_id').notNull(), due: civil('due').notNull(), completedOn: civil('completed_on') },
  (t) => [primaryKey({ columns: [t.personId, t.id] }), index('actions_owner_idx').on(t.ownerId, t.due)],
);

export const communicationPlans = pgTable('communication_plans', { ...recordColumns() }, (t) => [primaryKey({ columns: [t.personId, t.id] })]);
export const communications = pgTable('communications', { ...recordColumns() }, (t) => [primaryKey({ columns: [t.personId, t.id] })]);
export const appointments = pgTable('appointments', { ...recordColumns() }, (t) => [primaryKey({ columns: [t.personId, t.id] })]);

/** What the provider directory knows about a provider location beyond its organisation row (name, CQC id as `code`, ratings as `cqc`). */
export const providerLocations = pgTable('provider_locations', {
  organisationId: text('organisation_id').primaryKey().references(() => organisations.id, { onDelete: 'cascade' }),
  providerName: text('provider_name'),
  address: text('address').array(),
  postcode: text('postcode'),
  localAuthority: text('local_authority'),
  serviceTypes: text('service_types').array(),
  /** Where the ratings came from: a CQC CSV file or the CQC API. */
  source: text('source').notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
