import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import reference from '../../../../../reference-data/organisations.json' with { type: 'json' };
import type { Organisation } from '../../../../../src/domain/case-file/schema.ts';
import { validateCaseFile } from '../../../../../src/domain/case-file/validate.ts';
import { parseCsv, type CsvRecord } from '../../../../../src/domain/interop/legacy-register/csv.ts';
import { readRegisterMapping, suggestMapping, type RegisterMapping } from '../../../../../src/domain/interop/legacy-register/mapping.ts';
import { planImport, readPence, type RowPlan } from '../../../../../src/domain/interop/legacy-register/plan.ts';
import { caseFilesFromPlan } from '../../../../../src/domain/interop/legacy-register/case-files.ts';

const organisations = reference.organisations as Organisation[];
const fixture = (name: string) => readFileSync(new URL(`../../../../fixtures/interop/${name}`, import.meta.url), 'utf8');

function records(): CsvRecord[] {
  const csv = parseCsv(fixture('messy-register.csv'));
  assert.ok(csv.ok);
  return csv.records;
}
function mapping(): RegisterMapping {
  const reading = readRegisterMapping(JSON.parse(fixture('mapping.json')));
  assert.ok(reading.ok, JSON.stringify(reading));
  return reading.mapping;
}
const plan = () => planImport(records(), mapping(), { organisations, today: '2026-11-27' });
const row = (rows: RowPlan[], line: number) => rows.find((r) => r.line === line)!;

test('suggestMapping places every column of the messy register but the notes', () => {
  const { mapping: suggested, unmatched } = suggestMapping(records()[0]!.fields);
  assert.deepEqual(unmatched, ['Notes']);
  const expected = mapping().columns;
  for (const [header, field] of Object.entries(suggested.columns)) {
    const want = expected[header];
    assert.equal(field, typeof want === 'object' && want !== null ? want.field : want, header);
  }
  assert.ok(readRegisterMapping(suggested).ok);
});

test('suggestMapping recognises other common headers and an MHSDS legal status column', () => {
  const { mapping: suggested } = suggestMapping(['NHS Number', 'Forename', 'Surname', 'Date of Birth', 'Legal Status Code', 'Section Start Date', 'Council', 'CCG', 'Care Co-ordinator']);
  assert.deepEqual(suggested.columns, {
    'NHS Number': 'person.nhsNumber', Forename: 'person.givenName', Surname: 'person.familyName', 'Date of Birth': 'person.dateOfBirth',
    'Legal Status Code': 'detention.section', 'Section Start Date': 'detention.start', Council: 'duty.localAuthority', CCG: 'duty.healthBody',
    'Care Co-ordinator': 'allocation.worker',
  });
  assert.equal(suggested.legalStatusScheme, 'mhsds');
});

test('readRegisterMapping lists every problem at once', () => {
  const reading = readRegisterMapping({
    schema: 'aftercare.register-mapping/v1',
    columns: { A: 'person.fullName', B: 'person.fullName', C: { field: 'service.kind', values: { x: 'castle' } } },
  });
  assert.equal(reading.ok, false);
  const messages = !reading.ok ? reading.issues.map((i) => `${i.path}: ${i.message}`) : [];
  assert.deepEqual(messages, [
    'columns.B: person.fullName is already read from the column "A"',
    'columns: no column is mapped to detention.section',
    'columns: no column is mapped to detention.start',
    'columns: no column is mapped to duty.start (or a discharge date to take it from)',
    'columns: no column is mapped to duty.localAuthority',
    'columns: no column is mapped to duty.healthBody',
    'columns.C.values.x: castle is not a service kind',
  ]);
  assert.equal(readRegisterMapping({ schema: 'other', columns: {} }).ok, false);
});

test('the messy register: each row is ready or rejected with its reasons', () => {
  const { rows, summary, fileProblems } = plan();
  assert.deepEqual(fileProblems, []);
  assert.deepEqual(summary, { rows: 13, ready: 6, rejected: 7 });
  const reasons = (line: number) => {
    const r = row(rows, line);
    return r.status === 'rejected' ? r.reasons.map((p) => `${p.column ?? '-'}: ${p.message}`) : r.status;
  };
  assert.equal(reasons(2), 'ready');
  assert.equal(reasons(3), 'ready'); // a quoted note over two lines; the next record starts on line 5
  assert.deepEqual(reasons(5), ['NHS No: 9990000124 is not a valid NHS number (10 digits with a correct check digit)']);
  assert.deepEqual(reasons(6), ['Section: CTO is a community treatment order, not a detention: record the section 3 or 37 detention it followed']);
  assert.deepEqual(reasons(7), ['DOB: 31/02/1970 is not a real date']);
  assert.deepEqual(reasons(8), ['Responsible LA: Borsetshire is not a code or name of a council Aftercare knows']);
  assert.deepEqual(reasons(9), [
    'Responsible LA: Cumbria (county council) (E10000006) ceased on 2023-04-01, so it was gone when the duty began on 2024-05-01: it should be Cumberland (E06000063) or Westmorland and Furness (E06000064)',
  ]);
  assert.equal(reasons(10), 'ready');
  assert.equal(reasons(11), 'ready');
  assert.equal(reasons(12), 'ready');
  assert.equal(reasons(13), 'ready');
  assert.deepEqual(reasons(15), ['-: the same person as line 13 (NHS number) but with a different name or date of birth']);
  assert.deepEqual(reasons(16), [
    '-: has 2 fields where the header has 16',
    "Name: the person's given and family names are both needed",
    'Section: the section is missing',
    'Date of Admission: the detention start date is missing',
    'S117 Start Date: the aftercare duty start date is missing, and there is no discharge date to take it from',
    'Responsible LA: the council is missing',
    'Responsible ICB: the health body is missing',
  ]);
});

