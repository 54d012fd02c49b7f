import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fundingShareOn, summariseFunding, validateFundingShares, type FundingShare } from '../../../../src/domain/care-records/funding-ledger.ts';

const halves: FundingShare = { from: '2025-04-01', to: '2025-07-01', localAuthorityPercent: 50, healthBodyPercent: 50, panelRequestId: 'pr1' };
const sixtyForty: FundingShare = { from: '2025-07-01', localAuthorityPercent: 60, healthBodyPercent: 40, panelRequestId: 'pr2' };

test('validateFundingShares: each problem with its field (SERV-12)', () => {
  const cases: [string, FundingShare[], [string | undefined, RegExp][]][] = [
    ['two dated shares in order', [halves, sixtyForty], []],
    ['shares with two decimals', [{ from: '2025-04-01', localAuthorityPercent: 33.33, healthBodyPercent: 66.67 }], []],
    ['no shares at all', [], []],
    ['does not total 100%', [{ ...halves, healthBodyPercent: 40 }], [['funding[0].healthBodyPercent', /add up to 100%. They add up to 90%/]]],
    ['more than two decimals', [{ from: '2025-04-01', localAuthorityPercent: 33.333, healthBodyPercent: 66.667 }], [['funding[0].localAuthorityPercent', /two decimal places/]]],
    ['ends before it starts', [{ ...halves, to: '2025-04-01' }], [['funding[0].to', /must be after/]]],
    ['out of order', [sixtyForty, { ...halves, to: '2025-05-01' }], [['funding[1].from', /date order/]]],
    ['overlapping', [{ ...halves, to: undefined }, sixtyForty], [['funding[1].from', /overlaps share 1/]]],
    ['out of order, touching but not overlapping', [sixtyForty, halves], [['funding[1].from', /date order/]]],
  ];
  for (const [name, shares, expected] of cases) {
    const problems = validateFundingShares(shares);
    assert.equal(problems.length, expected.length, `${name}: ${JSON.stringify(problems)}`);
    expected.forEach(([field, message], i) => {
      assert.equal(problems[i]?.ruleId, 'SERV-12', name);
      assert.equal(problems[i]?.field, field, name);
      assert.match(problems[i]?.reason ?? '', message, name);
    });
  }
});

test('fundingShareOn: half-open periods', () => {
  assert.equal(fundingShareOn([halves, sixtyForty], '2025-06-30'), halves);
  assert.equal(fundingShareOn([halves, sixtyForty], '2025-07-01'), sixtyForty);
  assert.equal(fundingShareOn([halves], '2025-03-31'), undefined);
});

test('summariseFunding: what each body pays a week and over a range', () => {
  const summary = summariseFunding({
    shares: [halves, sixtyForty],
    weeklyCosts: [
      { from: '2025-04-01', to: '2025-06-01', weeklyPence: 135_000 },
      { from: '2025-06-01', weeklyPence: 140_000 },
    ],
    from: '2025-04-01',
    to: '2025-08-01',
  });
  // 1 Apr–31 May: 61 days of £1,350 a week = 135000 × 61 / 7 = 1,176,428.57… → 1,176,429; 50% = 588,214.5 → 588,215, health body the rest 588,214
  // 1 Jun–30 Jun: 30 days of £1,400 = 600,000; 50/50
  // 1 Jul–31 Jul: 31 days of £1,400 = 620,000; 60% = 372,000, 40% = 248,000
  assert.deepEqual(
    summary.segments.map((s) => [s.from, s.to, s.days, s.localAuthorityWeeklyPence, s.healthBodyWeeklyPence, s.localAuthorityPence, s.healthBodyPence, s.unfundedPence]),
    [
      ['2025-04-01', '2025-06-01', 61, 67_500, 67_500, 588_215, 588_214, 0],
      ['2025-06-01', '2025-07-01', 30, 70_000, 70_000, 300_000, 300_000, 0],
      ['2025-07-01', '2025-08-01', 31, 84_000, 56_000, 372_000, 248_000, 0],
    ],
  );
  assert.equal(summary.localAuthorityPence, 1_260_215);
  assert.equal(summary.healthBodyPence, 1_136_214);
  assert.equal(summary.unfundedPence, 0);
  assert.equal(summary.totalPence, 2_396_429);
  assert.deepEqual(summary.reasons, []);
});

test('summariseFunding: days with no agreed split are unfunded, with a SERV-12 reason, never a block', () => {
  const summary = summariseFunding({ shares: [halves], weeklyCosts: [{ from: '2025-03-01', weeklyPence: 70_000 }], from: '2025-03-25', to: '2025-08-01' });
  // 25–31 Mar: 7 days unfunded = 70,000; 1 Apr–30 Jun: 91 days = 910,000, 455,000 each; 1–31 Jul: 31 days unfunded = 310,000
  assert.deepEqual(summary.segments.map((s) => [s.days, s.localAuthorityPence, s.healthBodyPence, s.unfundedPence]), [[7, 0, 0, 70_000], [91, 455_000, 455_000, 0], [31, 0, 0, 310_000]]);
  assert.equal(summary.unfundedPence, 380_000);
  assert.equal(summary.totalPence, 1_290_000);
  assert.deepEqual(summary.reasons.map((r) => r.reason), [
    'No funding split is agreed from 25 March 2025 to 31 March 2025. Agree who pays. Do not stop or delay the service while you do.',
    'No funding split is agreed from 1 July 2025 to 31 July 2025. Agree who pays. Do not stop or delay the service while you do.',
  ]);
});

test('summariseFunding: days with no cost recorded cost nothing', () => {
  const summary = summariseFunding({ shares: [halves], weeklyCosts: [{ from: '2025-05-01', to: '2025-05-08', weeklyPence: 7_001 }], from: '2025-04-01', to: '2025-07-01' });
  // one week of £70.01: 50% of 7001 = 3500.5 → 3501 council, 3500 health body
  assert.deepEqual(summary.segments.map((s) => [s.from, s.days, s.localAuthorityPence, s.healthBodyPence]), [['2025-05-01', 7, 3_501, 3_500]]);
  assert.equal(summary.totalPence, 7_001);
});
