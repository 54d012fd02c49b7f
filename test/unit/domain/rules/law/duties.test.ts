import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyseLaw } from '../../../../../src/domain/rules/law/analyse.ts';
import type { CaseFile } from '../../../../../src/domain/case-file/schema.ts';
import { caseFile, config, detention, gp, residence } from './case-file-builder.ts';

const home = residence('2000-01-01', undefined, 'own_home', 'la-a', 'icb-a', { ordinarilyResident: 'yes' });
const registered = gp('2000-01-01', undefined, 'icb-a');
const summary = (analysis: ReturnType<typeof analyseLaw>) => analysis.duties.map((duty) => [duty.detentionId, duty.start, duty.end, duty.endReason]);

function jointEnding(detentionId: string, end: string, grounds: NonNullable<CaseFile['duties'][number]['ending']>['grounds']): CaseFile['duties'][number] {
  return {
    id: 'du1', detentionId, start: '2023-01-01', localAuthorityId: 'la-a', healthBodyId: 'icb-a', end, endReason: 'joint_decision',
    ending: { localAuthoritySignOff: { staffId: 's-la', date: end }, healthBodySignOff: { staffId: 's-icb', date: end }, grounds, personInvolved: true },
  };
}

describe('duties the law gives (ELIG-04, END-01/02/05/06, RECALL_POLICY)', () => {
  it('ends a duty on death (END-06) and gives none to someone who died before leaving hospital', () => {
    const died = caseFile({ person: { id: 'p1', givenName: 'A', familyName: 'B', dateOfDeath: '2025-03-01' }, residences: [home], gpRegistrations: [registered], detentions: [detention('d1', '3', '2024-01-01', '2024-06-01')] });
    assert.deepEqual(summary(analyseLaw(died, '2025-06-01', config())), [['d1', '2024-06-01', '2025-03-01', 'death']]);
    assert.deepEqual(summary(analyseLaw(died, '2025-02-01', config())), [['d1', '2024-06-01', undefined, undefined]], 'death after asOf has not happened yet');
    const inHospital = caseFile({ person: { id: 'p1', givenName: 'A', familyName: 'B', dateOfDeath: '2024-07-01' }, residences: [home], detentions: [detention('d1', '3', '2024-01-01', '2024-06-01', { leftHospital: '2024-08-01' })] });
    assert.deepEqual(summary(analyseLaw(inHospital, '2025-01-01', config())), []);
  });

  it('does not start a duty while the person is still in hospital on asOf, even after the section ended', () => {
    const file = caseFile({ residences: [home], detentions: [detention('d1', '3', '2024-01-01', '2024-06-01', { leftHospital: '2024-09-01' })] });
    assert.deepEqual(summary(analyseLaw(file, '2024-08-31', config())), []);
    assert.deepEqual(summary(analyseLaw(file, '2024-09-01', config())), [['d1', '2024-09-01', undefined, undefined]]);
  });

  it('gives no duty for a detention the person never left hospital from before the next qualifying one (ELIG-04)', () => {
    const file = caseFile({ residences: [home], gpRegistrations: [registered], detentions: [detention('d1', '3', '2024-01-01', '2024-03-01', { leftHospital: '2024-05-01' }), detention('d2', '3', '2024-04-01', '2024-07-01')] });
    assert.deepEqual(summary(analyseLaw(file, '2025-01-01', config())), [['d2', '2024-07-01', undefined, undefined]]);
  });

  it('ends a duty on a qualifying re-detention (END-05) but not on an s2 (ELIG-03)', () => {
    const file = caseFile({ residences: [home], gpRegistrations: [registered], detentions: [detention('d1', '3', '2023-01-01', '2023-03-01'), detention('d2', '2', '2023-06-01', '2023-06-20'), detention('d3', '37', '2024-01-01', '2024-05-01')] });
    const analysis = analyseLaw(file, '2025-01-01', config());
    assert.deepEqual(summary(analysis), [['d1', '2023-03-01', '2024-01-01', 'redetained'], ['d3', '2024-05-01', undefined, undefined]]);
    assert.ok(analysis.duties[0]!.localAuthority.ruleIds.includes('ELIG-03'));
    assert.ok(analysis.duties[0]!.localAuthority.ruleIds.includes('END-05'));
  });

  it('ends a duty by a joint decision with both sign-offs on needs grounds (END-01), and the next chain finds its ICB afresh (ICB-05)', () => {
    const file = caseFile({
      residences: [home],
      gpRegistrations: [gp('2000-01-01', '2024-01-01', 'icb-a'), gp('2024-01-01', undefined, 'icb-b')],
      detentions: [detention('d1', '3', '2022-09-01', '2023-01-01'), detention('d2', '3', '2024-06-01', '2024-09-01')],
      duties: [jointEnding('d1', '2023-12-01', ['needs_no_longer_arise'])],
    });
    const analysis = analyseLaw(file, '2025-01-01', config());
    assert.deepEqual(summary(analysis), [['d1', '2023-01-01', '2023-12-01', 'joint_decision'], ['d2', '2024-09-01', undefined, undefined]]);
    assert.equal(analysis.duties[1]!.healthBody.organisationId, 'icb-b');
    assert.ok(analysis.duties[1]!.healthBody.ruleIds.includes('ICB-05'));
    assert.deepEqual(summary(analyseLaw(file, '2023-11-30', config())), [['d1', '2023-01-01', undefined, undefined]], 'not before the decision');
  });

  it('lets a joint decision end the duty during a conditional discharge, flagged for legal sign-off (END-04)', () => {
    const file = caseFile({
      residences: [
        residence('2000-01-01', '2023-01-01', 'own_home', 'la-a', 'icb-a', { ordinarilyResident: 'yes' }),
        residence('2023-03-01', undefined, 'hostel', 'la-b', undefined, { legalCondition: 'conditional_discharge' }),
      ],
      detentions: [detention('d1', '37/41', '2023-01-01', '2023-03-01')],
      duties: [jointEnding('d1', '2024-01-01', ['needs_no_longer_arise'])],
    });
    const [duty] = analyseLaw(file, '2025-01-01', config()).duties;
    assert.deepEqual([duty!.end, duty!.endReason], ['2024-01-01', 'joint_decision']);
    assert.ok(duty!.flags.includes('END-04:CONDITIONAL_DISCHARGE'));
    assert.ok(duty!.localAuthority.ruleIds.includes('ELIG-07'));
  });

  it('does not let a joint decision end the duty while a CTO is in force (END-02)', () => {
    const file = caseFile({
      residences: [home], gpRegistrations: [registered], detentions: [detention('d1', '3', '2023-01-01', '2023-03-01')],
      ctos: [{ id: 'c1', detentionId: 'd1', start: '2023-03-01' }], duties: [jointEnding('d1', '2024-01-01', ['needs_no_longer_arise'])],
    });
    const [duty] = analyseLaw(file, '2025-01-01', config()).duties;
    assert.equal(duty!.end, undefined);
    assert.deepEqual(duty!.flags, ['END-02:CTO_IN_FORCE']);
    assert.ok(duty!.localAuthority.ruleIds.includes('ELIG-06'));
  });

  describe('a CTO recall and revocation (U-03)', () => {
    const file = caseFile({
      residences: [
        residence('2000-01-01', '2023-06-01', 'own_home', 'la-a', 'icb-a', { ordinarilyResident: 'yes' }),
        residence('2023-06-01', undefined, 'own_home', 'la-b', 'icb-b', { ordinarilyResident: 'yes' }),
      ],
      gpRegistrations: [registered],
      detentions: [detention('d1', '3', '2023-01-01', '2023-03-01'), detention('r1', '3', '2024-02-01', '2024-04-01', { kind: 'cto_revocation', continuesFrom: 'd1' })],
      ctos: [{ id: 'c1', detentionId: 'd1', start: '2023-03-01', end: '2024-02-01' }],
    });

    it('continuing_order: the recall neither ends the duty nor starts one, and is always flagged', () => {
      const analysis = analyseLaw(file, '2025-01-01', config({ recallPolicy: 'continuing_order' }));
      assert.deepEqual(summary(analysis), [['d1', '2023-03-01', undefined, undefined]]);
      assert.equal(analysis.duties[0]!.localAuthority.organisationId, 'la-a');
      assert.deepEqual(analysis.duties[0]!.flags, ['LA-07:RECALL_CONTESTED']);
      assert.ok(analysis.duties[0]!.localAuthority.reasons.some((reason) => reason.includes('Council B')), 'the other answer is in the reasons');
    });

    it('worcestershire_strict: the recall ends the duty and the next one is allocated afresh', () => {
      const analysis = analyseLaw(file, '2025-01-01', config({ recallPolicy: 'worcestershire_strict' }));
      assert.deepEqual(summary(analysis), [['d1', '2023-03-01', '2024-02-01', 'redetained'], ['r1', '2024-04-01', undefined, undefined]]);
      assert.equal(analysis.duties[1]!.localAuthority.organisationId, 'la-b');
      assert.equal(analysis.duties[1]!.healthBody.organisationId, 'icb-a', 'the originating ICB carries on (ICB-04)');
      for (const duty of analysis.duties) assert.ok(duty.flags.includes('LA-07:RECALL_CONTESTED'));
    });
  });

  it('flags overnight or community-trial s17 leave before any duty (ELIG-05), but not escorted leave', () => {
    const leave = (kind: 'escorted' | 'overnight') => caseFile({ residences: [home], detentions: [detention('d1', '3', '2025-01-01', undefined, { leave: [{ from: '2025-02-01', to: '2025-02-02', kind }] })] });
    assert.deepEqual(analyseLaw(leave('overnight'), '2025-03-01', config()).flags, ['ELIG-05:S17_TRIGGER']);
    assert.deepEqual(analyseLaw(leave('overnight'), '2025-01-31', config()).flags, [], 'leave after asOf has not happened');
    assert.deepEqual(analyseLaw(leave('escorted'), '2025-03-01', config()).flags, []);
  });
});
