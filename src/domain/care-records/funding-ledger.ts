/**
 * The funding split ledger (SERV-12): dated shares of a service's cost between the council and the health
 * body. No statute fixes the split; it is a local agreement, so each share records the panel decision or
 * agreement it rests on. A missing split raises an alert but never blocks the service (SERV-12).
 * Money: a segment's cost is weeklyPence × days ÷ 7, rounded half up once; the council's part is that
 * cost × its percentage, rounded half up; the health body pays the rest, so the parts always add up.
 */
import { addDays, daysBetween, type CivilDate } from '../calendar/civil-date.ts';
import type { Service } from '../case-file/schema.ts';
import { divideRoundHalfUp, percentToBasisPoints } from './money.ts';
import { periodCovers, periodsOverlap } from './periods.ts';
import type { RuleReason } from './rule-result.ts';
import { formatDate } from './wording.ts';

export type FundingShare = NonNullable<Service['funding']>[number];

export interface WeeklyCost {
  from: CivilDate;
  to?: CivilDate | undefined;
  weeklyPence: number;
}

/** Every problem with a list of shares, each naming its field (`funding[1].to`). Valid when there are none. */
export function validateFundingShares(shares: readonly FundingShare[]): RuleReason[] {
  const problems: RuleReason[] = [];
  shares.forEach((share, index) => {
    const at = `funding[${index}]`;
    const total = basisPoints(share.localAuthorityPercent) + basisPoints(share.healthBodyPercent);
    if (Number.isNaN(total)) {
      problems.push({ ruleId: 'SERV-12', field: `${at}.localAuthorityPercent`, reason: 'Enter each percentage as a number from 0 to 100, with no more than two decimal places.' });
    } else if (total !== 10_000) {
      problems.push({ ruleId: 'SERV-12', field: `${at}.healthBodyPercent`, reason: `The council's and the health body's shares must add up to 100%. They add up to ${total / 100}%.` });
    }
    if (share.to !== undefined && share.to <= share.from) {
      problems.push({ ruleId: 'SERV-12', field: `${at}.to`, reason: 'The date the share ends must be after the date it starts.' });
    }
    const previous = shares[index - 1];
    if (previous && share.from < previous.from) {
      problems.push({ ruleId: 'SERV-12', field: `${at}.from`, reason: 'List the funding shares in date order, earliest first.' });
    }
    const overlapping = shares.findIndex((other, otherIndex) => otherIndex < index && periodsOverlap(other, share));
    if (overlapping >= 0) {
      problems.push({ ruleId: 'SERV-12', field: `${at}.from`, reason: `This share overlaps share ${overlapping + 1}. Only one split can apply on any date: end the earlier share first.` });
    }
  });
  return problems;
}

function basisPoints(percent: number): number {
  try {
    return percent > 100 ? Number.NaN : percentToBasisPoints(percent);
  } catch {
    return Number.NaN;
  }
}

export function fundingShareOn(shares: readonly FundingShare[], date: CivilDate): FundingShare | undefined {
  return shares.find((share) => periodCovers(share, date));
}

export interface FundingSegment {
  from: CivilDate;
  to: CivilDate;
  days: number;
  weeklyCostPence: number;
  share?: FundingShare | undefined;
  localAuthorityWeeklyPence: number;
  healthBodyWeeklyPence: number;
  localAuthorityPence: number;
  healthBodyPence: number;
  unfundedPence: number;
}

export interface FundingSummary {
  from: CivilDate;
  to: CivilDate;
  segments: FundingSegment[];
  localAuthorityPence: number;
  healthBodyPence: number;
  /** Cost on days with no agreed split: an alert for commissioners, not a reason to stop (SERV-12). */
  unfundedPence: number;
  totalPence: number;
  reasons: RuleReason[];
}

/** What each body pays, a week and in total, for [from, to) given valid shares and dated weekly costs. */
export function summariseFunding(input: { shares: readonly FundingShare[]; weeklyCosts: readonly WeeklyCost[]; from: CivilDate; to: CivilDate }): FundingSummary {
  const { shares, weeklyCosts, from, to } = input;
  const edges = new Set<CivilDate>([from, to]);
  for (const period of [...shares, ...weeklyCosts]) {
    for (const edge of [period.from, period.to]) if (edge !== undefined && edge > from && edge < to) edges.add(edge);
  }
  const sorted = [...edges].sort();
  const segments: FundingSegment[] = [];
  const reasons: RuleReason[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    const cost = weeklyCosts.find((c) => periodCovers(c, start));
    if (!cost) continue;
    const share = fundingShareOn(shares, start);
    const days = daysBetween(start, end);
    const segmentPence = divideRoundHalfUp(BigInt(cost.weeklyPence) * BigInt(days), 7n);
    const laBasisPoints = share ? percentToBasisPoints(share.localAuthorityPercent) : 0;
    const localAuthorityPence = share ? divideRoundHalfUp(BigInt(segmentPence) * BigInt(laBasisPoints), 10_000n) : 0;
    const localAuthorityWeeklyPence = share ? divideRoundHalfUp(BigInt(cost.weeklyPence) * BigInt(laBasisPoints), 10_000n) : 0;
    segments.push({
      from: start,
      to: end,
      days,
      weeklyCostPence: cost.weeklyPence,
      share,
      localAuthorityWeeklyPence,
      healthBodyWeeklyPence: share ? cost.weeklyPence - localAuthorityWeeklyPence : 0,
      localAuthorityPence,
      healthBodyPence: share ? segmentPence - localAuthorityPence : 0,
      unfundedPence: share ? 0 : segmentPence,
    });
    if (!share) {
      reasons.push({ ruleId: 'SERV-12', reason: `No funding split is agreed from ${formatDate(start)} to ${formatDate(addDays(end, -1))}. Agree who pays. Do not stop or delay the service while you do.` });
    }
  }
  const total = (key: 'localAuthorityPence' | 'healthBodyPence' | 'unfundedPence') => segments.reduce((sum, s) => sum + s[key], 0);
  const localAuthorityPence = total('localAuthorityPence');
  const healthBodyPence = total('healthBodyPence');
  const unfundedPence = total('unfundedPence');
  return { from, to, segments, localAuthorityPence, healthBodyPence, unfundedPence, totalPence: localAuthorityPence + healthBodyPence + unfundedPence, reasons };
}
