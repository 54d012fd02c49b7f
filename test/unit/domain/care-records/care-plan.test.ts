import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  agreeCarePlan,
  carePlanInForce,
  coordinatingFrameworks,
  isCoordinatingFramework,
  paymentOfferPrompt,
  planReviewDue,
  recordPlanReview,
} from '../../../../src/domain/care-records/care-plan.ts';
import type { CarePlan, PaymentOffer } from '../../../../src/domain/case-file/schema.ts';

const needs: CarePlan['needs'] = [{ id: 'n1', description: 'Help to take medication', relatedToMentalDisorder: true }];
const v1: CarePlan = { id: 'cp1', dutyId: 'du1', status: 'agreed', agreedOn: '2025-06-10', reviewDue: '2026-06-10', needs };
const draft: CarePlan = { id: 'cp2', dutyId: 'du1', status: 'draft', needs };
const otherDuty: CarePlan = { id: 'cp9', dutyId: 'du2', status: 'agreed', agreedOn: '2025-01-01', needs };

test('agreeing a draft supersedes the previous agreed plan of the duty; review due 12 months later (PLAN-05)', () => {
  const outcome = agreeCarePlan({ plan: draft, plans: [v1, draft, otherDuty], agreedOn: '2026-01-31', coordinatingFramework: 'CMHF' });
  assert.ok(outcome.allowed);
  assert.deepEqual(outcome.result.agreed, { ...draft, status: 'agreed', agreedOn: '2026-01-31', reviewDue: '2027-01-31', ext: { coordinatingFramework: 'CMHF' } });
  assert.deepEqual(outcome.result.superseded, [{ ...v1, status: 'superseded' }]);
  assert.deepEqual(outcome.reasons.map((r) => r.reason), ['The plan is agreed. Review it by 31 January 2027.', 'It replaces the plan agreed before. The earlier plan is kept in the history.']);
  assert.equal(v1.status, 'agreed', 'the record passed in is not changed');
});

test('agreeing: review date by addMonths (clamped), configurable, or agreed earlier', () => {
  const cases: [Partial<Parameters<typeof agreeCarePlan>[0]>, string][] = [
    [{ agreedOn: '2024-02-29' }, '2025-02-28'], // clamped to the month's end
    [{ agreedOn: '2025-08-31', reviewMonths: 6 }, '2026-02-28'],
    [{ agreedOn: '2025-08-31', reviewDue: '2025-11-30' }, '2025-11-30'],
  ];
  for (const [change, reviewDue] of cases) {
    const outcome = agreeCarePlan({ plan: draft, plans: [], agreedOn: '2025-01-01', ...change });
    assert.ok(outcome.allowed);
    assert.equal(outcome.result.agreed.reviewDue, reviewDue);
    assert.deepEqual(outcome.result.superseded, []);
    assert.equal(outcome.result.agreed.ext, undefined);
  }
});

test('agreeing: refusals', () => {
  const cases: [string, Parameters<typeof agreeCarePlan>[0], [string, string][]][] = [
    ['already agreed', { plan: v1, plans: [v1], agreedOn: '2026-01-31' }, [['PLAN-04', 'status']]],
    ['superseded', { plan: { ...v1, status: 'superseded' }, plans: [], agreedOn: '2026-01-31' }, [['PLAN-04', 'status']]],
    ['no needs', { plan: { ...draft, needs: [] }, plans: [], agreedOn: '2026-01-31' }, [['PLAN-04', 'needs']]],
    ['unknown framework', { plan: draft, plans: [], agreedOn: '2026-01-31', coordinatingFramework: 'CPA' }, [['PLAN-01', 'coordinatingFramework']]],
    ['older than the agreed plan', { plan: draft, plans: [v1], agreedOn: '2025-06-09' }, [['PLAN-04', 'agreedOn']]],
    ['review not after agreement', { plan: draft, plans: [], agreedOn: '2026-01-31', reviewDue: '2026-01-31' }, [['PLAN-05', 'reviewDue']]],
  ];
  for (const [name, request, expected] of cases) {
    const outcome = agreeCarePlan(request);
    assert.equal(outcome.allowed, false, name);
    assert.deepEqual(outcome.reasons.map((r) => [r.ruleId, r.field]), expected, name);
  }
  const older = agreeCarePlan({ plan: draft, plans: [v1], agreedOn: '2025-06-09' });
  assert.match(older.reasons[0]?.reason ?? '', /agreed on 10 June 2025/);
});

test('coordinating frameworks (PLAN-01)', () => {
  assert.deepEqual([...coordinatingFrameworks], ['CPA_legacy', 'CMHF', 'Wales_Measure_CTP', 'other']);
  for (const value of coordinatingFrameworks) assert.equal(isCoordinatingFramework(value), true);
  for (const value of ['CPA', '', 3, undefined]) assert.equal(isCoordinatingFramework(value), false);
});

