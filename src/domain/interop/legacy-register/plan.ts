/**
 * Plans the import of a council's register spreadsheet: for each row, the case-file records it would create
 * (person, detention, duty, allocation, service) or every reason it cannot. A row is taken whole or not at
 * all. Nothing is written here; the import command applies a plan whose rows are all ready, or only its ready
 * rows when the user says so, and always reports the rest.
 */
import type { Allocation, Detention, Duty, Organisation, Person, Service, Staff } from '../../case-file/schema.ts';
import { serviceKinds } from '../../case-file/schema.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../../case-file/nhs-number.ts';
import { readLegalStatus } from '../legal-status.ts';
import type { CsvRecord } from './csv.ts';
import { readDate } from './dates.ts';
import { dateFields, fieldOf, type ColumnMapping, type RegisterField, type RegisterMapping } from './mapping.ts';
import { readOrganisation } from './organisations.ts';

export interface RowProblem {
  column?: string;
  message: string;
}
export interface PlannedRecords {
  person: Person;
  /** The line of an earlier row that already creates this person (same NHS number or local id); the person is not created twice. */
  personFromLine?: number;
  detention: Detention;
  duty: Duty;
  staff?: Staff;
  allocation?: Allocation;
  service?: Service;
  /** The reference councils and health bodies, and any new provider, the records refer to. */
  organisations: Organisation[];
}
export type RowPlan =
  | { line: number; status: 'ready'; creates: PlannedRecords; warnings: string[] }
  | { line: number; status: 'rejected'; reasons: RowProblem[]; warnings: string[] };
export interface ImportPlan {
  /** Problems with the file as a whole (a mapped column missing from it); when present no row is planned. */
  fileProblems: string[];
  rows: RowPlan[];
  summary: { rows: number; ready: number; rejected: number };
}

export interface PlanOptions {
  /** Councils, ICBs and LHBs (reference-data/organisations.json). */
  organisations: readonly Organisation[];
  /** Today's date, to tell active services from ended and planned ones. */
  today: string;
}

/** `records[0]` is the header row. */
export function planImport(records: readonly CsvRecord[], mapping: RegisterMapping, options: PlanOptions): ImportPlan {
  const [header, ...body] = records;
  const headers = header?.fields.map((h) => h.trim()) ?? [];
  const fileProblems = Object.entries(mapping.columns)
    .filter(([name, target]) => target !== null && !headers.includes(name.trim()))
    .map(([name]) => `the mapping reads the column "${name}", which the file does not have`);
  if (fileProblems.length > 0) return { fileProblems, rows: [], summary: { rows: body.length, ready: 0, rejected: 0 } };

  const columnOf = new Map<RegisterField, { header: string; index: number; spec: ColumnMapping }>();
  for (const [name, target] of Object.entries(mapping.columns)) {
    const field = fieldOf(target);
    if (!field) continue;
    columnOf.set(field, { header: name, index: headers.indexOf(name.trim()), spec: typeof target === 'string' ? { field } : target! });
  }
  const rows = linkSamePerson(body.map((record) => planRow(record, headers.length, columnOf, mapping, options)));
  const ready = rows.filter((r) => r.status === 'ready').length;
  return { fileProblems, rows, summary: { rows: rows.length, ready, rejected: rows.length - ready } };
}

type Columns = ReadonlyMap<RegisterField, { header: string; index: number; spec: ColumnMapping }>;

