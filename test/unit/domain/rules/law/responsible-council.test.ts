import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyseLaw } from '../../../../../src/domain/rules/law/analyse.ts';
import type { Residence } from '../../../../../src/domain/case-file/schema.ts';
import type { RulesConfig } from '../../../../../src/domain/rules/config.ts';
import { caseFile, config, detention, gp, residence } from './case-file-builder.ts';

function council(residences: Residence[], start: string, end: string, asOf: string, rules: RulesConfig = config(), extra = {}) {
  const file = caseFile({ residences, gpRegistrations: [gp('2000-01-01', undefined, 'icb-a')], detentions: [detention('d1', '3', start, end)], ...extra });
  const duty = analyseLaw(file, asOf, rules).duties[0]!;
  return { id: duty.localAuthority.organisationId, flags: duty.flags, ruleIds: duty.localAuthority.ruleIds, reasons: duty.localAuthority.reasons };
}

describe('responsible council (§2.3)', () => {
  it('names the council of ordinary residence immediately before the detention, with a reason giving the date and rules (LA-01(a))', () => {
    const answer = council([residence('2010-01-01', undefined, 'own_home', 'la-a', undefined, { ordinarilyResident: 'yes' })], '2023-01-10', '2023-05-01', '2023-06-01');
    assert.equal(answer.id, 'la-a');
    assert.deepEqual(answer.flags, []);
    assert.ok(answer.reasons.includes("Ordinarily resident in Council A's area on 2023-01-09, immediately before the detention that began on 2023-01-10 (LA-01(a), LA-05)."));
  });

  it('flags an inferred judgement (LA-02:INFERRED)', () => {
    const answer = council([residence('2010-01-01', undefined, 'family', 'la-a')], '2023-01-10', '2023-05-01', '2023-06-01');
    assert.equal(answer.id, 'la-a');
    assert.deepEqual(answer.flags, ['LA-02:INFERRED']);
  });

  it('flags a detention that began before 1 April 2015 and still applies LA-01 (LA-01:PRE2015)', () => {
    const answer = council([residence('2010-01-01', undefined, 'own_home', 'la-a', undefined, { ordinarilyResident: 'yes' })], '2015-03-31', '2015-06-01', '2015-07-01');
    assert.equal(answer.id, 'la-a');
    assert.ok(answer.flags.includes('LA-01:PRE2015'));
    assert.deepEqual(council([residence('2010-01-01', undefined, 'own_home', 'la-a', undefined, { ordinarilyResident: 'yes' })], '2015-04-01', '2015-06-01', '2015-07-01').flags.filter((f) => f.startsWith('LA-01')), []);
  });

  it('flags an informal admission before the detention and uses the home before it (LA-09)', () => {
    const answer = council(
      [residence('2010-01-01', '2024-12-01', 'own_home', 'la-a', undefined, { ordinarilyResident: 'yes' }), residence('2024-12-01', undefined, 'hospital_informal', 'la-b')],
      '2025-01-10', '2025-03-01', '2025-04-01',
    );
    assert.equal(answer.id, 'la-a');
    assert.deepEqual(answer.flags, ['LA-09:INFORMAL_ADMISSION']);
    assert.ok(answer.reasons.some((reason) => reason.includes('Council B')), 'both candidates in the reasons');
  });

  it('names a Welsh council under LA-01(b), with no council flag', () => {
    const answer = council([residence('2010-01-01', undefined, 'own_home', 'la-w', 'lhb-w', { ordinarilyResident: 'yes' })], '2024-01-10', '2024-03-01', '2024-04-01');
    assert.equal(answer.id, 'la-w');
    assert.ok(answer.ruleIds.includes('LA-01(b)'));
    assert.deepEqual(answer.flags, []);
  });

  describe('the Mental Health Act 2025 deeming switch (LA-03A)', () => {
    const placed = [
      residence('2000-01-01', '2021-01-01', 'family', 'la-a', undefined, { ordinarilyResident: 'yes' }),
      residence('2021-01-01', undefined, 'supported_living', 'la-b', undefined, { ordinarilyResident: 'yes', placedById: 'la-a', placedUnder: 'care_act' }),
    ];

    it('applies the deeming when in force for the detention: the placing council, flagged with both answers', () => {
      const answer = council(placed, '2026-03-01', '2026-05-01', '2026-06-01', config({ mha2025DeemingFrom: '2026-02-18' }));
      assert.equal(answer.id, 'la-a');
      assert.deepEqual(answer.flags, ['LA-03A:MHA2025_DEEMING']);
      assert.ok(answer.reasons.some((reason) => reason.includes('Council A') && reason.includes('Council B')));
    });

    it('keeps the ordinary meaning when not in force, flagging detentions after 18 December 2025 where the answers differ', () => {
      const after = council(placed, '2026-03-01', '2026-05-01', '2026-06-01');
      assert.equal(after.id, 'la-b');
      assert.deepEqual(after.flags, ['LA-03:CARE_ACT_DEEMING_DIVERGENCE', 'LA-03A:MHA2025_DEEMING']);
      const before = council(placed, '2025-12-18', '2026-01-20', '2026-02-01');
      assert.deepEqual(before.flags, ['LA-03:CARE_ACT_DEEMING_DIVERGENCE']);
    });

    it('does not deem for a detention that began before the commencement date, nor for a child', () => {
      assert.equal(council(placed, '2026-01-10', '2026-05-01', '2026-06-01', config({ mha2025DeemingFrom: '2026-02-18' })).id, 'la-b');
      const child = council(placed, '2026-03-01', '2026-05-01', '2026-06-01', config({ mha2025DeemingFrom: '2026-02-18' }), { person: { id: 'p1', givenName: 'A', familyName: 'B', dateOfBirth: '2010-01-01' } });
      assert.equal(child.id, 'la-b');
    });
  });

  it('flags when the start of the unbroken detention and the qualifying section give different councils (LA-05)', () => {
    const file = caseFile({
      residences: [residence('2010-01-01', '2025-01-05', 'own_home', 'la-a', undefined, { ordinarilyResident: 'yes' }), residence('2025-01-05', undefined, 'care_home', 'la-b', undefined, { ordinarilyResident: 'yes' })],
      detentions: [detention('d1', '2', '2025-01-01', '2025-01-20'), detention('d2', '3', '2025-01-20', '2025-03-01', { continuesFrom: 'd1' })],
    });
    const duty = analyseLaw(file, '2025-04-01', config()).duties[0]!;
    assert.equal(duty.localAuthority.organisationId, 'la-a');
    assert.ok(duty.flags.includes('LA-05:UNBROKEN_PERIOD'));
  });

  it('reports a council missing from the deciding residence as null with a flag', () => {
    const answer = council([residence('2010-01-01', undefined, 'own_home', undefined, undefined, { ordinarilyResident: 'yes' })], '2024-01-10', '2024-03-01', '2024-04-01');
    assert.equal(answer.id, null);
    assert.ok(answer.flags.includes('LA-01:AREA_UNKNOWN'));
  });
});
