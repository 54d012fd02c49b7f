/**
 * The aftercare plan's life: draft → agreed → superseded. Agreeing a plan supersedes the duty's previous
 * agreed plan (plans are versions, never edited after agreement; SERV-14 keeps them all). PLAN-01: the
 * coordinating framework is a field, never assumed to be CPA; the contract has no field for it, so it is kept
 * in the plan's `ext.coordinatingFramework`. PLAN-05: review due by default 12 months after agreement or
 * after the latest review. SERV-10/11: prompt a direct payment or personal health budget offer.
 */
import { addMonths, minDate, type CivilDate } from '../calendar/civil-date.ts';
import type { CarePlan, Duty, PaymentOffer } from '../case-file/schema.ts';
import type { Outcome, RuleReason } from './rule-result.ts';
import { formatDate } from './wording.ts';

export const coordinatingFrameworks = ['CPA_legacy', 'CMHF', 'Wales_Measure_CTP', 'other'] as const;
export type CoordinatingFramework = (typeof coordinatingFrameworks)[number];
export const defaultReviewMonths = 12;

export function isCoordinatingFramework(value: unknown): value is CoordinatingFramework {
  return typeof value === 'string' && (coordinatingFrameworks as readonly string[]).includes(value);
}

export interface AgreePlanRequest {
  plan: CarePlan;
  /** Every plan of the person; only those of the plan's duty are looked at. */
  plans: readonly CarePlan[];
  agreedOn: CivilDate;
  coordinatingFramework?: string | undefined;
  /** An earlier review date the team agreed; otherwise `reviewMonths` after agreement. */
  reviewDue?: CivilDate | undefined;
  reviewMonths?: number | undefined;
}

export function agreeCarePlan(request: AgreePlanRequest): Outcome<{ agreed: CarePlan; superseded: CarePlan[] }> {
  const { plan, agreedOn } = request;
  const others = request.plans.filter((other) => other.dutyId === plan.dutyId && other.id !== plan.id);
  const refusals: RuleReason[] = [];
  if (plan.status !== 'draft') {
    refusals.push({ ruleId: 'PLAN-04', field: 'status', reason: `This plan is already ${plan.status}. Make a new draft to change it.` });
  }
  if (plan.needs.length === 0) {
    refusals.push({ ruleId: 'PLAN-04', field: 'needs', reason: 'Add the person’s needs before agreeing the plan.' });
  }
  if (request.coordinatingFramework !== undefined && !isCoordinatingFramework(request.coordinatingFramework)) {
    refusals.push({ ruleId: 'PLAN-01', field: 'coordinatingFramework', reason: 'Choose the framework that coordinates the person’s care: CPA (legacy), the Community Mental Health Framework, a Wales Measure care and treatment plan, or other.' });
  }
  const newest = others.reduce<CivilDate | undefined>((latest, other) => (other.agreedOn !== undefined && (latest === undefined || other.agreedOn > latest) ? other.agreedOn : latest), undefined);
  if (newest !== undefined && agreedOn < newest) {
    refusals.push({ ruleId: 'PLAN-04', field: 'agreedOn', reason: `Another plan for this duty was agreed on ${formatDate(newest)}. The date this plan was agreed must be on or after that.` });
  }
  const reviewDue = request.reviewDue ?? addMonths(agreedOn, request.reviewMonths ?? defaultReviewMonths);
  if (reviewDue <= agreedOn) {
    refusals.push({ ruleId: 'PLAN-05', field: 'reviewDue', reason: 'The review date must be after the date the plan was agreed.' });
  }
  if (refusals.length > 0) return { allowed: false, reasons: refusals };

  const ext = request.coordinatingFramework !== undefined ? { ...plan.ext, coordinatingFramework: request.coordinatingFramework } : plan.ext;
  const agreed: CarePlan = { ...plan, status: 'agreed', agreedOn, reviewDue, ...(ext !== undefined ? { ext } : {}) };
  const superseded = others.filter((other) => other.status === 'agreed').map((other): CarePlan => ({ ...other, status: 'superseded' }));
  const reasons: RuleReason[] = [{ ruleId: 'PLAN-05', reason: `The plan is agreed. Review it by ${formatDate(reviewDue)}.` }];
  if (superseded.length > 0) reasons.push({ ruleId: 'PLAN-04', reason: 'It replaces the plan agreed before. The earlier plan is kept in the history.' });
  return { allowed: true, result: { agreed, superseded }, reasons };
}

