/**
 * The register's request and response schemas (zod). The service validates every write with these, and the
 * `/api/v1` routes declare them so they appear in the OpenAPI document. Messages are written for the person
 * filling in the form (GOV.UK error message style); the API reports the same messages against field paths.
 */
import { z } from 'zod';
import { isCivilDate } from '../../domain/calendar/civil-date.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../../domain/case-file/nhs-number.ts';
import {
  contactRoles,
  detentionKinds,
  dutyEndReasons,
  placementPowers,
  residenceKinds,
  sections,
  staffRoles,
} from '../../domain/case-file/schema.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

const text = (missing: string, max = 200) =>
  z.preprocess(trimmed, z.string({ error: missing }).min(1, missing).max(max, `Must be ${max} characters or fewer`));
const optionalText = (max = 500) => z.preprocess(blankToUndefined, z.string().max(max, `Must be ${max} characters or fewer`).optional());
const date = (what: string) =>
  z.string({ error: `Enter ${what}` }).refine(isCivilDate, { message: `${capitalise(what)} must be a real date` });
const optionalDate = (what: string) => z.preprocess(blankToUndefined, date(what).optional());
const choice = <T extends readonly [string, ...string[]]>(values: T, missing: string) => z.enum(values, { error: missing });
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, missing: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: missing }).optional());
const lines = z.array(z.string().max(200)).max(10).optional();
const referenceId = (missing: string) => z.preprocess(trimmed, z.string({ error: missing }).min(1, missing).max(200));
const optionalReferenceId = z.preprocess(blankToUndefined, z.string().max(200).optional());
export const version = z.coerce.number({ error: 'Version is missing' }).int().positive();

function capitalise(value: string): string {
  return value.replace(/^(the |a |an )/, '').replace(/^./, (c) => c.toUpperCase());
}

const nhsNumber = z.preprocess(
  (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : normaliseNhsNumber(value)) : value),
  z
    .string()
    .regex(/^\d{10}$/, 'NHS number must be 10 digits, like 943 476 5919')
    .refine(isValidNhsNumber, { message: 'Enter a real NHS number: the last digit does not match the others' })
    .optional(),
);

/** Start before end: reported against the end field, the one a user would change. */
const ordered = <T extends z.ZodType>(schema: T, start: string, end: string, message: string) =>
  schema.superRefine((value, ctx) => {
    const record = value as Record<string, unknown>;
    const from = record[start];
    const to = record[end];
    if (typeof from === 'string' && typeof to === 'string' && isCivilDate(from) && isCivilDate(to) && to < from) {
      ctx.addIssue({ code: 'custom', path: [end], message });
    }
  });

export const personFields = {
  givenName: text('Enter the person’s given name'),
  familyName: text('Enter the person’s family name'),
  nhsNumber,
  dateOfBirth: optionalDate('the date of birth'),
  dateOfDeath: optionalDate('the date of death'),
  communicationNeeds: lines,
  address: lines,
  email: z.preprocess(blankToUndefined, z.email('Enter an email address in the correct format, like name@example.com').optional()),
  phone: optionalText(40),
};
export const personInput = ordered(z.strictObject(personFields), 'dateOfBirth', 'dateOfDeath', 'Date of death must be on or after the date of birth');
export const personUpdate = ordered(
  z.strictObject({ ...personFields, version }),
  'dateOfBirth',
  'dateOfDeath',
  'Date of death must be on or after the date of birth',
);
export type PersonInput = z.infer<typeof personInput>;
export type PersonUpdate = z.infer<typeof personUpdate>;

const contactFields = {
  name: text('Enter the contact’s name'),
  organisationId: optionalReferenceId,
  role: choice(contactRoles, 'Select the contact’s role'),
  actsForPerson: z.boolean({ error: 'Select whether the contact acts for the person' }),
  consent: z.strictObject({ given: z.boolean({ error: 'Select whether the person consents to share' }), date: date('the date consent was recorded') }).optional(),
  address: lines,
  email: z.preprocess(blankToUndefined, z.email('Enter an email address in the correct format, like name@example.com').optional()),
  phone: optionalText(40),
};
export const contactInput = z.strictObject(contactFields);
export const contactUpdate = z.strictObject({ ...contactFields, version });
export type ContactInput = z.infer<typeof contactInput>;

