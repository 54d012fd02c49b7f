/**
 * The choices care-records forms offer, with plain-English labels. Codes come from the case-file schema and
 * the domain rules, so a form never offers a value the record cannot hold.
 */
import { chargeKinds, endingGrounds, needCategories, serviceKinds } from '../../../domain/case-file/schema.ts';
import { coordinatingFrameworks } from '../../../domain/care-records/care-plan.ts';
import type { Choice } from '../../register/view-shaping/options.ts';

const label = (labels: Record<string, string>) => (code: string) => ({ value: code, text: labels[code] ?? code });

export const frameworkLabels: Record<string, string> = {
  CPA_legacy: 'Care Programme Approach (legacy)',
  CMHF: 'Community Mental Health Framework',
  Wales_Measure_CTP: 'Wales Measure care and treatment plan',
  other: 'Another framework',
};
export const needCategoryLabels: Record<string, string> = {
  accommodation: 'Accommodation', personal_care: 'Personal care', mental_health: 'Mental health', substance_misuse: 'Substance misuse',
  daily_living: 'Daily living', social: 'Social, cultural or spiritual', employment: 'Work, education or training', other: 'Other',
};
export const serviceKindLabels: Record<string, string> = {
  accommodation: 'Accommodation', supported_living: 'Supported living', residential_care: 'Residential care home', nursing_care: 'Nursing home',
  care_at_home: 'Care at home', day_service: 'Day service', community_mental_health: 'Community mental health', substance_misuse: 'Substance misuse service',
  employment: 'Employment support', other: 'Other',
};
export const chargeKindLabels: Record<string, string> = {
  contribution: 'Contribution to care costs', rent: 'Rent', service_charge: 'Service charge', housing_benefit_claim: 'Housing benefit claim', other: 'Other charge',
};
export const groundLabels: Record<string, string> = {
  needs_no_longer_arise: 'A review found the person no longer needs aftercare for their mental health',
  disengaged: 'The person is not engaging with services',
  refused_services: 'The person refused services',
  time_elapsed: 'Time has passed since aftercare started',
  discharged_from_specialist_services: 'Discharged from specialist mental health services',
  deprived_of_liberty: 'Deprived of liberty under the Mental Capacity Act',
  readmitted_informally_or_s2: 'Readmitted informally or under section 2',
  cto_or_leave_ended: 'A CTO or section 17 leave ended',
  moved_area: 'Moved to another area',
  in_prison: 'In prison',
  other: 'Another reason',
};
export const offerKindLabels: Record<string, string> = { direct_payment: 'Direct payment (council)', personal_health_budget: 'Personal health budget (NHS)' };
export const responseLabels: Record<string, string> = { pending: 'Waiting for an answer', accepted: 'Accepted', declined: 'Declined' };

export const frameworkChoices: Choice[] = coordinatingFrameworks.map(label(frameworkLabels));
export const needCategoryChoices: Choice[] = needCategories.map(label(needCategoryLabels));
export const serviceKindChoices: Choice[] = serviceKinds.map(label(serviceKindLabels));
export const chargeKindChoices: Choice[] = chargeKinds.map(label(chargeKindLabels));
export const groundChoices: Choice[] = endingGrounds.map(label(groundLabels));
export const offerKindChoices: Choice[] = ['direct_payment', 'personal_health_budget'].map(label(offerKindLabels));
export const responseChoices: Choice[] = ['pending', 'accepted', 'declined'].map(label(responseLabels));
export const serviceStatusChoices: Choice[] = [
  { value: 'planned', text: 'Planned' },
  { value: 'active', text: 'In place' },
  { value: 'ended', text: 'Ended' },
];
export const interestMethodChoices: Choice[] = [
  { value: 'simple_daily', text: 'Simple interest by the day (365 days a year)' },
  { value: 'simple_weekly', text: 'Simple interest by whole weeks (52 weeks a year)' },
];

/** Checkbox items with the user's answers kept ticked. */
export function checkboxItems(choices: readonly Choice[], checked: readonly string[]) {
  return choices.map((choice) => ({ ...choice, checked: checked.includes(choice.value) }));
}
