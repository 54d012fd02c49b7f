/**
 * The register's tables: people and the records of their section 117 case that this capability owns.
 * A person's records keep their case-file ids and are keyed `(person_id, id)` (ADR 0001), so two people
 * may both have a duty `du1`. Records the case file gives no id (residences, GP registrations,
 * allocations) get a random one, which export leaves out. Every mutable row carries `version`, and
 * `ext` keeps a case file's `ext` object as it came.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/organisations/tables.ts';

const civil = (name: string) => date(name, { mode: 'string' });
const organisationRef = (name: string) => text(name).references(() => organisations.id);
const audited = () => ({
  ext: jsonb('ext').$type<Record<string, unknown>>(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const people = pgTable(
  'people',
  {
    id: text('id').primaryKey(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    nhsNumber: text('nhs_number'),
    dateOfBirth: civil('date_of_birth'),
    dateOfDeath: civil('date_of_death'),
    communicationNeeds: text('communication_needs').array(),
    address: text('address').array(),
    email: text('email'),
    phone: text('phone'),
    /** Null when the system (the CLI) imported the person; they are then visible through their duties. */
    createdByOrganisationId: organisationRef('created_by_organisation_id'),
    /** The `ext` of the case file itself, kept so an export gives it back. */
    caseFileExt: jsonb('case_file_ext').$type<Record<string, unknown>>(),
    ...audited(),
  },
  (t) => [
    uniqueIndex('people_nhs_number_key').on(t.nhsNumber).where(sql`${t.nhsNumber} is not null`),
    // Name search is by prefix of each word (`lower(name) like 'smi%'`): text_pattern_ops lets the btree serve it.
    index('people_family_name_idx').on(sql`lower(${t.familyName}) text_pattern_ops`),
    index('people_given_name_idx').on(sql`lower(${t.givenName}) text_pattern_ops`),
    index('people_sort_name_idx').on(sql`lower(${t.familyName})`, sql`lower(${t.givenName})`, t.id),
    // With the id: the visible set's "people it created" is an index-only scan (16 -> 4-7 ms a set at 250,000 people).
    index('people_created_by_id_idx').on(t.createdByOrganisationId, t.id),
  ],
);

const personRef = () => text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' });

export const staff = pgTable(
  'staff',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    organisationId: organisationRef('organisation_id').notNull(),
    role: text('role'),
    ...audited(),
  },
  (t) => [index('staff_organisation_idx').on(t.organisationId)],
);

export const contacts = pgTable(
  'contacts',
  {
    personId: personRef(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    organisationId: organisationRef('organisation_id'),
    role: text('role').notNull(),
    actsForPerson: boolean('acts_for_person').notNull(),
    consentGiven: boolean('consent_given'),
    consentDate: civil('consent_date'),
    address: text('address').array(),
    email: text('email'),
    phone: text('phone'),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

export interface LeavePeriod {
  from: string;
  to?: string;
  kind: 'escorted' | 'overnight' | 'community_trial';
}

export const detentions = pgTable(
  'detentions',
  {
    personId: personRef(),
    id: text('id').notNull(),
    section: text('section').notNull(),
    start: civil('start').notNull(),
    end: civil('end'),
    leftHospital: civil('left_hospital'),
    continuesFrom: text('continues_from'),
    hospital: text('hospital'),
    kind: text('kind'),
    leave: jsonb('leave').$type<LeavePeriod[]>(),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

export const ctos = pgTable(
  'ctos',
  {
    personId: personRef(),
    id: text('id').notNull(),
    detentionId: text('detention_id').notNull(),
    start: civil('start').notNull(),
    end: civil('end'),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

export const residences = pgTable(
  'residences',
  {
    personId: personRef(),
    id: text('id').notNull(),
    from: civil('from').notNull(),
    to: civil('to'),
    nation: text('nation').notNull(),
    localAuthorityId: organisationRef('local_authority_id'),
    healthBodyId: organisationRef('health_body_id'),
    kind: text('kind').notNull(),
    ordinarilyResident: text('ordinarily_resident'),
    placedById: organisationRef('placed_by_id'),
    placedUnder: text('placed_under'),
    legalCondition: text('legal_condition'),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

export const gpRegistrations = pgTable(
  'gp_registrations',
  {
    personId: personRef(),
    id: text('id').notNull(),
    from: civil('from').notNull(),
    to: civil('to'),
    practiceCode: text('practice_code'),
    healthBodyId: organisationRef('health_body_id').notNull(),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

/** The ending decision is kept whole as the case file gives it (sign-offs, grounds, reasons sent). */
export type DutyEnding = Record<string, unknown> & { grounds: string[]; personInvolved: boolean };

export const duties = pgTable(
  'duties',
  {
    personId: personRef(),
    id: text('id').notNull(),
    detentionId: text('detention_id').notNull(),
    start: civil('start').notNull(),
    localAuthorityId: organisationRef('local_authority_id').notNull(),
    healthBodyId: organisationRef('health_body_id').notNull(),
    end: civil('end'),
    endReason: text('end_reason'),
    ending: jsonb('ending').$type<DutyEnding>(),
    ...audited(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.id] }),
    // Visibility joins: which people an organisation is responsible for.
    index('duties_local_authority_idx').on(t.localAuthorityId, t.personId),
    index('duties_health_body_idx').on(t.healthBodyId, t.personId),
  ],
);

export const disputes = pgTable(
  'disputes',
  {
    personId: personRef(),
    id: text('id').notNull(),
    dutyId: text('duty_id').notNull(),
    withOrganisationId: organisationRef('with_organisation_id').notNull(),
    openedOn: civil('opened_on').notNull(),
    leadOrganisationId: organisationRef('lead_organisation_id'),
    referredOn: civil('referred_on'),
    resolvedOn: civil('resolved_on'),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

export const allocations = pgTable(
  'allocations',
  {
    personId: personRef(),
    id: text('id').notNull(),
    dutyId: text('duty_id').notNull(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    from: civil('from').notNull(),
    to: civil('to'),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] }), index('allocations_staff_idx').on(t.staffId, t.personId)],
);

/** Explicit sharing of a case with an organisation (ADR 0001, "Case visibility"). */
export const caseShares = pgTable(
  'case_shares',
  {
    personId: personRef(),
    organisationId: organisationRef('organisation_id').notNull(),
    sharedBy: text('shared_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.organisationId] }), index('case_shares_organisation_idx').on(t.organisationId)],
);

/**
 * The `ext` object a case file gave an organisation (notes the product does not model), kept so that an
 * export gives it back. Organisations themselves are the platform's; a matched organisation keeps its own.
 */
export const organisationExt = pgTable('organisation_ext', {
  organisationId: text('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  ext: jsonb('ext').$type<Record<string, unknown>>().notNull(),
});