const leavePeriod = ordered(
  z.strictObject({ from: date('the date leave began'), to: optionalDate('the date leave ended'), kind: choice(['escorted', 'overnight', 'community_trial'] as const, 'Select the kind of leave') }),
  'from',
  'to',
  'Leave must end on or after the day it began',
);
const detentionFields = {
  section: choice(sections, 'Select the section of the Mental Health Act'),
  start: date('the date detention began'),
  end: optionalDate('the date detention ended'),
  leftHospital: optionalDate('the date the person left hospital'),
  continuesFrom: optionalReferenceId,
  hospital: optionalText(200),
  kind: optionalChoice(detentionKinds, 'Select the kind of detention'),
  leave: z.array(leavePeriod).optional(),
};
const detentionMessage = 'Date detention ended must be on or after the date it began';
export const detentionInput = ordered(z.strictObject(detentionFields), 'start', 'end', detentionMessage);
export const detentionUpdate = ordered(z.strictObject({ ...detentionFields, version }), 'start', 'end', detentionMessage);
export type DetentionInput = z.infer<typeof detentionInput>;

export const ctoInput = ordered(
  z.strictObject({ detentionId: referenceId('Select the detention the CTO follows'), start: date('the date the CTO began'), end: optionalDate('the date the CTO ended') }),
  'start',
  'end',
  'Date the CTO ended must be on or after the date it began',
);
export type CtoInput = z.infer<typeof ctoInput>;

export const residenceInput = ordered(
  z.strictObject({
    from: date('the date the person began living there'),
    to: optionalDate('the date the person left'),
    nation: choice(['england', 'wales', 'scotland', 'northern_ireland', 'elsewhere'] as const, 'Select the nation'),
    localAuthorityId: optionalReferenceId,
    healthBodyId: optionalReferenceId,
    kind: choice(residenceKinds, 'Select the kind of residence'),
    ordinarilyResident: optionalChoice(['yes', 'no', 'unknown'] as const, 'Select whether the person is ordinarily resident'),
    placedById: optionalReferenceId,
    placedUnder: optionalChoice(placementPowers, 'Select the power the placement was made under'),
    legalCondition: optionalChoice(['cto', 'conditional_discharge', 'guardianship', 'licence'] as const, 'Select the legal condition'),
  }),
  'from',
  'to',
  'Date the person left must be on or after the date they began living there',
);
export type ResidenceInput = z.infer<typeof residenceInput>;

export const gpRegistrationInput = ordered(
  z.strictObject({
    from: date('the date of registration'),
    to: optionalDate('the date registration ended'),
    practiceCode: optionalText(20),
    healthBodyId: referenceId('Select the ICB or health board of the practice'),
  }),
  'from',
  'to',
  'Date registration ended must be on or after the date of registration',
);
export type GpRegistrationInput = z.infer<typeof gpRegistrationInput>;

const dutyFields = {
  detentionId: referenceId('Select the detention the duty arose from'),
  start: date('the date the duty began'),
  localAuthorityId: referenceId('Select the responsible council'),
  healthBodyId: referenceId('Select the responsible ICB or health board'),
  end: optionalDate('the date the duty ended'),
  endReason: optionalChoice(dutyEndReasons, 'Select why the duty ended'),
};
const dutyMessage = 'Date the duty ended must be on or after the date it began';
const endReasonWithEnd = <T extends z.ZodType>(schema: T) =>
  schema.superRefine((value, ctx) => {
    const record = value as { end?: string; endReason?: string };
    if (record.end && !record.endReason) ctx.addIssue({ code: 'custom', path: ['endReason'], message: 'Select why the duty ended' });
    if (record.endReason && !record.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Enter the date the duty ended' });
  });
export const dutyInput = endReasonWithEnd(ordered(z.strictObject(dutyFields), 'start', 'end', dutyMessage));
export const dutyUpdate = endReasonWithEnd(ordered(z.strictObject({ ...dutyFields, version }), 'start', 'end', dutyMessage));
export type DutyInput = z.infer<typeof dutyInput>;
export type DutyUpdate = z.infer<typeof dutyUpdate>;

export const endDutyInput = z.strictObject({
  end: date('the date the duty ended'),
  endReason: choice(dutyEndReasons, 'Select why the duty ended'),
  version,
});
export type EndDutyInput = z.infer<typeof endDutyInput>;

export const allocationInput = z.strictObject({
  dutyId: referenceId('Select the duty the worker is allocated to'),
  staffId: referenceId('Select a worker'),
  from: date('the date the allocation starts'),
});
export type AllocationInput = z.infer<typeof allocationInput>;
export const endAllocationInput = z.strictObject({ to: date('the date the allocation ends'), version });
export type EndAllocationInput = z.infer<typeof endAllocationInput>;

export const shareInput = z.strictObject({ organisationId: referenceId('Select the organisation to share the case with') });

export const staffInput = z.strictObject({ id: optionalReferenceId, name: text('Enter the worker’s name'), organisationId: referenceId('Select an organisation'), role: optionalChoice(staffRoles, 'Select a role') });

export const registerSorts = ['name', 'nhsNumber', 'dateOfBirth', 'dutyStart', 'updated'] as const;
export const registerQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  organisation: optionalReferenceId,
  worker: optionalReferenceId,
  status: z.preprocess(blankToUndefined, z.enum(['open', 'ended', 'all']).default('all')),
  sort: z.preprocess(blankToUndefined, z.enum(registerSorts).default('name')),
  order: z.preprocess(blankToUndefined, z.enum(['asc', 'desc']).default('asc')),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(25)),
  /** Keyset paging: the page after (or before) the row this cursor names (`nextCursor` / `previousCursor` of a page); `page` is then ignored. */
  after: z.preprocess(blankToUndefined, z.string().max(1000).optional()),
  before: z.preprocess(blankToUndefined, z.string().max(1000).optional()),
});
export type RegisterQuery = z.infer<typeof registerQuery>;

