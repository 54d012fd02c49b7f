import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildDetentionChains } from '../../../../../src/domain/rules/law/detention-chains.ts';
import { detention } from './case-file-builder.ts';

describe('detention chains (§2.3 step 2, LA-05, ELIG-04)', () => {
  it('joins s136 -> s2 -> s3 into one period that starts with the s136', () => {
    const { periods } = buildDetentionChains(
      [detention('d3', '3', '2025-01-14', '2025-04-30', { continuesFrom: 'd2' }), detention('d1', '136', '2025-01-12', '2025-01-13'), detention('d2', '2', '2025-01-13', '2025-01-14', { continuesFrom: 'd1' })],
      '2025-06-01',
      'continuing_order',
    );
    assert.equal(periods.length, 1);
    const [period] = periods;
    assert.equal(period!.t0, '2025-01-12');
    assert.equal(period!.qualifyingStart, '2025-01-14');
    assert.equal(period!.dutyDetention?.id, 'd3');
    assert.equal(period!.leftOn, '2025-04-30');
  });

  it('keeps unlinked detentions apart, sorted by start, and an s2 alone does not qualify (ELIG-02)', () => {
    const { periods, periodOf } = buildDetentionChains([detention('b', '3', '2024-05-01', '2024-06-01'), detention('a', '2', '2024-01-01', '2024-01-20')], '2025-01-01', 'continuing_order');
    assert.deepEqual(periods.map((period) => [period.id, period.qualifying]), [['a', false], ['b', true]]);
    assert.equal(periodOf.get('b'), periods[1]);
  });

  it('takes the later of the end and leaving hospital, but only once both happened by asOf (ELIG-04)', () => {
    const stay = [detention('d1', '3', '2024-11-01', '2025-02-01', { leftHospital: '2025-03-15' })];
    assert.equal(buildDetentionChains(stay, '2025-04-01', 'continuing_order').periods[0]!.leftOn, '2025-03-15');
    assert.equal(buildDetentionChains(stay, '2025-03-14', 'continuing_order').periods[0]!.leftOn, null);
    assert.equal(buildDetentionChains(stay, '2025-01-31', 'continuing_order').periods[0]!.leftOn, null);
  });

  it('ignores detentions that start after asOf', () => {
    const { periods } = buildDetentionChains([detention('d1', '3', '2025-01-01', '2025-02-01'), detention('d2', '3', '2025-06-01')], '2025-03-01', 'continuing_order');
    assert.deepEqual(periods.map((period) => period.id), ['d1']);
  });

  it('starts a new period at a recall even when it names the revived order, qualifying only under worcestershire_strict', () => {
    const records = [detention('d1', '3', '2024-01-01', '2024-03-01'), detention('r1', '3', '2024-09-01', '2024-09-20', { kind: 'cto_revocation', continuesFrom: 'd1' })];
    const continuing = buildDetentionChains(records, '2025-01-01', 'continuing_order').periods;
    assert.deepEqual(continuing.map((period) => [period.id, period.recall, period.qualifying]), [['d1', null, true], ['r1', 'cto_revocation', false]]);
    const strict = buildDetentionChains(records, '2025-01-01', 'worcestershire_strict').periods;
    assert.deepEqual(strict.map((period) => [period.id, period.qualifying]), [['d1', true], ['r1', true]]);
  });

  it('survives a cycle in continuesFrom', () => {
    const { periods } = buildDetentionChains([detention('x', '3', '2024-01-01', '2024-02-01', { continuesFrom: 'y' }), detention('y', '2', '2024-01-01', '2024-01-05', { continuesFrom: 'x' })], '2025-01-01', 'continuing_order');
    assert.equal(periods.length, 1);
    assert.equal(periods[0]!.episodes.length, 2);
  });
});
