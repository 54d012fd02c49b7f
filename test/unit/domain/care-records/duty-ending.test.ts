import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkEnding,
  endingState,
  involvesAccommodation,
  proposeEnding,
  reinstateDuty,
  signOff,
  withdrawEnding,
  type EndingContext,
  type EndingProposal,
} from '../../../../src/domain/care-records/duty-ending.ts';
import type { Duty, EndingDecision, Service } from '../../../../src/domain/case-file/schema.ts';

const duty: Duty = { id: 'du1', detentionId: 'd1', start: '2024-09-01', localAuthorityId: 'la-a', healthBodyId: 'icb-a' };
const sound: EndingProposal = { grounds: ['needs_no_longer_arise'], reviewMeetingId: 'm1', personInvolved: true, writtenReasonsSentOn: '2026-02-02', moveOnPlanInPlace: true };
const context: EndingContext = {
  on: '2026-02-02',
  ctos: [],
  reviewMeeting: { date: '2026-01-20', status: 'held' },
  accommodationInvolved: false,
  conditionallyDischarged: false,
  legalSignOffRecorded: false,
};
const { on: _on, ...signOffContext } = context;
const council = { staffId: 'sw1', date: '2026-02-02' };
const healthBody = { staffId: 'c1', date: '2026-02-05' };

function proposed(): Duty {
  const outcome = proposeEnding(duty, sound, context);
  assert.equal(outcome.allowed, true);
  return outcome.allowed ? outcome.result.duty : duty;
}

test('states: open → proposed → either sign-off → ended', () => {
  const cases: [string, Pick<Duty, 'end' | 'ending'>, string][] = [
    ['no ending', {}, 'open'],
    ['proposal only', { ending: { ...sound } }, 'proposed'],
    ['council signed', { ending: { ...sound, localAuthoritySignOff: council } }, 'council_signed_off'],
    ['health body signed', { ending: { ...sound, healthBodySignOff: healthBody } }, 'health_body_signed_off'],
    ['both signed', { ending: { ...sound, localAuthoritySignOff: council, healthBodySignOff: healthBody } }, 'ended'],
    ['ended by re-detention', { end: '2025-01-01' }, 'ended'],
  ];
  for (const [name, record, state] of cases) assert.equal(endingState(record), state, name);
});

test('council first, then health body: ends on the later sign-off with reason joint_decision (END-01)', () => {
  const first = signOff(proposed(), 'local_authority', council, signOffContext);
  assert.equal(first.allowed, true);
  if (!first.allowed) return;
  assert.equal(first.result.state, 'council_signed_off');
  assert.equal(first.result.duty.end, undefined);
  assert.match(first.reasons[0]?.reason ?? '', /ends when the health body also signs off/);
  const second = signOff(first.result.duty, 'health_body', healthBody, signOffContext);
  assert.equal(second.allowed, true);
  if (!second.allowed) return;
  assert.equal(second.result.state, 'ended');
  assert.equal(second.result.duty.end, '2026-02-05');
  assert.equal(second.result.duty.endReason, 'joint_decision');
  assert.deepEqual(second.result.duty.ending?.localAuthoritySignOff, council);
  assert.deepEqual(second.result.duty.ending?.healthBodySignOff, healthBody);
  assert.match(second.reasons[0]?.reason ?? '', /both signed off. Aftercare ended on 5 February 2026/);
  assert.equal(duty.end, undefined, 'the record passed in is not changed');
});

test('health body first, then council', () => {
  const first = signOff(proposed(), 'health_body', { staffId: 'c1', date: '2026-02-03' }, signOffContext);
  assert.ok(first.allowed);
  assert.equal(first.result.state, 'health_body_signed_off');
  assert.match(first.reasons[0]?.reason ?? '', /ends when the council also signs off/);
  const second = signOff(first.result.duty, 'local_authority', council, signOffContext);
  assert.ok(second.allowed);
  assert.equal(second.result.duty.end, '2026-02-03'); // the later of 2 and 3 February
  assert.equal(second.result.duty.endReason, 'joint_decision');
});

