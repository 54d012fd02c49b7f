import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { CaseFile } from '../../../../../src/domain/case-file/schema.ts';
import { validateCaseFile } from '../../../../../src/domain/case-file/validate.ts';
import { caseFileToFhirBundle, DEFAULT_SYSTEM_BASE } from '../../../../../src/domain/interop/fhir/bundle.ts';
import { LEGAL_STATUS_CODE_SYSTEM } from '../../../../../src/domain/interop/legal-status.ts';
import type { Bundle, Resource } from '../../../../../src/domain/interop/fhir/types.ts';
import { validCaseFile } from '../../case-file/valid-case-file.ts';
import { fhirResourceErrors, fhirSchemaErrors, FHIR_R4_SCHEMA_ID } from './fhir-schema.ts';

const generatedAt = '2026-11-27T10:00:00Z';
const fixturesDir = new URL('../../../../fixtures/', import.meta.url);

function fixtureCaseFiles(): [string, CaseFile][] {
  const files = [
    ...readdirSync(new URL('law/', fixturesDir)).filter((f) => f.startsWith('TC-')).map((f) => `law/${f}`),
    'alerts/mr-b.json',
    'reference/lgsco-24-014-179.json',
  ];
  return files.map((name) => {
    const result = validateCaseFile(JSON.parse(readFileSync(new URL(name, fixturesDir), 'utf8')));
    assert.ok(result.ok, name);
    return [name, result.caseFile];
  });
}

function richCaseFile(): CaseFile {
  const file = validCaseFile();
  file.person.nhsNumber = '9990000042';
  return file;
}
const bundleOf = (file: CaseFile) => caseFileToFhirBundle(file, { generatedAt });
const resources = (bundle: Bundle, type?: string) => bundle.entry.map((e) => e.resource).filter((r) => type === undefined || r.resourceType === type);
const only = (bundle: Bundle, type: string): Resource => {
  const found = resources(bundle, type);
  assert.equal(found.length, 1, type);
  return found[0]!;
};

test('the schema is the FHIR R4 JSON Schema', () => {
  assert.equal(FHIR_R4_SCHEMA_ID, 'http://hl7.org/fhir/json-schema/4.0');
});

test('every fixture case file exports as a bundle valid against the FHIR R4 JSON Schema', () => {
  const cases = [...fixtureCaseFiles(), ['valid-case-file', richCaseFile()] as [string, CaseFile]];
  assert.ok(cases.length > 20);
  for (const [name, file] of cases) {
    const bundle = bundleOf(file);
    assert.deepEqual(fhirSchemaErrors(bundle), [], name);
    for (const resource of resources(bundle)) assert.deepEqual(fhirResourceErrors(resource), [], `${name} ${resource.resourceType}`);
  }
});

test('the schema check is not vacuous: an unknown element, a bad date and a missing patient are caught', () => {
  const bundle = bundleOf(richCaseFile());
  const patient = structuredClone(only(bundle, 'Patient'));
  patient['birthDate'] = '14/03/1980';
  patient['nhsNumber'] = '9990000042';
  const errors = fhirResourceErrors(patient);
  assert.equal(errors.length, 2, errors.join('; '));
  assert.ok(errors.some((e) => e.startsWith('/birthDate must match pattern')));
  assert.ok(errors.includes('must NOT have additional properties'));
  const episode = structuredClone(only(bundle, 'EpisodeOfCare'));
  // the R4 schema requires complex elements only (a primitive may come as its _element form), so test a Reference
  delete episode['patient'];
  assert.deepEqual(fhirResourceErrors(episode), ["must have required property 'patient'"]);
  const broken = structuredClone(bundle);
  broken.entry[0]!.resource['active'] = 'yes';
  assert.ok(fhirSchemaErrors(broken).length > 0);
});

