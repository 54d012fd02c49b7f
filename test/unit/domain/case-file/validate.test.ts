import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCaseFile } from '../../../../src/domain/case-file/validate.ts';
import fc from 'fast-check';
import type { CaseFile } from '../../../../src/domain/case-file/schema.ts';
import { validCaseFile } from './valid-case-file.ts';

function errorsOf(change: (file: CaseFile) => void): { path: string; message: string }[] {
  const file = validCaseFile();
  change(file);
  const result = validateCaseFile(file);
  assert.equal(result.ok, false, 'expected the file to be invalid');
  return result.ok ? [] : result.errors;
}

function pathsOf(change: (file: CaseFile) => void): string[] {
  return errorsOf(change).map((e) => e.path);
}

test('a valid file passes and is returned parsed', () => {
  const result = validateCaseFile(validCaseFile());
  assert.equal(result.ok, true);
  if (result.ok) assert.equal(result.caseFile.person.id, 'p1');
});

test('not an object at all', () => {
  const result = validateCaseFile('hello');
  assert.equal(result.ok, false);
  if (!result.ok) assert.deepEqual(result.errors.map((e) => e.path), ['(the file)']);
});

test('schema errors: every one, with its path', () => {
  const raw = validCaseFile() as unknown as Record<string, unknown>;
  raw.schema = 'aftercare.case-file/v2';
  delete raw.staff;
  const duties = raw.duties as Record<string, unknown>[];
  duties[0]!.start = '2024-02-30';
  const plans = raw.carePlans as { needs: Record<string, unknown>[] }[];
  plans[1]!.needs[0]!.relatedToMentalDisorder = 'yes';
  const result = validateCaseFile(raw);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.errors.map((e) => e.path).sort(), ['carePlans[1].needs[0].relatedToMentalDisorder', 'duties[0].start', 'schema', 'staff'].sort());
  assert.equal(result.errors.find((e) => e.path === 'staff')?.message, 'is required');
  assert.match(result.errors.find((e) => e.path === 'duties[0].start')!.message, /real date/);
});

test('unknown fields are rejected with their own path, nested ones too', () => {
  const raw = validCaseFile() as unknown as Record<string, unknown>;
  raw.colour = 'blue';
  (raw.duties as Record<string, unknown>[])[0]!.ending = { ...(validCaseFile().duties[0]!.ending!), signedBy: 'x', 'odd-key': 1 };
  (raw.carePlans as { needs: Record<string, unknown>[] }[])[0]!.needs[0]!.priority = 1;
  const result = validateCaseFile(raw);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.errors.map((e) => e.path).sort(), ['carePlans[0].needs[0].priority', 'colour', 'duties[0].ending.signedBy', 'duties[0].ending["odd-key"]'].sort());
  assert.match(result.errors[0]!.message, /not a field/);
});

test('ext is accepted on any record and kept as it is', () => {
  const file = validCaseFile();
  file.ext = { importedFrom: 'legacy' };
  file.duties[0]!.ext = { anything: [1, 2] };
  const result = validateCaseFile(file);
  assert.equal(result.ok, true);
  if (result.ok) assert.deepEqual(result.caseFile.duties[0]!.ext, { anything: [1, 2] });
});

test('ids must be unique across the whole file, nested records included', () => {
  assert.deepEqual(pathsOf((f) => { f.duties[0]!.id = 'la1'; }), ['duties[0].id', 'disputes[0].dutyId', 'allocations[0].dutyId', 'carePlans[0].dutyId', 'carePlans[1].dutyId', 'carePlans[2].dutyId', 'services[0].dutyId', 'paymentOffers[0].dutyId', 'panelRequests[0].dutyId', 'panelRequests[1].dutyId', 'placementSearches[0].dutyId', 'meetings[0].dutyId', 'decisions[0].dutyId']);
  const nested = errorsOf((f) => { f.carePlans[1]!.needs[0]!.id = 'n1'; });
  assert.equal(nested[0]!.path, 'carePlans[1].needs[0].id');
  assert.match(nested[0]!.message, /already the id of a need \(carePlans\[0\]\.needs\[0\]\.id\)/);
  assert.deepEqual(pathsOf((f) => { f.complaints[0]!.points[0]!.id = 'r1'; }), ['ombudsmanCases[0].remedies[0].id']);
  assert.deepEqual(pathsOf((f) => { f.ombudsmanCases[0]!.remedies.push({ id: 'r1', text: 'Pay', kind: 'payment' }); }), ['ombudsmanCases[0].remedies[1].id']);
});

test('"person" is reserved, except as the person\'s own id', () => {
  const errors = errorsOf((f) => { f.contacts[0]!.id = 'person'; });
  assert.equal(errors[0]!.path, 'contacts[0].id');
  assert.match(errors[0]!.message, /reserved/);
  const file = validCaseFile();
  file.person.id = 'person';
  assert.equal(validateCaseFile(file).ok, true);
});

