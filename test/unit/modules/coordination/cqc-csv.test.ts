import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readProviderCsv } from '../../../../src/modules/coordination/providers/cqc-csv.ts';

test('the wide layout gives each location its ratings and report date', () => {
  const { locations, problems } = readProviderCsv([
    'Location ID,Location Name,Provider Name,Location Street Address,Location City,Location Post Code,Overall,Safe,Effective,Caring,Responsive,Well-led,Publication Date',
    '1-000000001,Agency One House,Agency One Ltd,1 New Road,Kidderminster,DY10 1AA,Good,Good,Good,Good,Good,Requires improvement,14/11/2023',
  ].join('\n'));
  assert.deepEqual(problems, []);
  assert.deepEqual(locations[0], {
    locationId: '1-000000001', name: 'Agency One House', providerName: 'Agency One Ltd', address: ['1 New Road', 'Kidderminster'], postcode: 'DY10 1AA',
    localAuthority: undefined, serviceTypes: [],
    ratings: { overall: 'good', safe: 'good', effective: 'good', caring: 'good', responsive: 'good', wellLed: 'requires_improvement', reportDate: '2023-11-14' },
  });
});

test('the long layout (a row per key question) is gathered per location, keeping the latest date', () => {
  const { locations, problems } = readProviderCsv([
    '\uFEFFlocation id,location name,domain,latest rating,publication date',
    '1-000000002,Charity Two Flats,Overall,Outstanding,2024-06-01',
    '1-000000002,Charity Two Flats,Well-led,Good,2024-05-01',
    '1-000000002,Charity Two Flats,Safe,Inadequate,2024-06-01',
  ].join('\r\n'));
  assert.deepEqual(problems, []);
  assert.equal(locations.length, 1);
  assert.deepEqual(locations[0]?.ratings, { overall: 'outstanding', wellLed: 'good', safe: 'inadequate', reportDate: '2024-06-01' });
});

test('every problem is reported with its line', () => {
  const { problems } = readProviderCsv(['Location ID,Location Name,Overall,Publication Date', ',No id,Good,2024-01-01', 'ABC,Bad id,Great,31/02/2024'].join('\n'));
  assert.deepEqual(problems.map((p) => p.line), [2, 3, 3, 3]);
  assert.deepEqual(readProviderCsv('Name\nx').problems.map((p) => p.message), ['The file has no "Location ID" column']);
});