function planRow(record: CsvRecord, width: number, columns: Columns, mapping: RegisterMapping, options: PlanOptions): RowPlan {
  const reasons: RowProblem[] = [];
  const warnings: string[] = [];
  const line = record.line;
  if (record.fields.length !== width) reasons.push({ message: `has ${record.fields.length} fields where the header has ${width}` });

  const raw = (field: RegisterField): string | undefined => {
    const column = columns.get(field);
    if (!column) return undefined;
    const cell = (record.fields[column.index] ?? '').trim();
    const mapped = column.spec.values?.[cell] ?? cell;
    return mapped === '' ? undefined : mapped;
  };
  const problem = (field: RegisterField, message: string) => reasons.push({ column: columns.get(field)?.header, message });
  const date = (field: RegisterField): string | undefined => {
    const value = raw(field);
    if (value === undefined) return undefined;
    const reading = readDate(value, columns.get(field)?.spec.dateFormat ?? mapping.dateFormat);
    if (!reading.ok) problem(field, reading.reason);
    return reading.ok ? reading.date : undefined;
  };
  const required = <T>(field: RegisterField, value: T | undefined, what: string): T | undefined => {
    if (value === undefined && raw(field) === undefined) problem(field, `${what} is missing`);
    return value;
  };
  const dates = Object.fromEntries(dateFields.map((f) => [f, date(f)])) as Partial<Record<RegisterField, string>>;

  // person
  let givenName = raw('person.givenName');
  let familyName = raw('person.familyName');
  const fullName = raw('person.fullName');
  if (fullName && (!givenName || !familyName)) [givenName, familyName] = splitName(fullName);
  if (!givenName || !familyName) reasons.push({ column: columns.get('person.fullName')?.header ?? columns.get('person.familyName')?.header, message: 'the person\'s given and family names are both needed' });
  const nhsInput = raw('person.nhsNumber');
  const nhsNumber = nhsInput === undefined ? undefined : normaliseNhsNumber(nhsInput);
  if (nhsNumber !== undefined && !isValidNhsNumber(nhsNumber)) problem('person.nhsNumber', `${nhsInput} is not a valid NHS number (10 digits with a correct check digit)`);
  if (nhsNumber === undefined) warnings.push('no NHS number: the person cannot be matched with NHS records');

  // detention
  const sectionInput = raw('detention.section');
  const status = sectionInput === undefined ? undefined : readLegalStatus(sectionInput, mapping.legalStatusScheme);
  if (status && !status.ok) problem('detention.section', status.reason);
  required('detention.section', sectionInput, 'the section');
  const detentionStart = required('detention.start', dates['detention.start'], 'the detention start date');

  // duty
  let dutyStart = dates['duty.start'];
  if (dutyStart === undefined && raw('duty.start') === undefined) {
    dutyStart = dates['detention.leftHospital'] ?? dates['detention.end'];
    if (dutyStart) warnings.push(`the aftercare duty start is taken as ${dutyStart}, the day the person left hospital`);
    else problem('duty.start', 'the aftercare duty start date is missing, and there is no discharge date to take it from');
  }
  const organisation = (field: 'duty.localAuthority' | 'duty.healthBody') => {
    const cell = raw(field);
    if (cell === undefined) return problem(field, `the ${field === 'duty.localAuthority' ? 'council' : 'health body'} is missing`), undefined;
    const reading = readOrganisation(cell, field === 'duty.localAuthority' ? 'localAuthority' : 'healthBody', dutyStart, options.organisations, mapping.organisations);
    if (!reading.ok) return problem(field, reading.reason), undefined;
    if (reading.warning) warnings.push(reading.warning);
    return reading.organisation;
  };
  const localAuthority = organisation('duty.localAuthority');
  const healthBody = organisation('duty.healthBody');

  checkOrder(dates, [
    ['person.dateOfBirth', 'detention.start', 'the date of birth is after the detention began'],
    ['detention.start', 'detention.end', 'the detention ends before it began'],
    ['detention.start', 'duty.start', 'the aftercare duty starts before the detention began'],
    ['duty.start', 'duty.end', 'the aftercare duty ends before it began'],
    ['service.start', 'service.end', 'the service ends before it began'],
  ], (field, message) => problem(field, message));

  const service = planService(raw, dates, mapping, options.today, line, problem, warnings);
  if (reasons.length > 0 || !status?.ok || !detentionStart || !dutyStart || !localAuthority || !healthBody || !givenName || !familyName) {
    return { line, status: 'rejected', reasons, warnings };
  }

  const ids = { person: `legacy-${line}`, detention: `d${line}`, duty: `du${line}` };
  const person: Person = { id: ids.person, givenName, familyName, ...(nhsNumber && { nhsNumber }), ...(dates['person.dateOfBirth'] && { dateOfBirth: dates['person.dateOfBirth'] }) };
  const localId = raw('person.localId');
  if (localId) person.ext = { legacyRegisterId: localId };
  const detention: Detention = {
    id: ids.detention, section: status.section, start: detentionStart,
    ...(dates['detention.end'] && { end: dates['detention.end'] }),
    ...(dates['detention.leftHospital'] && { leftHospital: dates['detention.leftHospital'] }),
    ...(raw('detention.hospital') && { hospital: raw('detention.hospital') }),
  };
  const duty: Duty = { id: ids.duty, detentionId: ids.detention, start: dutyStart, localAuthorityId: localAuthority.id, healthBodyId: healthBody.id, ...(dates['duty.end'] && { end: dates['duty.end'] }) };
  const creates: PlannedRecords = { person, detention, duty, organisations: [localAuthority, healthBody] };

  const worker = raw('allocation.worker');
  if (worker) {
    creates.staff = { id: `staff-${slug(worker)}`, name: worker, organisationId: localAuthority.id };
    creates.allocation = { dutyId: ids.duty, staffId: creates.staff.id, from: dates['allocation.from'] ?? dutyStart };
  }
  if (service) {
    creates.service = { ...service.record, dutyId: ids.duty };
    if (service.provider) {
      creates.organisations.push(service.provider);
      creates.service.providerId = service.provider.id;
    }
  }
  return { line, status: 'ready', creates, warnings };
}