test('state refusals: wrong step, same body twice, before the duty started', () => {
  const cases: [string, ReturnType<typeof signOff> | ReturnType<typeof proposeEnding>, RegExp][] = [
    ['sign off with no proposal', signOff(duty, 'local_authority', council, signOffContext), /Propose ending the duty first/],
    ['propose twice', proposeEnding(proposed(), sound, context), /already been proposed/],
    ['propose on an ended duty', proposeEnding({ ...duty, end: '2025-01-01', endReason: 'redetained' }, sound, context), /already ended/],
    ['sign an ended duty', signOff({ ...duty, end: '2025-01-01', endReason: 'redetained', ending: { ...sound } }, 'health_body', healthBody, signOffContext), /already ended/],
    ['sign before the duty started', signOff(proposed(), 'health_body', { staffId: 'c1', date: '2024-08-31' }, signOffContext), /on or after the duty started, 1 September 2024/],
  ];
  for (const [name, outcome, message] of cases) {
    assert.equal(outcome.allowed, false, name);
    assert.equal(outcome.reasons[0]?.ruleId, 'END-01', name);
    assert.match(outcome.reasons[0]?.reason ?? '', message, name);
  }
  const once = signOff(proposed(), 'local_authority', council, signOffContext);
  assert.ok(once.allowed);
  const twice = signOff(once.result.duty, 'local_authority', { staffId: 'sw2', date: '2026-02-04' }, signOffContext);
  assert.equal(twice.allowed, false);
  assert.match(twice.reasons[0]?.reason ?? '', /The council already signed off this ending on 2 February 2026/);
});

test('checkEnding: each refusal with its rule and field', () => {
  const cases: [string, EndingProposal, Partial<EndingContext>, [string, string, RegExp][]][] = [
    ['CTO in force (END-02)', sound, { ctos: [{ start: '2025-03-01' }] }, [['END-02', 'date', /community treatment order.*started on 1 March 2025/]]],
    ['no needs_no_longer_arise', { ...sound, grounds: ['other'] }, {}, [['END-03', 'grounds', /no longer needs it/]]],
    ['no grounds at all', { ...sound, grounds: [] }, {}, [['END-03', 'grounds', /no longer needs it/]]],
    ['needs gone but also disengaged', { ...sound, grounds: ['needs_no_longer_arise', 'disengaged'] }, {}, [['END-03', 'grounds', /Not engaging/]]],
    ['no review meeting', { ...sound, reviewMeetingId: undefined }, {}, [['END-03', 'reviewMeetingId', /Hold a review/]]],
    ['review meeting only planned', sound, { reviewMeeting: { date: '2026-01-20', status: 'planned' } }, [['END-03', 'reviewMeetingId', /20 January 2026 has not been held/]]],
    ['review meeting after the date', sound, { reviewMeeting: { date: '2026-03-01', status: 'held' } }, [['END-03', 'reviewMeetingId', /has not been held/]]],
    ['person not involved', { ...sound, personInvolved: false }, {}, [['END-03', 'personInvolved', /Involve the person/]]],
    ['no written reasons date', { ...sound, writtenReasonsSentOn: undefined }, {}, [['END-03', 'writtenReasonsSentOn', /written reasons/]]],
    ['accommodation, no move-on plan', { ...sound, moveOnPlanInPlace: undefined }, { accommodationInvolved: true }, [['END-03', 'moveOnPlanInPlace', /move-on plan/]]],
    ['accommodation, move-on plan false', { ...sound, moveOnPlanInPlace: false }, { accommodationInvolved: true }, [['END-03', 'moveOnPlanInPlace', /move-on plan/]]],
    ['conditional discharge without legal sign-off (END-04)', sound, { conditionallyDischarged: true }, [['END-04', 'legalSignOff', /conditionally discharged.*legal advice/]]],
  ];
  for (const [name, proposal, change, expected] of cases) {
    const check = checkEnding(proposal, { ...context, ...change });
    assert.equal(check.allowed, false, name);
    assert.deepEqual(check.reasons.map((r) => [r.ruleId, r.field]), expected.map(([ruleId, field]) => [ruleId, field]), name);
    expected.forEach(([, , message], i) => assert.match(check.reasons[i]?.reason ?? '', message, name));
  }
});

test('checkEnding: allowed paths', () => {
  assert.deepEqual(checkEnding(sound, context), { allowed: true, reasons: [{ ruleId: 'END-01', reason: 'A review found the person no longer needs aftercare. It ends when both the council and the health body have signed off.' }], flags: [] });
  // a CTO that has ended (half-open: its end day is no longer covered); move-on plan not needed without accommodation
  assert.equal(checkEnding({ ...sound, moveOnPlanInPlace: undefined }, { ...context, ctos: [{ start: '2025-03-01', end: '2026-02-02' }] }).allowed, true);
  // 'other' alongside needs_no_longer_arise is not ruled out
  assert.equal(checkEnding({ ...sound, grounds: ['needs_no_longer_arise', 'other'] }, context).allowed, true);
  // END-04: conditional discharge with legal sign-off is allowed, with a flag
  const conditional = checkEnding(sound, { ...context, conditionallyDischarged: true, legalSignOffRecorded: true });
  assert.equal(conditional.allowed, true);
  assert.deepEqual(conditional.flags, ['END-04:CONDITIONAL_DISCHARGE']);
  assert.equal(conditional.reasons[1]?.ruleId, 'END-04');
});

