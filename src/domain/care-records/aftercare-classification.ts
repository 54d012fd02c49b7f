/**
 * Is a service section 117 aftercare? SERV-01: only if it meets a need arising from or related to the
 * mental disorder and reduces the risk of deterioration (s117(6)). SERV-04: accommodation only where the
 * need for it results from the reason the person was detained, and it is enhanced, specialised
 * accommodation ("accommodation plus", Afework (i)+(ii)) that reduces that risk. Afework (iii), lack of
 * capacity, is not a gate (U-10).
 */
import type { Need, Service } from '../case-file/schema.ts';
import type { RuleReason } from './rule-result.ts';

/** Alert-rules "Accommodation-type service". */
export const accommodationServiceKinds = ['accommodation', 'supported_living', 'residential_care', 'nursing_care'] as const;

export function isAccommodationService(service: Pick<Service, 'kind'>): boolean {
  return (accommodationServiceKinds as readonly string[]).includes(service.kind);
}

export type SuggestedClassification = 'aftercare' | 'not_aftercare' | 'undecided';

export interface ClassificationAdvice {
  suggested: SuggestedClassification;
  /** True when the recorded `aftercare` differs from a decided suggestion. */
  conflictsWithRecord: boolean;
  /**
   * True exactly when the answers meet the condition of the alert `accommodation-classification-unclear`:
   * an accommodation-type service recorded as aftercare without all three answers true, or recorded as not
   * aftercare while all three are true (a missing answer counts as not true). Dates are the alert's business.
   */
  classificationUnclear: boolean;
  reasons: RuleReason[];
}

type ClassifiedService = Pick<Service, 'kind' | 'needIds' | 'aftercare' | 'accommodationPlus'>;

const questions = [
  ['relatedToOriginalCondition', 'Does the need for this accommodation come from the reason the person was detained?'],
  ['enhancedSpecialised', 'Is it enhanced, specialised accommodation, more than ordinary housing?'],
  ['reducesRisk', 'Does it reduce the risk of their mental health getting worse?'],
] as const;

/** `needs` are the needs of the care plan the service belongs to; a service's `needIds` point at them. */
export function classifyService(service: ClassifiedService, needs: readonly Need[]): ClassificationAdvice {
  const linked = needs.filter((need) => service.needIds.includes(need.id));
  const related = linked.filter((need) => need.relatedToMentalDisorder);
  const reasons: RuleReason[] = [];
  if (linked.length === 0) {
    reasons.push({ ruleId: 'SERV-06', field: 'needIds', reason: 'Link this service to the need in the aftercare plan that it meets.' });
  }

  let suggested: SuggestedClassification;
  let classificationUnclear = false;
  if (isAccommodationService(service)) {
    const answers = questions.map(([key]) => service.accommodationPlus?.[key]);
    const allTrue = answers.every((answer) => answer === true);
    classificationUnclear = service.aftercare ? !allTrue : allTrue;
    suggested = accommodationSuggestion(answers, linked.length > 0 && related.length === 0, reasons);
  } else if (related.length > 0) {
    suggested = 'aftercare';
    reasons.push({
      ruleId: 'SERV-01',
      reason: `It meets a need related to the person's mental disorder (${related.map((need) => need.description).join('; ')}), so it is aftercare if it also reduces the risk of their mental health getting worse.`,
    });
  } else if (linked.length > 0) {
    suggested = 'not_aftercare';
    reasons.push({
      ruleId: 'SERV-01',
      reason: 'None of the needs it meets are related to the mental disorder. It is not aftercare and may be charged for under the Care Act or NHS rules.',
    });
  } else {
    suggested = 'undecided';
  }

  const conflictsWithRecord = suggested !== 'undecided' && (suggested === 'aftercare') !== service.aftercare;
  if (conflictsWithRecord) {
    reasons.push({
      ruleId: isAccommodationService(service) ? 'SERV-04' : 'SERV-01',
      field: 'aftercare',
      reason: service.aftercare
        ? 'This service is recorded as aftercare, but the answers above say it is not. Check the classification.'
        : 'This service is recorded as not aftercare, but the answers above say it is. Aftercare must be free. Check the classification.',
    });
  }
  return { suggested, conflictsWithRecord, classificationUnclear, reasons };
}

function accommodationSuggestion(answers: (boolean | undefined)[], onlyUnrelatedNeeds: boolean, reasons: RuleReason[]): SuggestedClassification {
  const unanswered = questions.filter((_, index) => answers[index] === undefined);
  const no = questions.filter((_, index) => answers[index] === false);
  if (no.length > 0) {
    reasons.push({
      ruleId: 'SERV-04',
      reason: `It is not aftercare accommodation, because the answer is no to: ${no.map(([, question]) => question).join(' ')} Ordinary housing needs are not aftercare.`,
    });
    return 'not_aftercare';
  }
  if (unanswered.length > 0) {
    for (const [key, question] of unanswered) {
      reasons.push({ ruleId: 'SERV-04', field: `accommodationPlus.${key}`, reason: `Answer the question: ${question}` });
    }
    return 'undecided';
  }
  if (onlyUnrelatedNeeds) {
    reasons.push({
      ruleId: 'SERV-01',
      field: 'needIds',
      reason: 'The answers say this accommodation meets a need related to the mental disorder, but the needs it is linked to are not. Link it to the right need or change the answers.',
    });
    return 'undecided';
  }
  reasons.push({
    ruleId: 'SERV-04',
    reason: 'It is aftercare accommodation: the need for it comes from the reason the person was detained, it is specialised, and it reduces the risk of their mental health getting worse. It must be free.',
  });
  return 'aftercare';
}