/** PLAN-05: record a review held; the next review falls due `reviewMonths` after it. */
export function recordPlanReview(plan: CarePlan, reviewedOn: CivilDate, reviewMonths = defaultReviewMonths): Outcome<CarePlan> {
  if (plan.status !== 'agreed' || plan.agreedOn === undefined) {
    return { allowed: false, reasons: [{ ruleId: 'PLAN-05', field: 'status', reason: 'Only the plan in force can be reviewed. Agree the plan first.' }] };
  }
  if (reviewedOn < plan.agreedOn) {
    return { allowed: false, reasons: [{ ruleId: 'PLAN-05', field: 'reviewedOn', reason: `The review date must be on or after the date the plan was agreed, ${formatDate(plan.agreedOn)}.` }] };
  }
  const reviewed = [...new Set([...(plan.reviewedOn ?? []), reviewedOn])].sort();
  const reviewDue = addMonths(reviewed[reviewed.length - 1] ?? reviewedOn, reviewMonths);
  return { allowed: true, result: { ...plan, reviewedOn: reviewed, reviewDue }, reasons: [{ ruleId: 'PLAN-05', reason: `Review recorded. The next review is due by ${formatDate(reviewDue)}.` }] };
}

/**
 * When the plan's review is due, as of a date (alert-rules "plan-review-overdue"): 12 months after the latest
 * review on or before `asOf` when that is later than `reviewDue`; otherwise `reviewDue`; otherwise 12 months
 * after agreement. Undefined for a draft.
 */
export function planReviewDue(plan: CarePlan, asOf: CivilDate, reviewMonths = defaultReviewMonths): CivilDate | undefined {
  if (plan.agreedOn === undefined) return undefined;
  const latestReview = (plan.reviewedOn ?? []).filter((date) => date <= asOf).sort().at(-1);
  const afterReview = latestReview === undefined ? undefined : addMonths(latestReview, reviewMonths);
  if (afterReview !== undefined && (plan.reviewDue === undefined || afterReview > plan.reviewDue)) return afterReview;
  return plan.reviewDue ?? addMonths(plan.agreedOn, reviewMonths);
}

/** The plan of the duty agreed most recently on or before `on`, whatever its status now. */
export function carePlanInForce(plans: readonly CarePlan[], dutyId: string, on: CivilDate): CarePlan | undefined {
  let inForce: CarePlan | undefined;
  for (const plan of plans) {
    if (plan.dutyId !== dutyId || plan.agreedOn === undefined || plan.agreedOn > on) continue;
    if (!inForce || (inForce.agreedOn !== undefined && plan.agreedOn > inForce.agreedOn)) inForce = plan;
  }
  return inForce;
}

export interface PaymentOfferPrompt {
  prompt: boolean;
  notOffered: PaymentOffer['kind'][];
  reasons: RuleReason[];
}

/**
 * SERV-10/11: has the person been offered a direct payment and a personal health budget for this duty? An
 * offer counts when it names the duty (or no duty) and is dated from the earlier of the first plan's
 * agreement and the duty start, up to `on` (as the alert `personal-budget-not-offered` counts them).
 */
export function paymentOfferPrompt(input: { duty: Pick<Duty, 'id' | 'start'>; plans: readonly CarePlan[]; offers: readonly PaymentOffer[]; on: CivilDate }): PaymentOfferPrompt {
  const { duty, on } = input;
  const firstAgreed = input.plans.filter((plan) => plan.dutyId === duty.id && plan.agreedOn !== undefined).map((plan) => plan.agreedOn as CivilDate).sort()[0];
  const from = firstAgreed === undefined ? duty.start : minDate(firstAgreed, duty.start);
  const counted = input.offers.filter((offer) => (offer.dutyId === undefined || offer.dutyId === duty.id) && offer.offeredOn >= from && offer.offeredOn <= on);
  const notOffered = (['direct_payment', 'personal_health_budget'] as const).filter((kind) => !counted.some((offer) => offer.kind === kind));
  const reasons: RuleReason[] = [];
  if (notOffered.includes('direct_payment')) {
    reasons.push({ ruleId: 'SERV-10', reason: 'Offer the person a direct payment from the council, so they can arrange their own aftercare if they want to. Record the offer and their answer.' });
  }
  if (notOffered.includes('personal_health_budget')) {
    reasons.push({ ruleId: 'SERV-11', reason: 'The person has a legal right to a personal health budget for the NHS part of their aftercare. Offer one and record their answer.' });
  }
  return { prompt: notOffered.length > 0, notOffered, reasons };
}