test('references must resolve to the right kind of record', () => {
  const cases: [string, (f: CaseFile) => void, RegExp][] = [
    ['duties[0].detentionId', (f) => { f.duties[0]!.detentionId = 'nope'; }, /does not match any record/],
    ['duties[0].localAuthorityId', (f) => { f.duties[0]!.localAuthorityId = 'st1'; }, /is a staff member .*expected an organisation/],
    ['duties[0].healthBodyId', (f) => { f.duties[0]!.healthBodyId = 'd1'; }, /is a detention/],
    ['duties[0].ending.localAuthoritySignOff.staffId', (f) => { f.duties[0]!.ending!.localAuthoritySignOff!.staffId = 'la1'; }, /expected a staff member/],
    ['duties[0].ending.healthBodySignOff.staffId', (f) => { f.duties[0]!.ending!.healthBodySignOff!.staffId = 'x'; }, /expected a staff member/],
    ['duties[0].ending.reviewMeetingId', (f) => { f.duties[0]!.ending!.reviewMeetingId = 'dec1'; }, /expected a meeting/],
    ['detentions[1].continuesFrom', (f) => { f.detentions[1]!.continuesFrom = 'cto1'; }, /expected a detention/],
    ['ctos[0].detentionId', (f) => { f.ctos[0]!.detentionId = 'du1'; }, /expected a detention/],
    ['organisations[1].successorId', (f) => { f.organisations[1]!.successorId = 'st2'; }, /expected an organisation/],
    ['staff[0].organisationId', (f) => { f.staff[0]!.organisationId = 'p1'; }, /is the person/],
    ['contacts[0].organisationId', (f) => { f.contacts[0]!.organisationId = 'zz'; }, /expected an organisation/],
    ['residences[0].localAuthorityId', (f) => { f.residences[0]!.localAuthorityId = 'zz'; }, /organisation/],
    ['residences[0].healthBodyId', (f) => { f.residences[0]!.healthBodyId = 'zz'; }, /organisation/],
    ['residences[2].placedById', (f) => { f.residences[2]!.placedById = 'zz'; }, /organisation/],
    ['gpRegistrations[0].healthBodyId', (f) => { f.gpRegistrations[0]!.healthBodyId = 'zz'; }, /organisation/],
    ['disputes[0].dutyId', (f) => { f.disputes[0]!.dutyId = 'd2'; }, /expected a duty/],
    ['disputes[0].withOrganisationId', (f) => { f.disputes[0]!.withOrganisationId = 'zz'; }, /organisation/],
    ['disputes[0].leadOrganisationId', (f) => { f.disputes[0]!.leadOrganisationId = 'zz'; }, /organisation/],
    ['allocations[0].staffId', (f) => { f.allocations[0]!.staffId = 'c1'; }, /is a contact/],
    ['services[0].needIds[0]', (f) => { f.services[0]!.needIds = ['cp1']; }, /is a care plan .*expected a need/],
    ['services[0].providerId', (f) => { f.services[0]!.providerId = 'zz'; }, /organisation/],
    ['services[0].funding[0].panelRequestId', (f) => { f.services[0]!.funding![0]!.panelRequestId = 'ps1'; }, /expected a panel request/],
    ['services[0].topUp.payer', (f) => { f.services[0]!.topUp!.payer = 'du1'; }, /expected the person or a contact or a staff member or an organisation/],
    ['charges[0].serviceId', (f) => { f.charges[0]!.serviceId = 'zz'; }, /expected a service/],
    ['charges[0].payer', (f) => { f.charges[0]!.payer = 'zz'; }, /does not match/],
    ['paymentOffers[0].dutyId', (f) => { f.paymentOffers[0]!.dutyId = 'zz'; }, /duty/],
    ['panelRequests[1].resubmissionOf', (f) => { f.panelRequests[1]!.resubmissionOf = 'du1'; }, /expected a panel request/],
    ['panelRequests[1].providerId', (f) => { f.panelRequests[1]!.providerId = 'zz'; }, /organisation/],
    ['placementSearches[0].providerId', (f) => { f.placementSearches[0]!.providerId = 'zz'; }, /organisation/],
    ['meetings[0].attended[1]', (f) => { f.meetings[0]!.attended[1] = 'zz'; }, /does not match/],
    ['meetings[0].invited[3]', (f) => { f.meetings[0]!.invited[3] = 'm1'; }, /is a meeting/],
    ['decisions[0].meetingId', (f) => { f.decisions[0]!.meetingId = 'zz'; }, /meeting/],
    ['actions[0].ownerId', (f) => { f.actions[0]!.ownerId = 'zz'; }, /does not match/],
    ['actions[0].decisionId', (f) => { f.actions[0]!.decisionId = 'm1'; }, /expected a decision/],
    ['actions[0].complaintId', (f) => { f.actions[0]!.complaintId = 'om1'; }, /expected a complaint/],
    ['communicationPlans[0].viaContactId', (f) => { f.communicationPlans[0]!.viaContactId = 'st1'; }, /expected a contact/],
    ['communicationPlans[0].decisionId', (f) => { f.communicationPlans[0]!.decisionId = 'zz'; }, /decision/],
    ['communications[0].with[1]', (f) => { f.communications[0]!.with[1] = 'zz'; }, /does not match/],
    ['communications[0].staffId', (f) => { f.communications[0]!.staffId = 'c1'; }, /staff/],
    ['communications[0].aboutDecisionIds[0]', (f) => { f.communications[0]!.aboutDecisionIds = ['a1']; }, /expected a decision/],
    ['communications[0].aboutCarePlanIds[0]', (f) => { f.communications[0]!.aboutCarePlanIds = ['n1']; }, /expected a care plan/],
    ['appointments[0].staffId', (f) => { f.appointments[0]!.staffId = 'zz'; }, /staff/],
    ['appointments[0].with[0]', (f) => { f.appointments[0]!.with = ['zz']; }, /does not match/],
    ['complaints[0].complainant', (f) => { f.complaints[0]!.complainant = 'zz'; }, /does not match/],
    ['complaints[0].organisationIds[1]', (f) => { f.complaints[0]!.organisationIds[1] = 'st2'; }, /organisation/],
    ['complaints[0].leadOrganisationId', (f) => { f.complaints[0]!.leadOrganisationId = 'zz'; }, /organisation/],
    ['ombudsmanCases[0].complaintId', (f) => { f.ombudsmanCases[0]!.complaintId = 'zz'; }, /complaint/],
    ['ombudsmanCases[0].remedies[0].ownerId', (f) => { f.ombudsmanCases[0]!.remedies[0]!.ownerId = 'zz'; }, /does not match/],
  ];
  for (const [path, change, message] of cases) {
    const errors = errorsOf(change);
    assert.deepEqual(errors.map((e) => e.path), [path], path);
    assert.match(errors[0]!.message, message, path);
  }
});

