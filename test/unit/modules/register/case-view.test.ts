import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersonCaseDto } from '../../../../src/modules/register/api-schemas.ts';
import { allocationCards, allocationStatus, dutyCards, identityBar, subNavigation } from '../../../../src/modules/register/view-shaping/case-view.ts';

function caseOf(overrides: Partial<PersonCaseDto> = {}): PersonCaseDto {
  return {
    person: { id: 'p1', givenName: 'Ada', familyName: 'Lovelace', nhsNumber: '9434765919', dateOfBirth: '1990-03-12', createdByOrganisationId: 'la', version: 1 },
    contacts: [],
    detentions: [{ id: 'd1', section: '3', start: '2024-01-01', end: '2024-06-01', version: 1 }],
    ctos: [],
    residences: [],
    gpRegistrations: [],
    duties: [
      { id: 'du1', detentionId: 'd1', start: '2024-06-01', localAuthorityId: 'la', healthBodyId: 'icb', version: 1 },
      { id: 'du0', detentionId: 'd1', start: '2020-01-01', end: '2021-01-01', endReason: 'joint_decision', localAuthorityId: 'la', healthBodyId: 'icb', version: 1 },
    ],
    disputes: [],
    allocations: [],
    organisations: [
      { id: 'la', name: 'Northshire County Council', kind: 'local_authority' },
      { id: 'icb', name: 'NHS Northshire ICB', kind: 'icb' },
    ],
    staff: [{ id: 'st1', name: 'Wendy Worker', organisationId: 'la' }],
    sharedWith: [],
    ...overrides,
  };
}

test('the identity bar: name, NHS number as 3 3 4, date of birth, and a tag per open duty only', () => {
  const bar = identityBar(caseOf(), '2026-01-01');
  assert.equal(bar.name, 'Ada Lovelace');
  assert.equal(bar.nhsNumber, '943 476 5919');
  assert.equal(bar.dateOfBirth, '12 March 1990');
  assert.deepEqual(bar.tags, [{ text: 'Open duty', classes: 'govuk-tag--green', detail: ' from 1 June 2024: Northshire County Council and NHS Northshire ICB' }]);
  const unknown = identityBar(caseOf({ person: { ...caseOf().person, nhsNumber: undefined, dateOfBirth: undefined } }), '2026-01-01');
  assert.equal(unknown.nhsNumber, 'Not recorded');
});

test('the sub-navigation names every section once and marks the current one', () => {
  const items = subNavigation('p 1', 'contacts');
  assert.deepEqual(items.map((i) => i.href), ['/people/p%201', '/people/p%201/duties', '/people/p%201/contacts', '/people/p%201/residence', '/people/p%201/allocation']);
  assert.deepEqual(items.filter((i) => i.active).map((i) => i.text), ['Contacts']);
});

test('duty cards: an open duty can be ended, an ended one says why', () => {
  const [open, ended] = dutyCards(caseOf(), '2026-01-01');
  assert.equal(open?.tag?.text, 'Open');
  assert.equal(open?.actions?.[0]?.href, '/people/p1/duties/du1/end');
  assert.equal(ended?.tag?.text, 'Ended');
  assert.equal(ended?.actions, undefined);
  assert.ok(ended?.rows.some((r) => r.key.text === 'Why it ended' && 'text' in r.value && r.value.text === 'Joint decision'));
});

test('allocation status and cards', () => {
  assert.equal(allocationStatus(caseOf(), '2026-01-01').text, 'Not allocated');
  const allocated = caseOf({ allocations: [{ id: 'a1', dutyId: 'du1', staffId: 'st1', from: '2024-06-01', version: 1 }] });
  assert.equal(allocationStatus(allocated, '2026-01-01').text, 'Allocated');
  const [card] = allocationCards(allocated, '2026-01-01');
  assert.equal(card?.title, 'Wendy Worker');
  assert.equal(card?.actions?.[0]?.href, '/people/p1/allocations/a1/end');
});

test('sections other capabilities add follow the register’s own', () => {
  const items = subNavigation('p1', 'plans', [{ key: 'plans', text: 'Care plans', href: (id) => `/people/${id}/plans` }]);
  assert.deepEqual(items.at(-1), { text: 'Care plans', href: '/people/p1/plans', active: true });
  assert.equal(items.filter((i) => i.active).length, 1);
});