function planService(
  raw: (f: RegisterField) => string | undefined,
  dates: Partial<Record<RegisterField, string>>,
  mapping: RegisterMapping,
  today: string,
  line: number,
  problem: (f: RegisterField, m: string) => void,
  warnings: string[],
): { record: Omit<Service, 'dutyId'>; provider?: Organisation } | undefined {
  const fields = ['service.description', 'service.kind', 'service.provider', 'service.start', 'service.end', 'service.weeklyCost'] as const;
  if (fields.every((f) => raw(f) === undefined)) return undefined;
  const kindInput = raw('service.kind');
  const kind = kindInput === undefined ? 'other' : (serviceKinds.find((k) => k === kindInput.toLowerCase().replace(/[\s-]+/g, '_')) ?? 'other');
  if (kindInput !== undefined && kind === 'other' && kindInput.toLowerCase() !== 'other') warnings.push(`the service type "${kindInput}" is not one Aftercare knows: recorded as "other" (add it to the mapping's values)`);
  const description = raw('service.description') ?? kindInput ?? raw('service.provider');
  if (!description) problem('service.description', 'a service is listed without a description or type');
  const costInput = raw('service.weeklyCost');
  const weeklyCostPence = costInput === undefined ? undefined : readPence(costInput);
  if (costInput !== undefined && weeklyCostPence === undefined) problem('service.weeklyCost', `${costInput} is not an amount of money`);
  const start = dates['service.start'];
  const end = dates['service.end'];
  const status = end !== undefined && end <= today ? 'ended' : start !== undefined && start > today ? 'planned' : 'active';
  const providerName = raw('service.provider');
  const provider: Organisation | undefined = providerName ? { id: `provider-${slug(providerName)}`, name: providerName, kind: 'provider' } : undefined;
  return {
    record: {
      id: `sv${line}`, needIds: [], description: description ?? '', kind, status, aftercare: mapping.servicesAreAftercare,
      ...(start && { start }), ...(end && { end }), ...(weeklyCostPence !== undefined && { weeklyCostPence }),
    },
    ...(provider && { provider }),
  };
}

function checkOrder(dates: Partial<Record<RegisterField, string>>, pairs: [RegisterField, RegisterField, string][], problem: (f: RegisterField, m: string) => void) {
  for (const [earlier, later, message] of pairs) {
    const a = dates[earlier];
    const b = dates[later];
    if (a !== undefined && b !== undefined && b < a) problem(later, message);
  }
}

/** "£1,234.50", "1234.5", "450" → pence; negative or other text → undefined. */
export function readPence(input: string): number | undefined {
  const match = /^£?\s*(\d{1,3}(,\d{3})+|\d+)(\.(\d{1,2}))?$/.exec(input.trim());
  if (!match) return undefined;
  return Number(match[1]!.replace(/,/g, '')) * 100 + Number((match[4] ?? '0').padEnd(2, '0'));
}

/** "Smith, Jo" → [Jo, Smith]; "Jo Anne Smith" → [Jo Anne, Smith]. */
function splitName(full: string): [string | undefined, string | undefined] {
  const comma = full.split(',').map((p) => p.trim());
  if (comma.length === 2 && comma[0] && comma[1]) return [comma[1], comma[0]];
  const words = full.trim().split(/\s+/);
  return words.length < 2 ? [undefined, undefined] : [words.slice(0, -1).join(' '), words.at(-1)];
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Rows for the same person (same NHS number, else same local id) share the person of the first ready row. */
function linkSamePerson(rows: readonly RowPlan[]): RowPlan[] {
  const first = new Map<string, Extract<RowPlan, { status: 'ready' }>>();
  return rows.map((row): RowPlan => {
    if (row.status !== 'ready') return row;
    const p = row.creates.person;
    const local = p.ext?.['legacyRegisterId'];
    const key = p.nhsNumber ? `nhs:${p.nhsNumber}` : typeof local === 'string' ? `local:${local}` : undefined;
    const earlier = key === undefined ? undefined : first.get(key);
    if (key === undefined || earlier === undefined) {
      if (key !== undefined) first.set(key, row);
      return row;
    }
    const q = earlier.creates.person;
    if (q.dateOfBirth !== p.dateOfBirth || q.familyName.toLowerCase() !== p.familyName.toLowerCase()) {
      const what = key.startsWith('nhs') ? 'NHS number' : 'local id';
      return { line: row.line, status: 'rejected', reasons: [{ message: `the same person as line ${earlier.line} (${what}) but with a different name or date of birth` }], warnings: row.warnings };
    }
    return { ...row, creates: { ...row.creates, person: q, personFromLine: earlier.line } };
  });
}
