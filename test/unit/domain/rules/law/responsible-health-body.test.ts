import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyseLaw } from '../../../../../src/domain/rules/law/analyse.ts';
import type { CaseFile } from '../../../../../src/domain/case-file/schema.ts';
import { caseFile, config, detention, gp, residence } from './case-file-builder.ts';

const homeA = residence('2000-01-01', undefined, 'own_home', 'la-a', 'icb-a', { ordinarilyResident: 'yes' });
const bodies = (file: CaseFile, asOf: string) => analyseLaw(file, asOf, config()).duties.map((duty) => duty.healthBody);

describe('responsible health body (§3.2)', () => {
  it('uses the GP registration on the application date, whatever the residence says (ICB-02, ICB-03)', () => {
    const file = caseFile({ residences: [homeA], gpRegistrations: [gp('2020-01-01', '2024-03-01', 'icb-b'), gp('2024-03-01', undefined, 'icb-a')], detentions: [detention('d1', '3', '2024-02-01', '2024-05-01')] });
    const [body] = bodies(file, '2024-06-01');
    assert.equal(body!.organisationId, 'icb-b');
    assert.ok(body!.ruleIds.includes('ICB-02') && body!.ruleIds.includes('ICB-03') && body!.ruleIds.includes('ICB-04'));
    assert.ok(body!.reasons.some((reason) => reason.includes('ICB B') && reason.includes('2024-02-01')));
  });

  it('falls back to the area of usual residence, else null with ICB-03:ICB_NFA', () => {
    const usual = caseFile({ residences: [homeA], detentions: [detention('d1', '3', '2024-02-01', '2024-05-01')] });
    assert.equal(bodies(usual, '2024-06-01')[0]!.organisationId, 'icb-a');
    const nowhere = caseFile({ residences: [residence('2023-01-01', undefined, 'no_fixed_abode', 'la-a', 'icb-a')], detentions: [detention('d1', '3', '2024-02-01', '2024-05-01')] });
    const duty = analyseLaw(nowhere, '2024-06-01', config()).duties[0]!;
    assert.equal(duty.healthBody.organisationId, null);
    assert.ok(duty.flags.includes('ICB-03:ICB_NFA'));
    assert.ok(duty.healthBody.reasons.some((reason) => reason.includes('ICB A')), 'the candidate is named');
  });

  it('keeps the originating ICB through a re-detention although the council changes (ICB-04, TC-04)', () => {
    const file = caseFile({
      residences: [residence('2000-01-01', '2023-06-01', 'own_home', 'la-a', 'icb-a', { ordinarilyResident: 'yes' }), residence('2023-06-01', undefined, 'own_home', 'la-b', 'icb-b', { ordinarilyResident: 'yes' })],
      gpRegistrations: [gp('2000-01-01', '2023-07-01', 'icb-a'), gp('2023-07-01', undefined, 'icb-b')],
      detentions: [detention('d1', '3', '2022-08-01', '2023-01-01'), detention('d2', '3', '2024-01-01', '2024-04-01')],
    });
    const duties = analyseLaw(file, '2024-06-01', config()).duties;
    assert.deepEqual(duties.map((duty) => [duty.localAuthority.organisationId, duty.healthBody.organisationId]), [['la-a', 'icb-a'], ['la-b', 'icb-a']]);
  });

  it('uses legacy mode for a chain that began before 1 July 2022, through later detentions (ICB-09:LEGACY)', () => {
    const file = caseFile({ residences: [homeA], gpRegistrations: [gp('2000-01-01', undefined, 'icb-a')], detentions: [detention('d1', '3', '2022-06-30', '2022-09-01'), detention('d2', '3', '2023-01-01', '2023-03-01')] });
    const duties = analyseLaw(file, '2023-06-01', config()).duties;
    for (const duty of duties) {
      assert.equal(duty.healthBody.organisationId, 'icb-a');
      assert.ok(duty.flags.includes('ICB-09:LEGACY'));
      assert.ok(duty.healthBody.ruleIds.includes('ICB-09'));
    }
    const current = caseFile({ residences: [homeA], gpRegistrations: [gp('2000-01-01', undefined, 'icb-a')], detentions: [detention('d1', '3', '2022-07-01', '2022-09-01')] });
    assert.deepEqual(analyseLaw(current, '2023-06-01', config()).duties[0]!.flags, []);
  });

  it('uses the registration before custody for a Part 3 chain, always flagged (ICB-07:PART3)', () => {
    const file = caseFile({
      residences: [residence('2000-01-01', '2023-01-01', 'own_home', 'la-a', 'icb-a', { ordinarilyResident: 'yes' }), residence('2023-01-01', '2024-01-01', 'prison', 'la-b')],
      gpRegistrations: [gp('2000-01-01', '2023-01-01', 'icb-a'), gp('2023-01-01', undefined, 'icb-b')],
      detentions: [detention('d1', '48/49', '2024-01-01', '2024-06-01')],
    });
    const duty = analyseLaw(file, '2024-07-01', config()).duties[0]!;
    assert.equal(duty.healthBody.organisationId, 'icb-a');
    assert.ok(duty.flags.includes('ICB-07:PART3'));
    assert.ok(duty.flags.includes('LA-10:PRISON_OR'));
  });

  it('gives the Welsh Local Health Board for ordinary residence in Wales (ICB-01), flagging a move to England (ICB-08:CROSS_BORDER)', () => {
    const file = caseFile({
      residences: [residence('2000-01-01', '2024-06-01', 'own_home', 'la-w', 'lhb-w', { ordinarilyResident: 'yes' }), residence('2024-06-01', undefined, 'supported_living', 'la-a', 'icb-a')],
      gpRegistrations: [gp('2000-01-01', '2024-07-01', 'lhb-w'), gp('2024-07-01', undefined, 'icb-a')],
      detentions: [detention('d1', '3', '2024-01-01', '2024-06-01')],
    });
    assert.deepEqual(analyseLaw(file, '2024-05-01', config()).duties, []);
    const duty = analyseLaw(file, '2024-08-01', config()).duties[0]!;
    assert.deepEqual([duty.localAuthority.organisationId, duty.healthBody.organisationId], ['la-w', 'lhb-w']);
    assert.deepEqual(duty.flags, ['ICB-08:CROSS_BORDER']);
    assert.ok(duty.healthBody.ruleIds.includes('ICB-01'));
  });

  it('finds an English ICB afresh when a Welsh chain is followed by a detention from England (ICB-08)', () => {
    const file = caseFile({
      residences: [residence('2000-01-01', '2023-06-01', 'own_home', 'la-w', 'lhb-w', { ordinarilyResident: 'yes' }), residence('2023-06-01', undefined, 'own_home', 'la-a', 'icb-a', { ordinarilyResident: 'yes' })],
      gpRegistrations: [gp('2000-01-01', '2023-07-01', 'lhb-w'), gp('2023-07-01', undefined, 'icb-b')],
      detentions: [detention('d1', '3', '2022-09-01', '2023-01-01'), detention('d2', '3', '2024-01-01', '2024-04-01')],
    });
    const duties = analyseLaw(file, '2024-06-01', config()).duties;
    assert.deepEqual(duties.map((duty) => [duty.localAuthority.organisationId, duty.healthBody.organisationId]), [['la-w', 'lhb-w'], ['la-a', 'icb-b']]);
    assert.ok(duties[1]!.flags.includes('ICB-08:CROSS_BORDER'));
  });

  it('reports the organisation as it was, not its successor', () => {
    const file = caseFile({
      organisations: [
        { id: 'la-a', name: 'Council A', kind: 'local_authority', nation: 'england' },
        { id: 'ccg-old', name: 'Old CCG', kind: 'icb', nation: 'england', validTo: '2022-07-01', successorId: 'icb-a' },
        { id: 'icb-a', name: 'ICB A', kind: 'icb', nation: 'england', validFrom: '2022-07-01' },
      ],
      residences: [homeA],
      gpRegistrations: [gp('2000-01-01', '2022-07-01', 'ccg-old'), gp('2022-07-01', undefined, 'icb-a')],
      detentions: [detention('d1', '3', '2021-01-01', '2021-05-01')],
    });
    assert.equal(bodies(file, '2023-01-01')[0]!.organisationId, 'ccg-old');
  });
});