const organisationRef = z.object({ id: z.string(), name: z.string() }).nullable();
export const registerRow = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  nhsNumber: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  openDuties: z.number().int(),
  latestDutyStart: z.string().nullable(),
  localAuthority: organisationRef,
  healthBody: organisationRef,
  workers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type RegisterRow = z.infer<typeof registerRow>;
export const registerPage = z.object({
  people: z.array(registerRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
  /** False when more people match than the count stops at: `total` is then that limit (“more than 10,000”). */
  totalExact: z.boolean(),
  /** Cursors for the next and previous pages (`?after=` / `?before=`), null where there is none. */
  nextCursor: z.string().nullable(),
  previousCursor: z.string().nullable(),
});
export type RegisterPage = z.infer<typeof registerPage>;

const versioned = { version: z.number().int() };
const optional = <T extends z.ZodType>(schema: T) => schema.optional();
export const personCaseSchema = z.object({
  person: z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    nhsNumber: optional(z.string()),
    dateOfBirth: optional(z.string()),
    dateOfDeath: optional(z.string()),
    communicationNeeds: optional(z.array(z.string())),
    address: optional(z.array(z.string())),
    email: optional(z.string()),
    phone: optional(z.string()),
    createdByOrganisationId: z.string().nullable(),
    ...versioned,
  }),
  contacts: z.array(z.looseObject({ id: z.string(), name: z.string(), role: z.string(), actsForPerson: z.boolean(), ...versioned })),
  detentions: z.array(z.looseObject({ id: z.string(), section: z.string(), start: z.string(), ...versioned })),
  ctos: z.array(z.looseObject({ id: z.string(), detentionId: z.string(), start: z.string(), ...versioned })),
  residences: z.array(z.looseObject({ id: z.string(), from: z.string(), nation: z.string(), kind: z.string(), ...versioned })),
  gpRegistrations: z.array(z.looseObject({ id: z.string(), from: z.string(), healthBodyId: z.string(), ...versioned })),
  duties: z.array(
    z.looseObject({ id: z.string(), detentionId: z.string(), start: z.string(), localAuthorityId: z.string(), healthBodyId: z.string(), ...versioned }),
  ),
  disputes: z.array(z.looseObject({ id: z.string(), dutyId: z.string(), ...versioned })),
  allocations: z.array(z.looseObject({ id: z.string(), dutyId: z.string(), staffId: z.string(), from: z.string(), ...versioned })),
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      code: z.string().optional(),
      validFrom: z.string().optional(),
      validTo: z.string().optional(),
      successorId: z.string().optional(),
    }),
  ),
  staff: z.array(z.object({ id: z.string(), name: z.string(), organisationId: z.string(), role: z.string().optional() })),
  sharedWith: z.array(z.string()),
});
export type PersonCaseDto = z.infer<typeof personCaseSchema>;
export const createdResponse = z.object({ id: z.string(), version: z.number().int() });