test('a ready row creates the person, detention, duty, allocation and service it describes', () => {
  const first = row(plan().rows, 2);
  assert.equal(first.status, 'ready');
  if (first.status !== 'ready') return;
  const c = first.creates;
  assert.deepEqual(c.person, { id: 'legacy-2', givenName: 'Jo', familyName: 'Smith', nhsNumber: '9990000042', dateOfBirth: '1980-03-14', ext: { legacyRegisterId: 'M1001' } });
  assert.deepEqual(c.detention, { id: 'd2', section: '3', start: '2024-01-02', leftHospital: '2024-04-15' });
  assert.deepEqual(c.duty, { id: 'du2', detentionId: 'd2', start: '2024-04-15', localAuthorityId: 'gss-E10000034', healthBodyId: 'ods-QGH' });
  assert.deepEqual(c.staff, { id: 'staff-sam-social', name: 'Sam Social', organisationId: 'gss-E10000034' });
  assert.deepEqual(c.allocation, { dutyId: 'du2', staffId: 'staff-sam-social', from: '2024-04-15' });
  assert.deepEqual(c.service, {
    id: 'sv2', dutyId: 'du2', needIds: [], description: 'Supported living at Elm House', kind: 'supported_living', status: 'active',
    aftercare: true, weeklyCostPence: 125000, providerId: 'provider-elm-house-ltd',
  });
  assert.deepEqual(c.organisations.map((o) => o.id), ['gss-E10000034', 'ods-QGH', 'provider-elm-house-ltd']);
  assert.deepEqual(first.warnings, []);
});

test('warnings: duty start taken from discharge, no NHS number, a body created after the duty began', () => {
  const { rows } = plan();
  assert.deepEqual(row(rows, 3).warnings, ['the aftercare duty start is taken as 2024-02-01, the day the person left hospital']);
  assert.deepEqual(row(rows, 12).warnings, ['no NHS number: the person cannot be matched with NHS records']);
  const dee = row(rows, 13);
  assert.match(dee.warnings[0]!, /Humber and North Yorkshire .* created on 2022-07-01, after the duty began on 2021-03-01/);
  // "North Yorkshire" in 2021 is the county council, not the unitary council created in 2023
  assert.equal(dee.status === 'ready' && dee.creates.duty.localAuthorityId, 'gss-E10000023');
  const welsh = row(rows, 11);
  assert.equal(welsh.status === 'ready' && `${welsh.creates.duty.localAuthorityId} ${welsh.creates.duty.healthBodyId} ${welsh.creates.detention.section}`, 'gss-W06000015 ods-7A4 3');
});

test('a second row for the same NHS number reuses the person', () => {
  const again = row(plan().rows, 10);
  assert.ok(again.status === 'ready');
  assert.equal(again.creates.person.id, 'legacy-2');
  assert.equal(again.creates.personFromLine, 2);
});

test('the ready rows become valid case files, one per person', () => {
  const files = caseFilesFromPlan(plan(), organisations);
  assert.deepEqual(files.map((f) => f.person.id), ['legacy-2', 'legacy-3', 'legacy-11', 'legacy-12', 'legacy-13']);
  for (const file of files) {
    const result = validateCaseFile(file);
    assert.ok(result.ok, `${file.person.id}: ${JSON.stringify(!result.ok && result.errors)}`);
  }
  const jo = files[0]!;
  assert.deepEqual(jo.duties.map((d) => d.id), ['du2', 'du10']);
  assert.deepEqual(jo.staff.map((s) => s.id), ['staff-sam-social']);
  // the county council of 2021 brings its successor, as a case file holds every organisation it refers to
  assert.deepEqual(files[4]!.organisations.map((o) => o.id), ['gss-E10000023', 'gss-E06000065', 'ods-QOQ', 'provider-moorview-care']);
});

test('a mapping that names a column the file lacks plans nothing', () => {
  const m = mapping();
  m.columns = { ...m.columns, 'Mental Health Act Section': 'detention.hospital' };
  const result = planImport(records(), m, { organisations, today: '2026-11-27' });
  assert.deepEqual(result.fileProblems, ['the mapping reads the column "Mental Health Act Section", which the file does not have']);
  assert.deepEqual(result.rows, []);
});

test('readPence', () => {
  assert.equal(readPence('£1,250.00'), 125000);
  assert.equal(readPence('85'), 8500);
  assert.equal(readPence('12.5'), 1250);
  assert.equal(readPence('-5'), undefined);
  assert.equal(readPence('about £50'), undefined);
  assert.equal(readPence('1,25'), undefined);
});