test('each ground the Code rules out is refused by name (END-03(b))', () => {
  const grounds: [EndingDecision['grounds'][number], RegExp][] = [
    ['disengaged', /Not engaging with services/],
    ['refused_services', /Refusing services/],
    ['time_elapsed', /time has passed/],
    ['discharged_from_specialist_services', /community mental health team to a GP/],
    ['deprived_of_liberty', /Mental Capacity Act/],
    ['readmitted_informally_or_s2', /informally or under section 2/],
    ['cto_or_leave_ended', /section 17 leave/],
    ['moved_area', /Moving to another area/],
    ['in_prison', /prison/],
  ];
  for (const [ground, message] of grounds) {
    const outcome = proposeEnding(duty, { ...sound, grounds: ['needs_no_longer_arise', ground] }, context);
    assert.equal(outcome.allowed, false, ground);
    assert.deepEqual(outcome.reasons.map((r) => r.ruleId), ['END-03'], ground);
    assert.match(outcome.reasons[0]?.reason ?? '', message, ground);
  }
});

test('TC-08: CTO — refused while in force, and again when the only reason is that it ended', () => {
  const ctos = [{ start: '2025-03-01', end: '2026-01-20' }];
  const during = proposeEnding(duty, { grounds: ['other'], personInvolved: false }, { ...context, on: '2025-09-15', ctos });
  assert.equal(during.allowed, false);
  assert.deepEqual(during.reasons.map((r) => r.ruleId), ['END-02', 'END-03']);
  const after = proposeEnding(duty, { grounds: ['cto_or_leave_ended'], personInvolved: false }, { ...context, on: '2026-01-27', ctos });
  assert.equal(after.allowed, false);
  assert.deepEqual(after.reasons.map((r) => [r.ruleId, r.field]), [['END-03', 'grounds'], ['END-03', 'grounds']]);
  assert.match(after.reasons[1]?.reason ?? '', /end of a community treatment order/);
  // a CTO that starts after the proposal was made still blocks the sign-off on a later date
  const signing = signOff(proposed(), 'health_body', { staffId: 'c1', date: '2026-03-01' }, { ...signOffContext, ctos: [{ start: '2026-02-20' }] });
  assert.equal(signing.allowed, false);
  assert.equal(signing.reasons[0]?.ruleId, 'END-02');
});

test('TC-12: "close — disengaged" is refused and the duty continues', () => {
  const outcome = proposeEnding(duty, { grounds: ['disengaged'], personInvolved: false }, context);
  assert.equal(outcome.allowed, false);
  assert.match(outcome.reasons.map((r) => r.reason).join(' '), /no longer needs it.*Not engaging with services/);
  assert.equal(endingState(duty), 'open');
});

test('TC-13: several improper grounds, both bodies signed, no review — every reason listed', () => {
  const ending: EndingDecision = {
    grounds: ['discharged_from_specialist_services', 'time_elapsed', 'deprived_of_liberty', 'readmitted_informally_or_s2'],
    personInvolved: false,
    localAuthoritySignOff: council,
  };
  const check = checkEnding(ending, { ...context, reviewMeeting: undefined });
  assert.equal(check.allowed, false);
  assert.deepEqual(check.reasons.map((r) => r.field), ['grounds', 'grounds', 'grounds', 'grounds', 'grounds', 'reviewMeetingId', 'personInvolved', 'writtenReasonsSentOn']);
  const signing = signOff({ ...duty, ending }, 'health_body', healthBody, { ...signOffContext, reviewMeeting: undefined });
  assert.equal(signing.allowed, false);
  assert.equal(signing.reasons.length, 8);
});

test('a proposal may still lack review items; they are listed and block the sign-off', () => {
  const outcome = proposeEnding(duty, { ...sound, writtenReasonsSentOn: undefined, moveOnPlanInPlace: undefined, ext: { note: 'x' } }, { ...context, accommodationInvolved: true });
  assert.ok(outcome.allowed);
  assert.deepEqual(outcome.reasons.map((r) => r.field), ['writtenReasonsSentOn', 'moveOnPlanInPlace']);
  assert.equal(endingState(outcome.result.duty), 'proposed');
  assert.deepEqual(outcome.result.duty.ending?.ext, { note: 'x' });
  assert.deepEqual(outcome.result.flags, []);
  const signing = signOff(outcome.result.duty, 'local_authority', council, { ...signOffContext, accommodationInvolved: true });
  assert.equal(signing.allowed, false);
  assert.deepEqual(signing.reasons.map((r) => r.field), ['writtenReasonsSentOn', 'moveOnPlanInPlace']);
});

test('a proposal never carries a sign-off', () => {
  const outcome = proposeEnding(duty, { ...sound, localAuthoritySignOff: council } as EndingProposal, context);
  assert.ok(outcome.allowed);
  assert.equal(outcome.result.duty.ending?.localAuthoritySignOff, undefined);
});

