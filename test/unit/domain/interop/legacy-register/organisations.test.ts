import { test } from 'node:test';
import assert from 'node:assert/strict';
import reference from '../../../../../reference-data/organisations.json' with { type: 'json' };
import type { Organisation } from '../../../../../src/domain/case-file/schema.ts';
import { normaliseOrganisationName, readOrganisation } from '../../../../../src/domain/interop/legacy-register/organisations.ts';

const orgs = reference.organisations as Organisation[];
const read = (cell: string, role: 'localAuthority' | 'healthBody', on?: string, aliases: Record<string, string> = {}) => {
  const r = readOrganisation(cell, role, on, orgs, aliases);
  return r.ok ? `${r.organisation.id}${r.warning ? ' (warning)' : ''}` : `refused: ${r.reason}`;
};

test('names as councils and the NHS write them', () => {
  assert.equal(normaliseOrganisationName('London Borough of Hackney'), 'hackney');
  assert.equal(normaliseOrganisationName('City of London Corporation'), 'london');
  assert.equal(normaliseOrganisationName('Herefordshire, County of'), 'herefordshire');
  assert.equal(normaliseOrganisationName('NHS Herefordshire & Worcestershire ICB'), 'herefordshire and worcestershire');
  assert.equal(read('Royal Borough of Greenwich', 'localAuthority', '2024-01-01'), 'gss-E09000011');
  assert.equal(read('Herefordshire Council', 'localAuthority', '2024-01-01'), 'gss-E06000019');
  assert.equal(read('Cardiff and Vale UHB', 'healthBody', '2024-01-01'), 'ods-7A4');
  assert.equal(read('qgh', 'healthBody', '2024-01-01'), 'ods-QGH');
  assert.equal(read('Worcs', 'localAuthority', '2024-01-01', { worcs: 'E10000034' }), 'gss-E10000034');
});

test('a name shared by an abolished county council and its unitary successor is read by the duty\'s date', () => {
  assert.equal(read('Somerset County Council', 'localAuthority', '2020-05-01'), 'gss-E10000027');
  assert.equal(read('Somerset Council', 'localAuthority', '2024-05-01'), 'gss-E06000066');
  assert.match(read('Somerset', 'localAuthority'), /^refused: Somerset could be .* use the code$/);
});

test('the wrong kind of body, an unknown one, and an empty cell are refused', () => {
  assert.equal(read('QGH', 'localAuthority', '2024-01-01'), 'refused: QGH is NHS Herefordshire and Worcestershire Integrated Care Board, not a council');
  assert.equal(read('E10000034', 'healthBody', '2024-01-01'), 'refused: E10000034 is Worcestershire, not an ICB or Welsh local health board');
  assert.equal(read('Borsetshire', 'localAuthority', '2024-01-01'), 'refused: Borsetshire is not a code or name of a council Aftercare knows');
  assert.equal(read('  ', 'localAuthority', '2024-01-01'), 'refused: is empty');
});

test('a body that ceased before the duty began is refused, naming its successor; one created after it is accepted with a warning', () => {
  assert.equal(
    read('E10000023', 'localAuthority', '2023-04-01'),
    'refused: North Yorkshire (county council) (E10000023) ceased on 2023-04-01, so it was gone when the duty began on 2023-04-01: it should be North Yorkshire (E06000065)',
  );
  assert.equal(read('E10000023', 'localAuthority', '2023-03-31'), 'gss-E10000023');
  assert.equal(read('QOQ', 'healthBody', '2021-03-01'), 'ods-QOQ (warning)');
});
