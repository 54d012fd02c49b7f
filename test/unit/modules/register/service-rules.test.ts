import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergePatch } from '../../../../src/modules/register/merge-patch.ts';
import { periodsOverlap } from '../../../../src/modules/register/periods.ts';
import { personInput, dutyInput, registerQuery } from '../../../../src/modules/register/api-schemas.ts';
import { unstoredSectionIssues, referencedStaffIds, referencedOrganisationIds } from '../../../../src/modules/register/case-references.ts';
import * as map from '../../../../src/modules/register/case-file-mapping.ts';

test('a merge patch replaces given fields, clears nulls and keeps the rest', () => {
  assert.deepEqual(mergePatch({ a: 1, b: 2, c: 3 }, { b: 5, c: null }), { a: 1, b: 5 });
  assert.deepEqual(mergePatch({ a: 1 }, 'nonsense'), { a: 1 });
});

test('half-open periods: the next may begin the day the previous ends', () => {
  assert.equal(periodsOverlap({ from: '2020-01-01', to: '2020-06-01' }, { from: '2020-06-01' }), false);
  assert.equal(periodsOverlap({ from: '2020-01-01', to: '2020-06-02' }, { from: '2020-06-01' }), true);
  assert.equal(periodsOverlap({ from: '2020-01-01' }, { from: '2030-01-01', to: '2031-01-01' }), true);
});

test('a person needs names; an NHS number is normalised and must pass the modulus-11 check', () => {
  const ok = personInput.safeParse({ givenName: ' Ada ', familyName: 'Lovelace', nhsNumber: '943-476-5919' });
  assert.ok(ok.success);
  assert.equal(ok.data.nhsNumber, '9434765919');
  assert.equal(ok.data.givenName, 'Ada');
  const bad = personInput.safeParse({ givenName: '', nhsNumber: '9434765918', dateOfBirth: '2024-02-30', email: 'nope' });
  assert.ok(!bad.success);
  assert.deepEqual(bad.error.issues.map((i) => i.path.join('.')).sort(), ['dateOfBirth', 'email', 'familyName', 'givenName', 'nhsNumber']);
  assert.ok(!personInput.safeParse({ givenName: 'A', familyName: 'B', nhsNumber: '12345' }).success);
  assert.ok(!personInput.safeParse({ givenName: 'A', familyName: 'B', dateOfBirth: '2000-01-02', dateOfDeath: '2000-01-01' }).success);
});

test('a duty that ends needs a reason, and cannot end before it began', () => {
  const base = { detentionId: 'd1', start: '2024-06-01', localAuthorityId: 'la', healthBodyId: 'icb' };
  assert.ok(dutyInput.safeParse(base).success);
  const noReason = dutyInput.safeParse({ ...base, end: '2025-01-01' });
  assert.deepEqual(noReason.error?.issues.map((i) => i.path.join('.')), ['endReason']);
  const backwards = dutyInput.safeParse({ ...base, end: '2024-01-01', endReason: 'other' });
  assert.deepEqual(backwards.error?.issues.map((i) => i.path.join('.')), ['end']);
});

test('register queries have defaults and limits', () => {
  assert.deepEqual(registerQuery.parse({}), { status: 'all', sort: 'name', order: 'asc', page: 1, pageSize: 25 });
  assert.ok(!registerQuery.safeParse({ pageSize: '500' }).success);
});

test('sections the register cannot store yet are named, empty ones pass', () => {
  assert.deepEqual(unstoredSectionIssues({ carePlans: [], services: [{}], complaints: [{}], duties: [{}] }, ['duties']).map((i) => i.path), ['services', 'complaints']);
  assert.deepEqual(unstoredSectionIssues({ services: [{}] }, ['duties', 'services']), []);
});

test('a case refers to the organisations and staff of its records', () => {
  const duties = [{ localAuthorityId: 'la', healthBodyId: 'icb', ending: { grounds: [], personInvolved: true, localAuthoritySignOff: { staffId: 'sw', date: '2020-01-01' } } }];
  assert.deepEqual(referencedStaffIds({ allocations: [{ staffId: 'cc' }], duties }), ['cc', 'sw']);
  assert.deepEqual(
    referencedOrganisationIds({ duties, residences: [{ placedById: 'prov' }], contacts: [{ organisationId: 'adv' }], staff: [{ organisationId: 'trust' }] }).sort(),
    ['adv', 'icb', 'la', 'prov', 'trust'],
  );
});

test('rows and records convert both ways without losing or inventing fields', () => {
  const contact = { id: 'c1', name: 'Sam', role: 'carer' as const, actsForPerson: false, consent: { given: false, date: '2020-01-01' }, ext: { x: 1 } };
  const row = { ...map.contactToRow('p1', contact), version: 1, createdAt: new Date(), updatedAt: new Date() };
  assert.deepEqual(map.contactFromRow(row as Parameters<typeof map.contactFromRow>[0]), contact);
  const person = { id: 'p1', givenName: 'A', familyName: 'B', communicationNeeds: [] };
  const personRow = { ...map.personToRow(person, null), caseFileExt: null, version: 1, createdAt: new Date(), updatedAt: new Date() };
  assert.deepEqual(map.personFromRow(personRow as Parameters<typeof map.personFromRow>[0]), person, 'an empty list stays an empty list');
});
