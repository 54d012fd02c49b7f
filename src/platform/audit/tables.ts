/**
 * The audit trail: append-only. A custom migration adds a trigger refusing UPDATE, DELETE and TRUNCATE.
 */
import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorName: text('actor_name'),
    organisationId: text('organisation_id'),
    action: text('action').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    personId: text('person_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_event_person_at_idx').on(t.personId, t.at),
    index('audit_event_actor_at_idx').on(t.actorId, t.at),
    index('audit_event_at_idx').on(t.at),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
