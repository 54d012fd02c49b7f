/**
 * The refund calculator: what to pay back, with interest, for charges wrongly made for aftercare
 * (SERV-05: aftercare is free; charges wrongly made can be reclaimed, and ombudsmen recommend refunds with
 * interest). Conventions, stated once:
 * - A charge of `weeklyPence` over its half-open period [from, to) is split into weekly instalments from
 *   `from`; the last may be a part week, charged pro rata by day (weeklyPence × days ÷ 7). Each instalment
 *   is taken as paid on its first day (charges are taken in advance). The period stops at the refund date;
 *   an open charge runs up to it.
 * - Interest is simple, at `annualRatePercent` (default 8%), on each instalment from the day it was paid up
 *   to the refund date (days held = refundDate − paidOn):
 *   `simple_daily`  principal × rate × days held ÷ 365 (every year counts as 365 days, leap years too);
 *   `simple_weekly` principal × rate × whole weeks held ÷ 52 (a part week earns nothing).
 * - Rounding: half up, to whole pence, at the end of each line (an instalment's principal, then its
 *   interest on that rounded principal: the person paid whole pence). Totals are sums of lines.
 */
import { addDays, daysBetween, minDate, type CivilDate } from '../calendar/civil-date.ts';
import type { Charge } from '../case-file/schema.ts';
import { divideRoundHalfUp, percentToBasisPoints } from './money.ts';

export type InterestMethod = 'simple_daily' | 'simple_weekly';

export interface RefundTerms {
  refundDate: CivilDate;
  annualRatePercent?: number; // default 8
  method?: InterestMethod; // default simple_daily
}

export interface RefundInstalment {
  paidOn: CivilDate;
  days: number; // days of charging this instalment covers (1–7)
  principalPence: number;
  daysHeld: number;
  interestPence: number;
}

export interface ChargePeriodRefund {
  chargeId: string;
  from: CivilDate;
  to: CivilDate; // the end used (the charge's `to`, or the refund date if earlier or open)
  weeklyPence: number;
  instalments: RefundInstalment[];
  principalPence: number;
  interestPence: number;
}

export interface RefundCalculation {
  refundDate: CivilDate;
  method: InterestMethod;
  annualRatePercent: number;
  rounding: 'half_up_per_line';
  periods: ChargePeriodRefund[];
  /** Charges that could not be calculated, with the reason (e.g. no weekly amount recorded). */
  notCalculated: { chargeId: string; reason: string }[];
  principalPence: number;
  interestPence: number;
  totalPence: number;
}

export type RefundableCharge = Pick<Charge, 'id' | 'from' | 'to' | 'weeklyPence'>;

export function calculateRefund(charges: readonly RefundableCharge[], terms: RefundTerms): RefundCalculation {
  const method = terms.method ?? 'simple_daily';
  const annualRatePercent = terms.annualRatePercent ?? 8;
  const basisPoints = percentToBasisPoints(annualRatePercent);
  const periods: ChargePeriodRefund[] = [];
  const notCalculated: RefundCalculation['notCalculated'] = [];
  for (const charge of charges) {
    if (charge.weeklyPence === undefined) {
      notCalculated.push({ chargeId: charge.id, reason: 'No weekly amount is recorded for this charge. Enter what the person paid each week.' });
      continue;
    }
    periods.push(refundPeriod(charge, charge.weeklyPence, terms.refundDate, method, basisPoints));
  }
  const principalPence = sum(periods.map((p) => p.principalPence));
  const interestPence = sum(periods.map((p) => p.interestPence));
  return { refundDate: terms.refundDate, method, annualRatePercent, rounding: 'half_up_per_line', periods, notCalculated, principalPence, interestPence, totalPence: principalPence + interestPence };
}

function refundPeriod(charge: RefundableCharge, weeklyPence: number, refundDate: CivilDate, method: InterestMethod, basisPoints: number): ChargePeriodRefund {
  const to = charge.to === undefined ? refundDate : minDate(charge.to, refundDate);
  const instalments: RefundInstalment[] = [];
  for (let paidOn = charge.from; paidOn < to; paidOn = addDays(paidOn, 7)) {
    const days = Math.min(7, daysBetween(paidOn, to));
    const principalPence = divideRoundHalfUp(BigInt(weeklyPence) * BigInt(days), 7n);
    const daysHeld = daysBetween(paidOn, refundDate);
    instalments.push({ paidOn, days, principalPence, daysHeld, interestPence: interest(principalPence, daysHeld, method, basisPoints) });
  }
  return {
    chargeId: charge.id,
    from: charge.from,
    to: to < charge.from ? charge.from : to,
    weeklyPence,
    instalments,
    principalPence: sum(instalments.map((i) => i.principalPence)),
    interestPence: sum(instalments.map((i) => i.interestPence)),
  };
}

function interest(principalPence: number, daysHeld: number, method: InterestMethod, basisPoints: number): number {
  const rated = BigInt(principalPence) * BigInt(basisPoints);
  return method === 'simple_daily'
    ? divideRoundHalfUp(rated * BigInt(daysHeld), 10_000n * 365n)
    : divideRoundHalfUp(rated * BigInt(Math.floor(daysHeld / 7)), 10_000n * 52n);
}

/** The refund as the case file records it on the charge (`Charge.refund`). */
export function chargeRefundRecord(period: ChargePeriodRefund, refundDate: CivilDate): NonNullable<Charge['refund']> {
  return { date: refundDate, pence: period.principalPence, interestPence: period.interestPence };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
