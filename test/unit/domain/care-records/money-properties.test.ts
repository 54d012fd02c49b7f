import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, daysBetween } from '../../../../src/domain/calendar/civil-date.ts';
import { calculateRefund } from '../../../../src/domain/care-records/refund-calculator.ts';
import { summariseFunding, validateFundingShares, type FundingShare } from '../../../../src/domain/care-records/funding-ledger.ts';

const start = '2020-01-01';
const day = fc.integer({ min: 0, max: 2_000 }).map((n) => addDays(start, n));
const weekly = fc.integer({ min: 0, max: 500_000 });

test('refund: principal is within a penny a line of weekly × days ÷ 7, and interest never falls as the refund date moves later', () => {
  fc.assert(
    fc.property(day, fc.integer({ min: 1, max: 400 }), weekly, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 1_500 }), (from, length, weeklyPence, extra, ratePercentTimes100) => {
      const to = addDays(from, length);
      const refundDate = addDays(to, extra);
      const terms = { refundDate, annualRatePercent: ratePercentTimes100 / 100 };
      const refund = calculateRefund([{ id: 'c', from, to, weeklyPence }], terms);
      const period = refund.periods[0]!;
      const exact = (weeklyPence * length) / 7;
      assert.ok(Math.abs(period.principalPence - exact) <= period.instalments.length * 0.5 + 1e-9);
      assert.equal(period.instalments.reduce((sum, i) => sum + i.days, 0), length);
      assert.equal(refund.totalPence, refund.principalPence + refund.interestPence);
      const later = calculateRefund([{ id: 'c', from, to, weeklyPence }], { ...terms, refundDate: addDays(refundDate, 30) });
      assert.ok(later.interestPence >= refund.interestPence);
      assert.equal(later.principalPence, refund.principalPence);
    }),
    { numRuns: 200 },
  );
});

test('funding: the parts always add up to the total, and a range split in two sums to the whole', () => {
  const share = fc.record({ days: fc.integer({ min: 1, max: 300 }), councilBasisPoints: fc.integer({ min: 0, max: 10_000 }) });
  fc.assert(
    fc.property(fc.array(share, { minLength: 1, maxLength: 5 }), weekly, fc.integer({ min: 1, max: 900 }), (spans, weeklyPence, cut) => {
      let from = start;
      const shares: FundingShare[] = spans.map(({ days, councilBasisPoints }) => {
        const to = addDays(from, days);
        const result = { from, to, localAuthorityPercent: councilBasisPoints / 100, healthBodyPercent: (10_000 - councilBasisPoints) / 100 };
        from = to;
        return result;
      });
      assert.deepEqual(validateFundingShares(shares), []);
      const end = addDays(start, 1_000);
      const whole = summariseFunding({ shares, weeklyCosts: [{ from: start, weeklyPence }], from: start, to: end });
      assert.equal(whole.localAuthorityPence + whole.healthBodyPence + whole.unfundedPence, whole.totalPence);
      assert.equal(whole.segments.reduce((sum, s) => sum + s.days, 0), daysBetween(start, end));
      for (const segment of whole.segments) assert.equal(segment.localAuthorityWeeklyPence + segment.healthBodyWeeklyPence, segment.share ? weeklyPence : 0);
      const middle = addDays(start, cut);
      const first = summariseFunding({ shares, weeklyCosts: [{ from: start, weeklyPence }], from: start, to: middle });
      const second = summariseFunding({ shares, weeklyCosts: [{ from: start, weeklyPence }], from: middle, to: end });
      // rounding is per segment, so a split may move at most a penny per extra segment
      assert.ok(Math.abs(first.totalPence + second.totalPence - whole.totalPence) <= 1);
    }),
    { numRuns: 200 },
  );
});