test('a detention cannot continue from itself', () => {
  assert.deepEqual(pathsOf((f) => { f.detentions[1]!.continuesFrom = 'd2'; }), ['detentions[1].continuesFrom']);
});

test('end and to dates may not come before start and from', () => {
  const cases: [string, (f: CaseFile) => void][] = [
    ['detentions[0].end', (f) => { f.detentions[0]!.end = '2023-12-31'; }],
    ['detentions[1].leftHospital', (f) => { f.detentions[1]!.leftHospital = '2024-01-01'; }],
    ['detentions[1].leave[0].to', (f) => { f.detentions[1]!.leave![0]!.to = '2024-04-30'; }],
    ['ctos[0].end', (f) => { f.ctos[0]!.end = '2024-05-31'; }],
    ['duties[0].end', (f) => { f.duties[0]!.end = '2024-06-02'; }],
    ['allocations[0].to', (f) => { f.allocations[0]!.to = '2024-06-02'; }],
    ['services[0].end', (f) => { f.services[0]!.end = '2024-01-01'; }],
    ['services[0].funding[0].to', (f) => { f.services[0]!.funding![0]!.to = '2024-01-01'; }],
    ['services[0].topUp.to', (f) => { f.services[0]!.topUp!.to = '2024-01-01'; }],
    ['charges[0].to', (f) => { f.charges[0]!.to = '2024-01-01'; }],
    ['communicationPlans[0].to', (f) => { f.communicationPlans[0]!.to = '2024-01-01'; }],
    ['gpRegistrations[0].to', (f) => { f.gpRegistrations[0]!.to = '2019-01-01'; }],
    ['organisations[2].validTo', (f) => { f.organisations[2]!.validTo = '2029-01-01'; }],
    ['disputes[0].resolvedOn', (f) => { f.disputes[0]!.resolvedOn = '2024-06-01'; }],
  ];
  for (const [path, change] of cases) {
    const errors = errorsOf(change);
    assert.deepEqual(errors.map((e) => e.path), [path], path);
    assert.match(errors[0]!.message, /is before/, path);
  }
  const file = validCaseFile();
  file.duties[0]!.end = file.duties[0]!.start; // an empty half-open period is not backwards
  assert.equal(validateCaseFile(file).ok, true);
});

