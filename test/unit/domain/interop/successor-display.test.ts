import { test } from 'node:test';
import assert from 'node:assert/strict';
import reference from '../../../../reference-data/organisations.json' with { type: 'json' };
import type { Organisation } from '../../../../src/domain/case-file/schema.ts';
import { organisationLabel, successorNote } from '../../../../src/domain/interop/successor-display.ts';

const orgs = reference.organisations as Organisation[];
const byId = new Map(orgs.map((o) => [o.id, o]));
const label = (id: string, today: string) => organisationLabel(byId.get(id)!, byId, today);

test('a merged ICB is named with its successor from the day of the merger', () => {
  assert.equal(label('ods-QHG', '2026-03-31'), 'NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board');
  assert.equal(label('ods-QHG', '2026-04-01'), 'NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board (now part of NHS Central East Integrated Care Board from 1 April 2026)');
  assert.equal(label('ods-QGH', '2026-11-27'), 'NHS Herefordshire and Worcestershire Integrated Care Board');
});

test('a split body names every successor; a council abolished with one successor names it', () => {
  assert.equal(successorNote(byId.get('ods-QNQ')!, byId, '2026-05-01'), 'split on 1 April 2026 between NHS Thames Valley Integrated Care Board, NHS Surrey and Sussex Integrated Care Board and NHS Hampshire and Isle of Wight Integrated Care Board');
  assert.equal(label('gss-E10000027', '2024-01-01'), 'Somerset (county council) (now part of Somerset from 1 April 2023)');
  assert.equal(successorNote(byId.get('gss-E10000006')!, byId, '2024-01-01'), 'split on 1 April 2023 between Cumberland and Westmorland and Furness');
});

test('a re-coding of the same council adds nothing; a chain of mergers names the body in existence now', () => {
  assert.equal(label('gss-E08000016', '2026-01-01'), 'Barnsley');
  const chain = new Map<string, Organisation>([
    ['a', { id: 'a', name: 'A ICB', kind: 'icb', validTo: '2026-04-01', successorId: 'b' }],
    ['b', { id: 'b', name: 'B ICB', kind: 'icb', validFrom: '2026-04-01', validTo: '2027-04-01', successorId: 'c' }],
    ['c', { id: 'c', name: 'C ICB', kind: 'icb', validFrom: '2027-04-01' }],
  ]);
  assert.equal(organisationLabel(chain.get('a')!, chain, '2026-06-01'), 'A ICB (now part of B ICB from 1 April 2026)');
  assert.equal(organisationLabel(chain.get('a')!, chain, '2027-06-01'), 'A ICB (now part of C ICB from 1 April 2027)');
  // a successor not on the register: the body is said to have ceased
  assert.equal(organisationLabel({ id: 'x', name: 'X ICB', kind: 'icb', validTo: '2026-04-01', successorId: 'gone' }, new Map(), '2026-06-01'), 'X ICB (ceased on 1 April 2026)');
});
