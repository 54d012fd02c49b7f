/**
 * A stored record as the answers of the form that changes it, so a "Change" form opens pre-filled: dates as
 * the three boxes of a GOV.UK date input, money in pounds, yes/no as the radios' values, and the version of
 * the record in the hidden field. Pure, so it is tested alone.
 */
import type { CarePlan, Service } from '../../../domain/case-file/schema.ts';
import { datePartsOf, type FormBody } from '../../register/view-shaping/forms.ts';

export function dateValues(name: string, date: string | undefined): FormBody {
  const parts = datePartsOf(date);
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year };
}

/** 120050 → "1200.50"; what the pounds field reads back as the same pence. */
export function poundsValue(pence: number | undefined): string {
  return pence === undefined ? '' : (pence / 100).toFixed(2);
}

const yesNoValue = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');

export function serviceValues(service: Service, version: number): FormBody {
  const plus = service.accommodationPlus ?? {};
  return {
    version: String(version),
    description: service.description,
    kind: service.kind,
    needIds: service.needIds,
    providerId: service.providerId ?? '',
    ...dateValues('start', service.start),
    ...dateValues('end', service.end),
    status: service.status,
    weeklyCost: poundsValue(service.weeklyCostPence),
    aftercare: yesNoValue(service.aftercare),
    classificationReason: (service.ext?.classificationReason as string | undefined) ?? '',
    relatedToOriginalCondition: yesNoValue(plus.relatedToOriginalCondition),
    enhancedSpecialised: yesNoValue(plus.enhancedSpecialised),
    reducesRisk: yesNoValue(plus.reducesRisk),
  };
}

export function needValues(need: CarePlan['needs'][number], planVersion: number): FormBody {
  return { version: String(planVersion), description: need.description, relatedToMentalDisorder: yesNoValue(need.relatedToMentalDisorder), category: need.category ?? '' };
}
