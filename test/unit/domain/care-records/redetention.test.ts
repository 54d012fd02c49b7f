import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endDutiesOnRedetention } from '../../../../src/domain/care-records/redetention.ts';
import type { Detention, Duty } from '../../../../src/domain/case-file/schema.ts';

// TC-04: duty 1 (LA-A/ICB-A) from 2023-01-10; re-detained under s3 on 2023-10-05.
const duty1: Duty = { id: 'du1', detentionId: 'd1', start: '2023-01-10', localAuthorityId: 'la-a', healthBodyId: 'icb-a' };
const s3: Detention = { id: 'd2', section: '3', start: '2023-10-05' };

test('TC-04: a qualifying re-detention ends the open duty that day, reason redetained (END-05); the ICB carries on (ICB-04)', () => {
  const outcome = endDutiesOnRedetention({ duties: [duty1], detention: s3, recallPolicy: 'continuing_order' });
  assert.equal(outcome.ended.length, 1);
  const [ending] = outcome.ended;
  assert.deepEqual(ending?.duty, { ...duty1, end: '2023-10-05', endReason: 'redetained' });
  assert.equal(ending?.continuingHealthBodyId, 'icb-a');
  assert.deepEqual(ending?.reasons.map((r) => r.ruleId), ['END-05', 'ICB-04']);
  assert.match(ending?.reasons[0]?.reason ?? '', /detained again under section 3 on 5 October 2023/);
  assert.deepEqual(outcome.continuing, []);
  assert.deepEqual(outcome.flags, []);
  assert.equal(duty1.end, undefined, 'the record passed in is not changed');
});

test('which duties are open on the day the detention begins', () => {
  const duties: Duty[] = [
    duty1,
    { ...duty1, id: 'ended-before', end: '2023-06-01', endReason: 'joint_decision' },
    { ...duty1, id: 'ended-that-day', end: '2023-10-05', endReason: 'death' }, // half-open: not open on its end day
    { ...duty1, id: 'ends-later', end: '2024-01-01', endReason: 'other' },
    { ...duty1, id: 'starts-later', start: '2023-11-01' },
    { ...duty1, id: 'same-detention', detentionId: 'd2', start: '2023-10-05' },
  ];
  const outcome = endDutiesOnRedetention({ duties, detention: s3, recallPolicy: 'continuing_order' });
  assert.deepEqual(outcome.ended.map((e) => [e.dutyId, e.duty.end]), [['du1', '2023-10-05'], ['ends-later', '2023-10-05']]);
});

test('each qualifying section ends the duty; others do not (ELIG-01, ELIG-03)', () => {
  const sections: [Detention['section'], boolean][] = [
    ['3', true], ['37', true], ['37/41', true], ['45A', true], ['47', true], ['47/49', true], ['48', true], ['48/49', true],
    ['2', false], ['4', false], ['5(2)', false], ['5(4)', false], ['35', false], ['36', false], ['38', false], ['135', false], ['136', false], ['other', false],
  ];
  for (const [section, ends] of sections) {
    const outcome = endDutiesOnRedetention({ duties: [duty1], detention: { ...s3, section }, recallPolicy: 'continuing_order' });
    assert.equal(outcome.ended.length, ends ? 1 : 0, section);
    assert.equal(outcome.continuing.length, ends ? 0 : 1, section);
    if (!ends) assert.equal(outcome.continuing[0]?.reasons[0]?.ruleId, 'ELIG-03', section);
  }
});

test('TC-14: s2 after moving leaves the duty running; the s3 that follows ends it on its own start', () => {
  const duty: Duty = { id: 'du1', detentionId: 'd1', start: '2023-06-01', localAuthorityId: 'la-a', healthBodyId: 'icb-a' };
  const s2: Detention = { id: 'd2', section: '2', start: '2025-01-05' };
  const afterS2 = endDutiesOnRedetention({ duties: [duty], detention: s2, recallPolicy: 'continuing_order' });
  assert.deepEqual(afterS2.ended, []);
  assert.match(afterS2.continuing[0]?.reasons[0]?.reason ?? '', /section 2 does not end aftercare/);
  const converted: Detention = { id: 'd3', section: '3', start: '2025-01-25', continuesFrom: 'd2' };
  const afterS3 = endDutiesOnRedetention({ duties: [duty], detention: converted, recallPolicy: 'continuing_order' });
  assert.equal(afterS3.ended[0]?.duty.end, '2025-01-25');
  assert.equal(afterS3.ended[0]?.continuingHealthBodyId, 'icb-a');
});

test('recalls follow RECALL_POLICY and are always flagged (U-03)', () => {
  for (const kind of ['cto_recall', 'cto_revocation', 'conditional_discharge_recall'] as const) {
    const recall: Detention = { ...s3, section: kind === 'conditional_discharge_recall' ? '37/41' : '3', kind };
    const kept = endDutiesOnRedetention({ duties: [duty1], detention: recall, recallPolicy: 'continuing_order' });
    assert.deepEqual(kept.ended, [], kind);
    assert.equal(kept.continuing[0]?.reasons[0]?.ruleId, 'END-05', kind);
    assert.deepEqual(kept.flags, ['END-05:RECALL_CONTESTED'], kind);
    const strict = endDutiesOnRedetention({ duties: [duty1], detention: recall, recallPolicy: 'worcestershire_strict' });
    assert.equal(strict.ended[0]?.duty.endReason, 'redetained', kind);
    assert.match(strict.ended[0]?.reasons[0]?.reason ?? '', /under a recall/, kind);
    assert.deepEqual(strict.flags, ['END-05:RECALL_CONTESTED'], kind);
  }
  // a new detention (kind absent or "new") is not flagged
  assert.deepEqual(endDutiesOnRedetention({ duties: [duty1], detention: { ...s3, kind: 'new' }, recallPolicy: 'continuing_order' }).flags, []);
});

test('no open duty: nothing to decide', () => {
  assert.deepEqual(endDutiesOnRedetention({ duties: [], detention: s3, recallPolicy: 'continuing_order' }), { ended: [], continuing: [], flags: [] });
});
