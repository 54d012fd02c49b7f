import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildLawContext } from '../../../../../src/domain/rules/law/context.ts';
import { findOrdinaryResidence } from '../../../../../src/domain/rules/law/ordinary-residence.ts';
import { caseFile, config, residence } from './case-file-builder.ts';

function find(residences: ReturnType<typeof residence>[], t0: string) {
  return findOrdinaryResidence(buildLawContext(caseFile({ residences }), '2026-01-01', config()), t0);
}

describe('reading ordinary residence (§0.1a, LA-02, LA-04, LA-09, LA-10)', () => {
  it('passes over detention in hospital and prison to the residence before, noting custody', () => {
    const finding = find(
      [residence('2010-01-01', '2020-01-01', 'own_home', 'la-a', 'icb-a', { ordinarilyResident: 'yes' }), residence('2020-01-01', '2021-01-01', 'prison'), residence('2021-01-01', undefined, 'hospital_detained')],
      '2021-06-01',
    );
    assert.equal(finding.residence?.localAuthorityId, 'la-a');
    assert.equal(finding.ordinarilyResident, true);
    assert.equal(finding.inferred, false);
    assert.equal(finding.custody?.from, '2020-01-01');
    assert.equal(finding.passedOverDetention, true);
  });

  it('reads only residences that began before t0', () => {
    const finding = find([residence('2010-01-01', '2025-01-10', 'own_home', 'la-a'), residence('2025-01-10', undefined, 'own_home', 'la-b')], '2025-01-10');
    assert.equal(finding.residence?.localAuthorityId, 'la-a');
  });

  it('lets the recorded judgement decide, and otherwise infers from the kind', () => {
    assert.equal(find([residence('2010-01-01', undefined, 'own_home', 'la-a', undefined, { ordinarilyResident: 'no' })], '2025-01-01').ordinarilyResident, false);
    assert.equal(find([residence('2010-01-01', undefined, 'hostel', 'la-a', undefined, { ordinarilyResident: 'yes' })], '2025-01-01').ordinarilyResident, true);
    for (const kind of ['own_home', 'family', 'supported_living', 'care_home', 'shared_lives'] as const) {
      const finding = find([residence('2010-01-01', undefined, kind, 'la-a', undefined, { ordinarilyResident: 'unknown' })], '2025-01-01');
      assert.deepEqual([finding.ordinarilyResident, finding.inferred], [true, true], kind);
    }
    for (const kind of ['hostel', 'temporary', 'hotel', 'rough_sleeping', 'no_fixed_abode', 'approved_premises', 'other'] as const) {
      const finding = find([residence('2010-01-01', undefined, kind, 'la-a')], '2025-01-01');
      assert.deepEqual([finding.ordinarilyResident, finding.inferred], [false, true], kind);
    }
  });

  it('does not take a residence under a legal condition as ordinary residence (LA-04, Wiltshire v Hertfordshire)', () => {
    const finding = find(
      [residence('2010-01-01', '2024-01-01', 'own_home', 'la-a', undefined, { ordinarilyResident: 'yes' }), residence('2024-01-01', undefined, 'hostel', 'la-b', undefined, { legalCondition: 'conditional_discharge' })],
      '2025-01-01',
    );
    assert.equal(finding.residence?.localAuthorityId, 'la-a');
    assert.equal(finding.legalCondition?.localAuthorityId, 'la-b');
  });

  it('passes over an informal stay without a recorded judgement, but keeps one recorded as ordinary residence (LA-09)', () => {
    const home = residence('2010-01-01', '2024-12-01', 'own_home', 'la-a', undefined, { ordinarilyResident: 'yes' });
    const passed = find([home, residence('2024-12-01', undefined, 'hospital_informal', 'la-b')], '2025-01-01');
    assert.equal(passed.residence?.localAuthorityId, 'la-a');
    assert.equal(passed.informal?.localAuthorityId, 'la-b');
    const kept = find([home, residence('2024-12-01', undefined, 'hospital_informal', 'la-b', undefined, { ordinarilyResident: 'yes' })], '2025-01-01');
    assert.equal(kept.residence?.localAuthorityId, 'la-b');
    assert.equal(kept.informal, kept.residence);
  });

  it('finds nothing when no residence began before t0', () => {
    const finding = find([residence('2025-02-01', undefined, 'own_home', 'la-a')], '2025-01-01');
    assert.equal(finding.residence, null);
    assert.equal(finding.ordinarilyResident, false);
  });
});
