/**
 * Care plans for each recorded duty: a first plan agreed soon after the duty starts (sometimes late,
 * sometimes only a draft), yearly reviews or a new plan superseding the old, and the assessed needs.
 */
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { addDays, addMonths, daysBetween } from '../../domain/calendar/civil-date.ts';
import type { CarePlan, Duty, Need } from '../../domain/case-file/schema.ts';
import type { GenerationContext } from './context.ts';

export type NeedCategory = NonNullable<Need['category']>;

const needTexts: Record<NeedCategory, readonly string[]> = {
  accommodation: ['Supported accommodation with staff on site around the clock', 'A self-contained flat with floating support', 'Residential care with mental health nursing input'],
  mental_health: ['Support to take medication and attend community mental health appointments', 'Regular contact with a care coordinator to spot early signs of relapse'],
  substance_misuse: ['Support to reduce alcohol use', 'Help to stay abstinent from drugs and keep to a treatment programme'],
  daily_living: ['Help with shopping, cooking and managing money', 'Support to keep the tenancy and pay bills on time'],
  social: ['Meaningful daytime activity and social contact', 'Support to rebuild contact with family'],
  employment: ['Support to return to work or volunteering'],
  personal_care: ['Prompting with personal care and keeping the home clean'],
  other: ['Help to sort out debts and benefits', 'Support with a physical health condition unrelated to the mental disorder'],
};

const categoryWeights: readonly (readonly [NeedCategory, number])[] = [
  ['mental_health', 30], ['accommodation', 16], ['daily_living', 16], ['social', 12], ['substance_misuse', 9], ['employment', 5], ['personal_care', 6], ['other', 6],
];

export interface DutyPlans {
  plans: CarePlan[];
  /** The first agreed plan's date, if any plan was agreed before the duty ended or the snapshot. */
  firstAgreedOn?: CivilDate;
  /** Each category of need across the duty's plans, with every need id that carried it. */
  needsByCategory: Map<NeedCategory, { ids: string[]; related: boolean; firstAgreedOn: CivilDate }>;
}

export function generateCarePlans(context: GenerationContext, duty: Duty): DutyPlans {
  const { rng, asOf, ids } = context;
  const periodEnd = duty.end ?? asOf;
  const needsByCategory: DutyPlans['needsByCategory'] = new Map();
  const plans: CarePlan[] = [];
  const delay = rng.weighted([[rng.int(0, 7), 80], [rng.int(8, 45), 14], [-1, 6]]);
  const firstAgreedOn = delay >= 0 ? addDays(duty.start, delay) : undefined;
  if (!firstAgreedOn || firstAgreedOn > periodEnd) {
    plans.push({ id: ids.next('cp'), dutyId: duty.id, status: 'draft', needs: makeNeeds(context, pickCategories(context)) });
    return { plans, needsByCategory };
  }
  let categories = pickCategories(context);
  let agreedOn = firstAgreedOn;
  let plan = agreedPlan(context, duty, agreedOn, categories, needsByCategory);
  plans.push(plan);
  for (;;) {
    const next = addDays(agreedOn, rng.int(Math.round(270 / context.intensity) + 30, Math.round(700 / context.intensity) + 30));
    if (next >= periodEnd) break;
    if (rng.chance(0.65)) {
      (plan.reviewedOn ??= []).push(next);
      plan.reviewDue = addMonths(next, 12);
    } else {
      plan.status = 'superseded';
      categories = rng.chance(0.5) ? categories : pickCategories(context);
      plan = agreedPlan(context, duty, next, categories, needsByCategory);
      plans.push(plan);
    }
    agreedOn = next;
  }
  // Most active duties keep their reviews up to date; some fall behind (plan-review-overdue).
  if (!duty.end && plan.reviewDue && plan.reviewDue < asOf && rng.chance(0.6)) {
    const reviewed = addDays(plan.reviewDue, -rng.int(0, 30));
    if (reviewed > agreedOn && reviewed <= asOf) {
      (plan.reviewedOn ??= []).push(reviewed);
      plan.reviewDue = addMonths(reviewed, 12);
    }
  }
  if (rng.chance(0.1) && daysBetween(agreedOn, asOf) > 20 && !duty.end) {
    plans.push({ id: ids.next('cp'), dutyId: duty.id, status: 'draft', needs: makeNeeds(context, categories) });
  }
  return { plans, firstAgreedOn, needsByCategory };
}

function agreedPlan(context: GenerationContext, duty: Duty, agreedOn: CivilDate, categories: NeedCategory[], index: DutyPlans['needsByCategory']): CarePlan {
  const needs = makeNeeds(context, categories);
  for (const need of needs) {
    const category = need.category as NeedCategory;
    const entry = index.get(category);
    if (entry) entry.ids.push(need.id);
    else index.set(category, { ids: [need.id], related: need.relatedToMentalDisorder, firstAgreedOn: agreedOn });
  }
  return { id: context.ids.next('cp'), dutyId: duty.id, status: 'agreed', agreedOn, reviewDue: addMonths(agreedOn, 12), needs };
}

function pickCategories(context: GenerationContext): NeedCategory[] {
  const wanted = context.rng.int(2, 4);
  const chosen = new Set<NeedCategory>(['mental_health']);
  for (let tries = 0; chosen.size < wanted && tries < 20; tries++) chosen.add(context.rng.weighted(categoryWeights));
  return [...chosen];
}

function makeNeeds(context: GenerationContext, categories: readonly NeedCategory[]): Need[] {
  const { rng, ids } = context;
  return categories.map((category) => ({
    id: ids.next('n'),
    description: rng.pick(needTexts[category]),
    relatedToMentalDisorder: category === 'other' ? rng.chance(0.3) : rng.chance(0.97),
    category,
  }));
}