test('recording a review moves the next review 12 months on', () => {
  const outcome = recordPlanReview(v1, '2026-03-15');
  assert.ok(outcome.allowed);
  assert.deepEqual(outcome.result, { ...v1, reviewedOn: ['2026-03-15'], reviewDue: '2027-03-15' });
  const refusals: [string, CarePlan, string, string][] = [
    ['draft', draft, '2026-03-15', 'status'],
    ['superseded', { ...v1, status: 'superseded' }, '2026-03-15', 'status'],
    ['before agreement', v1, '2025-06-09', 'reviewedOn'],
  ];
  for (const [name, plan, date, field] of refusals) {
    const refused = recordPlanReview(plan, date);
    assert.equal(refused.allowed, false, name);
    assert.equal(refused.reasons[0]?.field, field, name);
  }
});

test('planReviewDue: as the alert plan-review-overdue reads it', () => {
  const cases: [string, CarePlan, string, string | undefined][] = [
    ['draft', draft, '2026-01-01', undefined],
    ['reviewDue recorded', v1, '2026-01-01', '2026-06-10'],
    ['no reviewDue: 12 months after agreement', { ...v1, reviewDue: undefined }, '2026-01-01', '2026-06-10'],
    ['a later review moves it', { ...v1, reviewedOn: ['2025-12-01'] }, '2026-01-01', '2026-12-01'],
    ['a review after asOf does not count yet', { ...v1, reviewedOn: ['2026-02-01'] }, '2026-01-01', '2026-06-10'],
    ['an early review does not shorten an agreed later date', { ...v1, reviewDue: '2027-01-01', reviewedOn: ['2025-07-01'] }, '2026-01-01', '2027-01-01'],
  ];
  for (const [name, plan, asOf, expected] of cases) assert.equal(planReviewDue(plan, asOf), expected, name);
});

test('carePlanInForce: the latest agreed on or before the date, whatever its status now', () => {
  const v2: CarePlan = { ...draft, status: 'agreed', agreedOn: '2026-01-31' };
  const plans = [{ ...v1, status: 'superseded' as const }, v2, otherDuty, draft];
  assert.equal(carePlanInForce(plans, 'du1', '2025-06-09'), undefined);
  assert.equal(carePlanInForce(plans, 'du1', '2026-01-30')?.id, 'cp1');
  assert.equal(carePlanInForce(plans, 'du1', '2026-01-31')?.id, 'cp2');
  assert.equal(carePlanInForce(plans, 'du2', '2026-01-31')?.id, 'cp9');
});

test('payment offer prompt (SERV-10, SERV-11)', () => {
  const duty = { id: 'du1', start: '2025-06-01' };
  const offer = (change: Partial<PaymentOffer>): PaymentOffer => ({ id: 'o', dutyId: 'du1', kind: 'personal_health_budget', offeredOn: '2025-07-01', response: 'pending', ...change });
  const cases: [string, PaymentOffer[], string[]][] = [
    ['no offers', [], ['direct_payment', 'personal_health_budget']],
    ['a PHB offer only', [offer({})], ['direct_payment']],
    ['both offered (declined still counts)', [offer({}), offer({ kind: 'direct_payment', response: 'declined' })], []],
    ['an offer for no particular duty counts', [offer({ dutyId: undefined }), offer({ kind: 'direct_payment', dutyId: undefined })], []],
    ['an offer for another duty does not', [offer({ dutyId: 'du0' })], ['direct_payment', 'personal_health_budget']],
    ['an offer before the plan and the duty does not', [offer({ offeredOn: '2025-05-14' })], ['direct_payment', 'personal_health_budget']],
    ['an offer after the date does not yet', [offer({ offeredOn: '2026-02-01' })], ['direct_payment', 'personal_health_budget']],
    ['an offer at planning before discharge counts (plan agreed before the duty start)', [offer({ offeredOn: '2025-05-20' })], ['direct_payment']],
  ];
  const plans: CarePlan[] = [{ ...v1, agreedOn: '2025-05-15' }];
  for (const [name, offers, notOffered] of cases) {
    const prompt = paymentOfferPrompt({ duty, plans, offers, on: '2026-01-31' });
    assert.deepEqual(prompt.notOffered, notOffered, name);
    assert.equal(prompt.prompt, notOffered.length > 0, name);
    assert.deepEqual(prompt.reasons.map((r) => r.ruleId), notOffered.map((kind) => (kind === 'direct_payment' ? 'SERV-10' : 'SERV-11')), name);
  }
  // with no agreed plan, offers count from the duty start
  assert.deepEqual(paymentOfferPrompt({ duty, plans: [], offers: [offer({ offeredOn: '2025-05-20' })], on: '2026-01-31' }).notOffered, ['direct_payment', 'personal_health_budget']);
});
