/**
 * The mapping file (`mapping.json`, schema `aftercare.register-mapping/v1`) that says which column of a
 * council's register spreadsheet holds which field, how its dates are written and how its values translate.
 * `suggestMapping(headers)` drafts one from the header names for a person to check.
 */
import { z } from 'zod';
import { serviceKinds } from '../../case-file/schema.ts';
import { dateFormats } from './dates.ts';

export const registerFields = [
  'person.localId', 'person.givenName', 'person.familyName', 'person.fullName', 'person.nhsNumber', 'person.dateOfBirth',
  'detention.section', 'detention.start', 'detention.end', 'detention.leftHospital', 'detention.hospital',
  'duty.start', 'duty.end', 'duty.localAuthority', 'duty.healthBody',
  'allocation.worker', 'allocation.from',
  'service.description', 'service.kind', 'service.provider', 'service.start', 'service.end', 'service.weeklyCost',
] as const;
export type RegisterField = (typeof registerFields)[number];

export const dateFields: readonly RegisterField[] = [
  'person.dateOfBirth', 'detention.start', 'detention.end', 'detention.leftHospital', 'duty.start', 'duty.end',
  'allocation.from', 'service.start', 'service.end',
];

const columnMapping = z.strictObject({
  field: z.enum(registerFields),
  dateFormat: z.enum(dateFormats).optional(),
  /** Values as the sheet writes them → as Aftercare wants them ("Res care" → "residential_care", "Worcs" → "E10000034"). */
  values: z.record(z.string(), z.string()).optional(),
});
export type ColumnMapping = z.infer<typeof columnMapping>;

export const registerMappingSchema = z.strictObject({
  schema: z.literal('aftercare.register-mapping/v1'),
  /** Header → field (or the full form); a header mapped to null is read and ignored. */
  columns: z.record(z.string(), z.union([z.enum(registerFields), columnMapping, z.null()])),
  dateFormat: z.enum(dateFormats).default('DD/MM/YYYY'),
  /** How the section column is written: MHSDS codes, section names, or decide per value (see legal-status.ts). */
  legalStatusScheme: z.enum(['auto', 'mhsds', 'section']).default('auto'),
  /** Names or abbreviations of councils and health bodies the sheet uses → their GSS or ODS code. */
  organisations: z.record(z.string(), z.string()).default({}),
  /** Whether the services listed are s117 aftercare (free at the point of use); default true for an s117 register. */
  servicesAreAftercare: z.boolean().default(true),
});
export type RegisterMapping = z.infer<typeof registerMappingSchema>;
export type RegisterMappingInput = z.input<typeof registerMappingSchema>;

export type MappingReading = { ok: true; mapping: RegisterMapping } | { ok: false; issues: { path: string; message: string }[] };