test('END-04: a proposal while conditionally discharged needs the legal sign-off before sign-off, then carries the flag', () => {
  const without = proposeEnding(duty, sound, { ...context, conditionallyDischarged: true });
  assert.ok(without.allowed);
  assert.deepEqual(without.reasons.map((r) => r.ruleId), ['END-04']);
  const refused = signOff(without.result.duty, 'local_authority', council, { ...signOffContext, conditionallyDischarged: true });
  assert.equal(refused.allowed, false);
  const withLegal = { ...signOffContext, conditionallyDischarged: true, legalSignOffRecorded: true };
  const first = signOff(without.result.duty, 'local_authority', council, withLegal);
  assert.ok(first.allowed);
  assert.deepEqual(first.result.flags, ['END-04:CONDITIONAL_DISCHARGE']);
  const second = signOff(first.result.duty, 'health_body', healthBody, withLegal);
  assert.ok(second.allowed);
  assert.equal(second.result.state, 'ended');
  assert.deepEqual(second.result.flags, ['END-04:CONDITIONAL_DISCHARGE']);
  assert.deepEqual(second.reasons.map((r) => r.ruleId), ['END-01', 'END-04']);
});

test('withdrawing a proposal returns the duty to open', () => {
  const once = signOff(proposed(), 'local_authority', council, signOffContext);
  assert.ok(once.allowed);
  const withdrawn = withdrawEnding(once.result.duty);
  assert.ok(withdrawn.allowed);
  assert.equal(endingState(withdrawn.result.duty), 'open');
  assert.deepEqual(withdrawn.result.withdrawn.localAuthoritySignOff, council);
  assert.equal(withdrawEnding(duty).allowed, false);
});

test('reinstating a flawed ending: continues from the end date, history kept', () => {
  const ended: Duty = { ...duty, end: '2026-02-05', endReason: 'joint_decision', ending: { grounds: ['disengaged'], personInvolved: false } };
  const outcome = reinstateDuty(ended, { decidedOn: '2026-06-01', reason: ' Ended because the person disengaged (TC-12). ' });
  assert.ok(outcome.allowed);
  assert.deepEqual(outcome.result.duty, duty);
  assert.equal(endingState(outcome.result.duty), 'open');
  assert.deepEqual(outcome.result.change, {
    dutyId: 'du1',
    continuesFrom: '2026-02-05',
    decidedOn: '2026-06-01',
    reason: 'Ended because the person disengaged (TC-12).',
    previous: { end: '2026-02-05', endReason: 'joint_decision', ending: { grounds: ['disengaged'], personInvolved: false } },
  });
  assert.match(outcome.reasons[0]?.reason ?? '', /continues from 5 February 2026/);
  assert.equal(ended.end, '2026-02-05', 'the record passed in is not changed');
});

test('reinstatement refusals', () => {
  const ended: Duty = { ...duty, end: '2026-02-05', endReason: 'other' };
  const cases: [string, Duty, { decidedOn: string; reason: string }, [string, string | undefined][]][] = [
    ['not ended', duty, { decidedOn: '2026-06-01', reason: 'x' }, [['END-03', undefined]]],
    ['ended by death', { ...duty, end: '2026-02-05', endReason: 'death' }, { decidedOn: '2026-06-01', reason: 'x' }, [['END-06', undefined]]],
    ['decided before the end', ended, { decidedOn: '2026-02-04', reason: 'x' }, [['END-03', 'decidedOn']]],
    ['no reason', ended, { decidedOn: '2026-06-01', reason: '  ' }, [['END-03', 'reason']]],
  ];
  for (const [name, record, decision, expected] of cases) {
    const outcome = reinstateDuty(record, decision);
    assert.equal(outcome.allowed, false, name);
    assert.deepEqual(outcome.reasons.map((r) => [r.ruleId, r.field]), expected, name);
  }
});

test('involvesAccommodation: aftercare accommodation of the duty in progress on the date', () => {
  const base: Pick<Service, 'dutyId' | 'kind' | 'aftercare' | 'status' | 'start' | 'end'> = { dutyId: 'du1', kind: 'supported_living', aftercare: true, status: 'active', start: '2025-01-01' };
  const cases: [string, Partial<typeof base>, boolean][] = [
    ['in progress', {}, true],
    ['another duty', { dutyId: 'du2' }, false],
    ['not aftercare', { aftercare: false }, false],
    ['not accommodation', { kind: 'day_service' }, false],
    ['only planned', { status: 'planned' }, false],
    ['no start', { start: undefined }, false],
    ['ended on the date', { end: '2026-02-02' }, false],
    ['ends the day after', { end: '2026-02-03' }, true],
  ];
  for (const [name, change, expected] of cases) assert.equal(involvesAccommodation([{ ...base, ...change }], 'du1', '2026-02-02'), expected, name);
});
