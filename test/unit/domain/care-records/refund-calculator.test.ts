import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculateRefund, chargeRefundRecord } from '../../../../src/domain/care-records/refund-calculator.ts';
import { divideRoundHalfUp, percentToBasisPoints } from '../../../../src/domain/care-records/money.ts';

// Example A: £100 a week for two whole weeks, refunded on 2026-01-09 at 8%.
const twoWeeks = [{ id: 'c1', from: '2025-01-06', to: '2025-01-20', weeklyPence: 10_000 }];

test('example A, simple daily interest at 8%', () => {
  const refund = calculateRefund(twoWeeks, { refundDate: '2026-01-09' });
  // week 1 paid 2025-01-06, held 368 days: 10000 × 0.08 × 368 / 365 = 806.575… → 807
  // week 2 paid 2025-01-13, held 361 days: 10000 × 0.08 × 361 / 365 = 791.232… → 791
  assert.deepEqual(refund.periods[0]?.instalments, [
    { paidOn: '2025-01-06', days: 7, principalPence: 10_000, daysHeld: 368, interestPence: 807 },
    { paidOn: '2025-01-13', days: 7, principalPence: 10_000, daysHeld: 361, interestPence: 791 },
  ]);
  assert.equal(refund.principalPence, 20_000);
  assert.equal(refund.interestPence, 1_598);
  assert.equal(refund.totalPence, 21_598);
  assert.equal(refund.method, 'simple_daily');
  assert.equal(refund.annualRatePercent, 8);
  assert.equal(refund.rounding, 'half_up_per_line');
});

test('example A, simple weekly interest: whole weeks only', () => {
  const refund = calculateRefund(twoWeeks, { refundDate: '2026-01-09', method: 'simple_weekly' });
  // week 1: 368 days = 52 whole weeks: 10000 × 0.08 × 52 / 52 = 800
  // week 2: 361 days = 51 whole weeks: 10000 × 0.08 × 51 / 52 = 784.615… → 785
  assert.deepEqual(refund.periods[0]?.instalments.map((i) => i.interestPence), [800, 785]);
  assert.equal(refund.interestPence, 1_585);
  assert.equal(refund.method, 'simple_weekly');
});

test('example B: a part week is charged pro rata by day', () => {
  // 10 days at £100 a week, 2025-01-06 up to 2025-01-16; refunded 2025-07-06 at 8%.
  const refund = calculateRefund([{ id: 'c2', from: '2025-01-06', to: '2025-01-16', weeklyPence: 10_000 }], { refundDate: '2025-07-06' });
  // week 1: 7 days, £100, held 181 days: 10000 × 0.08 × 181 / 365 = 396.712… → 397
  // part week: 3 days, 10000 × 3 / 7 = 4285.714… → 4286; held 174 days: 4286 × 0.08 × 174 / 365 = 163.455… → 163
  assert.deepEqual(refund.periods[0]?.instalments, [
    { paidOn: '2025-01-06', days: 7, principalPence: 10_000, daysHeld: 181, interestPence: 397 },
    { paidOn: '2025-01-13', days: 3, principalPence: 4_286, daysHeld: 174, interestPence: 163 },
  ]);
  assert.equal(refund.principalPence, 14_286);
  assert.equal(refund.interestPence, 560);
});

test('example C: a half penny rounds up, at the end of the line', () => {
  // £7.30 for one week, 1% a year, 25 days held: 730 × 0.01 × 25 / 365 = 0.5 → 1
  const charge = [{ id: 'c3', from: '2025-01-06', to: '2025-01-13', weeklyPence: 730 }];
  assert.equal(calculateRefund(charge, { refundDate: '2025-01-31', annualRatePercent: 1 }).interestPence, 1);
  // 24 days held: 0.48 → 0
  assert.equal(calculateRefund(charge, { refundDate: '2025-01-30', annualRatePercent: 1 }).interestPence, 0);
});

test('example D: an open charge runs up to the refund date; several charges add up', () => {
  const refund = calculateRefund(
    [
      { id: 'open', from: '2025-03-03', weeklyPence: 7_000 },
      { id: 'later', from: '2025-03-20', to: '2025-04-20', weeklyPence: 7_000 }, // starts on the refund date
      { id: 'past', from: '2025-03-17', to: '2025-05-01', weeklyPence: 700 }, // clipped at the refund date
      { id: 'unknown', from: '2025-01-01' },
    ],
    { refundDate: '2025-03-20' },
  );
  const open = refund.periods[0];
  // 03-03: 7 days, 7000, held 17: 7000 × 0.08 × 17 / 365 = 26.08… → 26
  // 03-10: 7 days, 7000, held 10: 15.34… → 15
  // 03-17: 3 days, 7000 × 3 / 7 = 3000, held 3: 3000 × 0.08 × 3 / 365 = 1.97… → 2
  assert.deepEqual(open?.instalments.map((i) => [i.days, i.principalPence, i.interestPence]), [[7, 7_000, 26], [7, 7_000, 15], [3, 3_000, 2]]);
  assert.equal(open?.to, '2025-03-20');
  assert.equal(refund.periods[1]?.instalments.length, 0);
  assert.equal(refund.periods[1]?.principalPence, 0);
  // 03-17: 3 days of £7 a week = 300, held 3: 300 × 0.08 × 3 / 365 = 0.197… → 0
  assert.deepEqual(refund.periods[2]?.instalments.map((i) => [i.principalPence, i.interestPence]), [[300, 0]]);
  assert.equal(refund.principalPence, 17_300);
  assert.equal(refund.interestPence, 43);
  assert.deepEqual(refund.notCalculated, [{ chargeId: 'unknown', reason: 'No weekly amount is recorded for this charge. Enter what the person paid each week.' }]);
  assert.deepEqual(chargeRefundRecord(open!, refund.refundDate), { date: '2025-03-20', pence: 17_000, interestPence: 43 });
});

test('rates: two decimal places at most, never negative', () => {
  assert.equal(percentToBasisPoints(8), 800);
  assert.equal(percentToBasisPoints(2.5), 250);
  assert.equal(percentToBasisPoints(0.15), 15);
  assert.throws(() => percentToBasisPoints(2.555), RangeError);
  assert.throws(() => percentToBasisPoints(-1), RangeError);
  assert.throws(() => calculateRefund(twoWeeks, { refundDate: '2026-01-09', annualRatePercent: Number.NaN }), RangeError);
  // 2.5% on example A week 1: 10000 × 0.025 × 368 / 365 = 252.05… → 252; week 2: × 361 / 365 = 247.26… → 247
  assert.equal(calculateRefund(twoWeeks, { refundDate: '2026-01-09', annualRatePercent: 2.5 }).interestPence, 499);
});

test('divideRoundHalfUp', () => {
  const cases: [bigint, bigint, number][] = [[1n, 2n, 1], [3n, 2n, 2], [5n, 4n, 1], [7n, 4n, 2], [0n, 7n, 0], [30_000n, 7n, 4_286]];
  for (const [numerator, denominator, expected] of cases) assert.equal(divideRoundHalfUp(numerator, denominator), expected, `${numerator}/${denominator}`);
});
