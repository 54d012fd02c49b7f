/**
 * Complaints, their points, Ombudsman cases, their remedies, and the review cohorts a service-improvement
 * remedy defines. A person's records keep their case-file ids and are keyed `(person_id, id)` (ADR 0001).
 * What the product records beyond the contract (a corporate complaint's stage, a point's answer, who signs
 * the response, the enquiry and draft decision dates) has its own column and travels in the record's `ext`.
 */
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
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

export const complaints = pgTable(
  'complaints',
  {
    personId: personRef(),
    id: text('id').notNull(),
    receivedOn: civil('received_on').notNull(),
    /** A case-file Ref: "person", or a contact id. */
    complainant: text('complainant').notNull(),
    organisationIds: text('organisation_ids').array().notNull(),
    leadOrganisationId: text('lead_organisation_id').references(() => organisations.id),
    procedure: text('procedure').notNull(),
    /** Corporate complaints only: the Complaint Handling Code stage (1 or 2). */
    corporateStage: integer('corporate_stage'),
    acknowledgedOn: civil('acknowledged_on'),
    responseDue: civil('response_due'),
    respondedOn: civil('responded_on'),
    responseSignedBy: text('response_signed_by'),
    outcome: text('outcome'),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

export const complaintPoints = pgTable(
  'complaint_points',
  {
    personId: personRef(),
    id: text('id').notNull(),
    complaintId: text('complaint_id').notNull(),
    /** The order of the points in the complaint (and the letter). */
    position: integer('position').notNull(),
    text: text('text').notNull(),
    answered: boolean('answered').notNull(),
    answer: text('answer'),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] }), index('complaint_points_complaint_idx').on(t.personId, t.complaintId)],
);

export const ombudsmanCases = pgTable(
  'ombudsman_cases',
  {
    personId: personRef(),
    id: text('id').notNull(),
    body: text('body').notNull(),
    reference: text('reference').notNull(),
    complaintId: text('complaint_id'),
    enquiryOn: civil('enquiry_on'),
    draftDecisionOn: civil('draft_decision_on'),
    finalDecisionOn: civil('final_decision_on'),
    findings: text('findings').array().notNull(),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

export const ombudsmanRemedies = pgTable(
  'ombudsman_remedies',
  {
    personId: personRef(),
    id: text('id').notNull(),
    caseId: text('case_id').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    kind: text('kind').notNull(),
    dueWithin: text('due_within'),
    due: civil('due'),
    amountPence: integer('amount_pence'),
    /** A case-file Ref: a staff, organisation or contact id. */
    ownerId: text('owner_id'),
    completedOn: civil('completed_on'),
    evidence: text('evidence'),
    evidenceSentOn: civil('evidence_sent_on'),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] }), index('ombudsman_remedies_case_idx').on(t.personId, t.caseId)],
);

/** A review cohort of a service-improvement remedy, fixed when defined (domain/complaints/review-cohorts.ts). */
export const reviewCohorts = pgTable(
  'review_cohorts',
  {
    personId: personRef(),
    remedyId: text('remedy_id').notNull(),
    criterion: text('criterion').notNull(),
    label: text('label').notNull(),
    definedOn: civil('defined_on').notNull(),
    definedByOrganisationId: text('defined_by_organisation_id').references(() => organisations.id),
    members: jsonb('members').$type<{ personId: string; dutyId: string }[]>().notNull(),
    ...audited(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.remedyId] })],
);

export const cohortReviews = pgTable(
  'cohort_reviews',
  {
    personId: personRef(),
    remedyId: text('remedy_id').notNull(),
    memberPersonId: text('member_person_id').notNull(),
    memberDutyId: text('member_duty_id').notNull(),
    reviewedOn: civil('reviewed_on').notNull(),
    reviewedBy: text('reviewed_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.remedyId, t.memberPersonId, t.memberDutyId] })],
);