/** Reads a mapping file, with every problem at once: shape, fields mapped twice, required fields missing. */
export function readRegisterMapping(input: unknown): MappingReading {
  const parsed = registerMappingSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  }
  const issues: { path: string; message: string }[] = [];
  const headersByField = new Map<RegisterField, string>();
  for (const [header, target] of Object.entries(parsed.data.columns)) {
    const field = fieldOf(target);
    if (!field) continue;
    const earlier = headersByField.get(field);
    if (earlier !== undefined) issues.push({ path: `columns.${header}`, message: `${field} is already read from the column "${earlier}"` });
    else headersByField.set(field, header);
  }
  const has = (f: RegisterField) => headersByField.has(f);
  const required: [boolean, string][] = [
    [has('person.fullName') || (has('person.givenName') && has('person.familyName')), 'person.fullName, or person.givenName and person.familyName'],
    [has('detention.section'), 'detention.section'],
    [has('detention.start'), 'detention.start'],
    [has('duty.start') || has('detention.leftHospital') || has('detention.end'), 'duty.start (or a discharge date to take it from)'],
    [has('duty.localAuthority'), 'duty.localAuthority'],
    [has('duty.healthBody'), 'duty.healthBody'],
  ];
  for (const [present, what] of required) if (!present) issues.push({ path: 'columns', message: `no column is mapped to ${what}` });
  for (const [header, target] of Object.entries(parsed.data.columns)) {
    if (fieldOf(target) === 'service.kind' && typeof target === 'object' && target?.values) {
      for (const [from, to] of Object.entries(target.values)) {
        if (!(serviceKinds as readonly string[]).includes(to)) issues.push({ path: `columns.${header}.values.${from}`, message: `${to} is not a service kind` });
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, mapping: parsed.data };
}

export function fieldOf(target: RegisterField | ColumnMapping | null | undefined): RegisterField | undefined {
  if (target === null || target === undefined) return undefined;
  return typeof target === 'string' ? target : target.field;
}

/** Header words that suggest each field, matched after lower-casing and dropping punctuation. First match wins. */
const headerSynonyms: [RegisterField, RegExp][] = [
  ['person.nhsNumber', /^nhs ?(no|number|num)?$/],
  ['person.localId', /^(client|person|service ?user|mosaic|liquidlogic|lcs|eclipse|carefirst|swift|local) ?(id|no|number|ref|reference)$|^id$/],
  ['person.dateOfBirth', /^(dob|date ?of ?birth|birth ?date)$/],
  ['person.givenName', /^(first|given|fore) ?names?$|^forename$/],
  ['person.familyName', /^(sur|last|family) ?name$/],
  ['person.fullName', /^(full ?)?name$|^(client|patient|service ?user) ?name$/],
  ['detention.section', /^(mha ?)?(section|sec|legal ?status)( ?code)?$|^(detained ?under|detention ?section)$/],
  ['detention.start', /^(date ?of ?)?(detention|detained|admission|admitted|section) ?(start|date|from)?( ?date)?$/],
  ['detention.leftHospital', /^(date ?of ?)?(discharge|discharged|left ?hospital)( ?from ?hospital)?( ?date)?$/],
  ['detention.end', /^(section|detention) ?(end|ended|ceased|lifted)( ?date)?$/],
  ['detention.hospital', /^(hospital|ward|unit|hospital ?name)$/],
  ['duty.start', /^(s ?117|aftercare|duty) ?(start|from|began)( ?date)?$/],
  ['duty.end', /^(s ?117|aftercare|duty) ?(end|ended|discharged|to)( ?date)?$/],
  ['duty.localAuthority', /^(responsible ?)?(la|local ?authority|council)( ?code)?$/],
  ['duty.healthBody', /^(responsible ?)?(icb|ccg|health ?board|lhb|health ?body|nhs ?body|commissioner)( ?code)?$/],
  ['allocation.worker', /^(allocated ?)?(worker|social ?worker|care ?coordinator|care ?co ?ordinator|cco)( ?name)?$/],
  ['allocation.from', /^allocat(ed|ion) ?(date|from)$/],
  ['service.description', /^(service|package|care ?package|placement)( ?description| ?details)?$/],
  ['service.kind', /^(service|package|placement) ?(type|kind|category)$/],
  ['service.provider', /^(provider|care ?provider|provider ?name)$/],
  ['service.start', /^(service|package|placement) ?start( ?date)?$/],
  ['service.end', /^(service|package|placement) ?end( ?date)?$/],
  ['service.weeklyCost', /^(weekly ?)?(cost|price|fee)( ?per ?week| ?pw| ?weekly)?$/],
];

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A draft mapping from header names, with the headers it could not place (mapped to null, for a person to decide). */
export function suggestMapping(headers: readonly string[]): { mapping: RegisterMappingInput; unmatched: string[] } {
  const columns: Record<string, RegisterField | null> = {};
  const taken = new Set<RegisterField>();
  const unmatched: string[] = [];
  for (const header of headers) {
    const normal = normaliseHeader(header);
    const match = headerSynonyms.find(([field, pattern]) => !taken.has(field) && pattern.test(normal));
    if (match) {
      columns[header] = match[0];
      taken.add(match[0]);
    } else {
      columns[header] = null;
      unmatched.push(header);
    }
  }
  const mhsds = headers.some((h) => /mhsds|legal ?status ?code/i.test(h));
  return { mapping: { schema: 'aftercare.register-mapping/v1', columns, ...(mhsds ? { legalStatusScheme: 'mhsds' as const } : {}) }, unmatched };
}