test('each resource claims its UK Core profile', () => {
  const expected: Record<string, string> = {
    Patient: 'UKCore-Patient', RelatedPerson: 'UKCore-RelatedPerson', Practitioner: 'UKCore-Practitioner', Organization: 'UKCore-Organization',
    EpisodeOfCare: 'UKCore-EpisodeOfCare', CareTeam: 'UKCore-CareTeam', Encounter: 'UKCore-Encounter', CarePlan: 'UKCore-CarePlan',
    Task: 'UKCore-Task', Communication: 'UKCore-Communication',
  };
  const bundle = bundleOf(richCaseFile());
  assert.deepEqual(new Set(resources(bundle).map((r) => r.resourceType)), new Set(Object.keys(expected)));
  for (const resource of resources(bundle)) {
    assert.deepEqual(resource.meta.profile, [`https://fhir.hl7.org.uk/StructureDefinition/${expected[resource.resourceType]}`]);
  }
});

test('Patient: NHS number with its system and the UK Core verification status "not traced"', () => {
  const patient = only(bundleOf(richCaseFile()), 'Patient');
  assert.deepEqual((patient['identifier'] as unknown[])[0], {
    extension: [
      {
        url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus',
        valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland', code: '02', display: 'Number present but not traced' }] },
      },
    ],
    system: 'https://fhir.nhs.uk/Id/nhs-number',
    value: '9990000042',
  });
  assert.deepEqual(patient['name'], [{ use: 'official', family: 'Example', given: ['Alex'] }]);
  assert.equal(patient['birthDate'], '1980-02-29');
  // no NHS number, no NHS number identifier
  const without = only(bundleOf(validCaseFile()), 'Patient');
  assert.deepEqual((without['identifier'] as { system: string }[]).map((i) => i.system), [`${DEFAULT_SYSTEM_BASE}/Id/record`]);
});

test('Encounter per detention with the UK Core legal status extension', () => {
  const bundle = bundleOf(richCaseFile());
  const encounters = resources(bundle, 'Encounter');
  assert.equal(encounters.length, 2);
  const s3 = encounters[1]!;
  assert.deepEqual(s3['extension'], [
    {
      url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-LegalStatus',
      extension: [
        { url: 'legalStatusContext', valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-LegalStatusContext', code: 'admission', display: 'Admission' }] } },
        { url: 'legalStatusClassification', valueCodeableConcept: { coding: [{ system: LEGAL_STATUS_CODE_SYSTEM, code: '03', display: 'Formally detained under Mental Health Act Section 3' }] } },
      ],
    },
  ]);
  assert.deepEqual(s3['period'], { start: '2024-01-20', end: '2024-06-01' });
  assert.equal(s3['status'], 'finished');
  assert.deepEqual(s3['class'], { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' });
  assert.deepEqual(s3['episodeOfCare'], [{ reference: `urn:uuid:${only(bundle, 'EpisodeOfCare').id}` }]);
});

test('EpisodeOfCare per duty: managed by the council, with the health body in its care team', () => {
  const bundle = bundleOf(richCaseFile());
  const byUrl = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource]));
  const follow = (ref: unknown) => byUrl.get((ref as { reference: string }).reference)!;
  const episode = only(bundle, 'EpisodeOfCare');
  assert.equal(episode['status'], 'finished');
  assert.deepEqual(episode['period'], { start: '2024-06-03', end: '2025-06-01' });
  assert.equal(follow(episode['managingOrganization'])['name'], 'Worcestershire County Council');
  assert.equal(follow(episode['careManager'])['resourceType'], 'Practitioner');
  const team = follow((episode['team'] as unknown[])[0]);
  const members = (team['participant'] as { member: unknown; role: { coding: { code: string }[] }[] }[]).map((p) => [p.role[0]!.coding[0]!.code, follow(p.member)['name']]);
  assert.deepEqual(members, [
    ['responsible_local_authority', 'Worcestershire County Council'],
    ['responsible_health_body', 'NHS Herefordshire and Worcestershire ICB'],
    ['allocated_worker', [{ text: 'Sam Social' }]],
  ]);
  const icb = resources(bundle, 'Organization').find((o) => o['name'] === 'NHS Herefordshire and Worcestershire ICB')!;
  assert.deepEqual((icb['identifier'] as unknown[])[0], { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'QGH' });
});