test('residences must not overlap (half-open periods)', () => {
  const errors = errorsOf((f) => { f.residences[1]!.from = '2023-12-31'; });
  assert.deepEqual(errors.map((e) => e.path), ['residences[1].from']);
  assert.match(errors[0]!.message, /overlaps residences\[0\]/);
  // an open residence overlaps everything after it
  assert.deepEqual(pathsOf((f) => { delete f.residences[1]!.to; }), ['residences[2].from']);
  // a long residence overlaps two later ones, not only the next
  assert.deepEqual(pathsOf((f) => { f.residences[0]!.to = '2024-07-01'; }), ['residences[1].from', 'residences[2].from']);
  // listed out of order but not overlapping is fine
  const file = validCaseFile();
  file.residences.reverse();
  assert.equal(validateCaseFile(file).ok, true);
});

test('agreed and superseded care plans have agreedOn, drafts have none', () => {
  const missing = errorsOf((f) => { delete f.carePlans[1]!.agreedOn; });
  assert.deepEqual(missing.map((e) => e.path), ['carePlans[1].agreedOn']);
  assert.match(missing[0]!.message, /required .*"agreed"/);
  assert.deepEqual(pathsOf((f) => { delete f.carePlans[0]!.agreedOn; }), ['carePlans[0].agreedOn']);
  assert.deepEqual(pathsOf((f) => { f.carePlans[2]!.agreedOn = '2025-01-01'; }), ['carePlans[2].agreedOn']);
});

test('several cross-reference errors are all reported', () => {
  const errors = errorsOf((f) => {
    f.duties[0]!.detentionId = 'nope';
    f.services[0]!.needIds.push('gone');
    f.charges[0]!.to = '2000-01-01';
  });
  assert.deepEqual(errors.map((e) => e.path), ['duties[0].detentionId', 'services[0].needIds[1]', 'charges[0].to']);
});

test('schema errors and cross-reference errors are reported together', () => {
  const raw = validCaseFile() as unknown as Record<string, unknown>;
  (raw.duties as Record<string, unknown>[])[0]!.start = 'soon';
  (raw.services as { needIds: string[] }[])[0]!.needIds = ['gone'];
  (raw.carePlans as { needs: { id: string }[] }[])[1]!.needs[0]!.id = 'n1';
  const result = validateCaseFile(raw);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.errors.map((e) => e.path), ['duties[0].start', 'carePlans[1].needs[0].id', 'services[0].needIds[0]']);
});

test('a record the schema could not read does not make references to it look dangling', () => {
  const raw = validCaseFile() as unknown as Record<string, unknown>;
  (raw.duties as Record<string, unknown>[])[0]!.id = 5;
  (raw.allocations as Record<string, unknown>[])[0]!.staffId = 'c1';
  const result = validateCaseFile(raw);
  assert.equal(result.ok, false);
  if (result.ok) return;
  // the wrong kind is certain; "no such duty" is not, since the duty's id could not be read
  assert.deepEqual(result.errors.map((e) => e.path), ['duties[0].id', 'allocations[0].staffId']);
});

test('the schema error on a field hides the cross-reference error on the same field', () => {
  const raw = validCaseFile() as unknown as Record<string, unknown>;
  (raw.duties as Record<string, unknown>[])[0]!.end = '2024-02-31';
  (raw.services as Record<string, unknown>[])[0]!.needIds = 'n1';
  const result = validateCaseFile(raw);
  assert.equal(result.ok, false);
  if (!result.ok) assert.deepEqual(result.errors.map((e) => e.path), ['duties[0].end', 'services[0].needIds']);
});

test('never throws, whatever it is given', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => validateCaseFile(value).ok === false));
  const sections = Object.keys(validCaseFile());
  fc.assert(
    fc.property(fc.constantFrom(...sections), fc.jsonValue(), fc.nat(3), (section, value, index) => {
      const raw = validCaseFile() as unknown as Record<string, unknown>;
      const target = raw[section];
      if (Array.isArray(target) && target.length > 0) target[index % target.length] = value;
      else raw[section] = value;
      validateCaseFile(raw);
    }),
  );
});

test('chains of continuesFrom, resubmissionOf and successorId must not loop', () => {
  const loop = errorsOf((f) => { f.detentions[0]!.continuesFrom = 'd2'; });
  assert.deepEqual(loop, [{ path: 'detentions[0].continuesFrom', message: 'forms a loop (d1 → d2 → d1)' }]);
  assert.deepEqual(pathsOf((f) => { f.panelRequests[0]!.resubmissionOf = 'pr2'; }), ['panelRequests[0].resubmissionOf']);
  assert.deepEqual(pathsOf((f) => { f.organisations[2]!.successorId = 'icb1'; }), ['organisations[1].successorId']);
  assert.deepEqual(pathsOf((f) => { f.organisations[0]!.successorId = 'la1'; }), ['organisations[0].successorId']);
});
