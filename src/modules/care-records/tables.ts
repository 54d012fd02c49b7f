/**
 * Care records' tables: aftercare plans, the services that meet their needs (with the funding split ledger,
 * top-up and accommodation-plus answers), charges (with any refund) and direct payment / personal health
 * budget offers. Keyed `(person_id, id)` with the case file's ids (ADR 0001); nested parts of a record the
 * case file holds as arrays or objects (needs, funding shares, top-up, refund) are kept whole in jsonb so an
 * export gives them back unchanged. Every row carries `version`; `ext` keeps the case file's `ext`.
 */
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { CarePlan, Charge, Service } from '../../domain/case-file/schema.ts';
import { organisations } from '../../platform/organisations/tables.ts';
import { people } from '../register/tables.ts';

const civil = (name: string) => date(name, { mode: 'string' });
const personRef = () => text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' });
const audited = () => ({
  ext: jsonb('ext').$type<Record<string, unknown>>(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const carePlans = pgTable(
  'care_plans',
  {
    personId: personRef(),
    id: text('id').notNull(),
    dutyId: text('duty_id').notNull(),
    status: text('status').notNull(),
    agreedOn: civil('agreed_on'),
    reviewDue: civil('review_due'),
    reviewedOn: jsonb('reviewed_on').$type<string[]>(),
    needs: jsonb('needs').$type<CarePlan['needs']>().notNull(),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] }), index('care_plans_review_due_idx').on(t.reviewDue)],
);

export const careServices = pgTable(
  'care_services',
  {
    personId: personRef(),
    id: text('id').notNull(),
    dutyId: text('duty_id').notNull(),
    needIds: jsonb('need_ids').$type<string[]>().notNull(),
    description: text('description').notNull(),
    kind: text('kind').notNull(),
    providerId: text('provider_id').references(() => organisations.id),
    start: civil('start'),
    end: civil('end'),
    status: text('status').notNull(),
    weeklyCostPence: integer('weekly_cost_pence'),
    aftercare: boolean('aftercare').notNull(),
    accommodationPlus: jsonb('accommodation_plus').$type<NonNullable<Service['accommodationPlus']>>(),
    funding: jsonb('funding').$type<NonNullable<Service['funding']>>(),
    topUp: jsonb('top_up').$type<NonNullable<Service['topUp']>>(),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] }), index('care_services_provider_idx').on(t.providerId)],
);

export const charges = pgTable(
  'charges',
  {
    personId: personRef(),
    id: text('id').notNull(),
    serviceId: text('service_id'),
    /** A `Ref`: "person", a contact, staff or organisation id. */
    payer: text('payer').notNull(),
    kind: text('kind').notNull(),
    from: civil('from').notNull(),
    to: civil('to'),
    weeklyPence: integer('weekly_pence'),
    refund: jsonb('refund').$type<NonNullable<Charge['refund']>>(),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

export const paymentOffers = pgTable(
  'payment_offers',
  {
    personId: personRef(),
    id: text('id').notNull(),
    dutyId: text('duty_id'),
    kind: text('kind').notNull(),
    offeredOn: civil('offered_on').notNull(),
    weeklyPence: integer('weekly_pence'),
    response: text('response').notNull(),
    respondedOn: civil('responded_on'),
    reviewOn: civil('review_on'),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);