test('CarePlan per plan, with the services of the duty as activities of the current plan; Task per action; Communication per communication', () => {
  const bundle = bundleOf(richCaseFile());
  const plans = resources(bundle, 'CarePlan');
  assert.deepEqual(plans.map((p) => p['status']), ['revoked', 'completed', 'draft']);
  assert.equal(plans[0]!['activity'], undefined);
  const activities = plans[1]!['activity'] as { detail: Record<string, unknown> }[];
  assert.equal(activities.length, 1);
  assert.equal(activities[0]!.detail['description'], 'Supported living flat (section 117 aftercare, free of charge)');
  assert.equal(activities[0]!.detail['status'], 'in-progress');
  const taskRes = only(bundle, 'Task');
  assert.deepEqual([taskRes['status'], taskRes['intent'], taskRes['description'], taskRes['authoredOn']], ['completed', 'plan', 'Send the letter', '2025-05-15']);
  const letter = only(bundle, 'Communication');
  assert.equal(letter['sent'], '2025-05-16');
  assert.deepEqual(letter['medium'], [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'MAILWRIT', display: 'mail' }], text: 'letter' }]);
  assert.equal((letter['recipient'] as unknown[]).length, 2);
  assert.equal(resources(bundle, 'RelatedPerson').length, 1);
});

test('every reference resolves to an entry of the bundle', () => {
  for (const [name, file] of [...fixtureCaseFiles(), ['rich', richCaseFile()] as [string, CaseFile]]) {
    const bundle = bundleOf(file);
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    for (const ref of refs) assert.ok(urls.has(ref.slice(13, -1)), `${name}: ${ref}`);
  }
});

test('only code systems of UK Core, HL7 terminology or Aftercare\'s own base are used', () => {
  const allowed = [/^https:\/\/fhir\.hl7\.org\.uk\/CodeSystem\/UKCore-/, /^http:\/\/terminology\.hl7\.org\/CodeSystem\//, /^https:\/\/fhir\.nhs\.uk\/Id\//, new RegExp(`^${DEFAULT_SYSTEM_BASE.replace(/\./g, '\\.')}/`)];
  for (const [name, file] of [...fixtureCaseFiles(), ['rich', richCaseFile()] as [string, CaseFile]]) {
    const systems = new Set((JSON.stringify(bundleOf(file)).match(/"system":"[^"]+"/g) ?? []).map((s) => s.slice(10, -1)));
    for (const system of systems) assert.ok(allowed.some((a) => a.test(system)), `${name}: ${system}`);
  }
});

test('deterministic: the same file gives the same bundle; two people with the same record ids get different resource ids', () => {
  const a = richCaseFile();
  assert.equal(JSON.stringify(bundleOf(a)), JSON.stringify(bundleOf(richCaseFile())));
  const b = richCaseFile();
  b.person.id = 'p2';
  const idsA = new Set(resources(bundleOf(a)).map((r) => r.id));
  assert.ok(resources(bundleOf(b)).every((r) => !idsA.has(r.id)));
  for (const r of resources(bundleOf(a))) assert.match(r.id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('a deployment can set the base of Aftercare\'s own systems', () => {
  const bundle = caseFileToFhirBundle(richCaseFile(), { generatedAt, systemBase: 'https://aftercare.example-council.gov.uk/fhir' });
  assert.ok(JSON.stringify(bundle).includes('"system":"https://aftercare.example-council.gov.uk/fhir/Id/record"'));
  assert.ok(!JSON.stringify(bundle).includes(DEFAULT_SYSTEM_BASE));
});

test('required primitive elements the R4 schema cannot check are present (status, intent, class)', () => {
  const required: Record<string, string[]> = {
    EpisodeOfCare: ['status', 'patient'], Encounter: ['status', 'class'], CarePlan: ['status', 'intent', 'subject'],
    Task: ['status', 'intent'], Communication: ['status'], RelatedPerson: ['patient'],
  };
  for (const [name, file] of [...fixtureCaseFiles(), ['rich', richCaseFile()] as [string, CaseFile]]) {
    for (const resource of resources(bundleOf(file))) {
      for (const element of required[resource.resourceType] ?? []) assert.ok(resource[element] !== undefined, `${name} ${resource.resourceType}.${element}`);
    }
  }
});
