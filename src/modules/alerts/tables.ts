/**
 * Stored alerts: what the rules engine raised for each case, kept as history. A row is raised when an alert
 * first holds and cleared (never deleted) when it stops holding, so the chronology can show both. The
 * current alerts of a case are its rows with no `cleared_at`; at most one per (person, rule, subject).
 * Acknowledgements are their own append-only rows: who, why, and the date to look again.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { people } from '../register/tables.ts';

const civil = (name: string) => date(name, { mode: 'string' });
const personRef = () =>
  text('person_id')
    .notNull()
    .references(() => people.id);

export const storedAlerts = pgTable(
  'stored_alerts',
  {
    id: text('id').primaryKey(),
    personId: personRef(),
    ruleId: text('rule_id').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    severity: text('severity').notNull(),
    since: civil('since').notNull(),
    message: text('message').notNull(),
    /** The date (Europe/London) the evaluation that raised it was for. */
    raisedOn: civil('raised_on').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }).notNull(),
    clearedOn: civil('cleared_on'),
    clearedAt: timestamp('cleared_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('stored_alerts_current_idx').on(t.personId, t.ruleId, t.subjectKind, t.subjectId).where(sql`${t.clearedAt} is null`),
    index('stored_alerts_person_idx').on(t.personId, t.raisedAt),
    index('stored_alerts_rule_idx').on(t.ruleId).where(sql`${t.clearedAt} is null`),
  ],
);
export type StoredAlertRow = typeof storedAlerts.$inferSelect;

export const alertAcknowledgements = pgTable(
  'alert_acknowledgements',
  {
    id: text('id').primaryKey(),
    personId: personRef(),
    ruleId: text('rule_id').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    reason: text('reason').notNull(),
    acknowledgedOn: civil('acknowledged_on').notNull(),
    lookAgainOn: civil('look_again_on').notNull(),
    acknowledgedBy: text('acknowledged_by').notNull(),
    acknowledgedByName: text('acknowledged_by_name').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('alert_acknowledgements_subject_idx').on(t.personId, t.ruleId, t.subjectKind, t.subjectId)],
);
export type AlertAcknowledgementRow = typeof alertAcknowledgements.$inferSelect;
