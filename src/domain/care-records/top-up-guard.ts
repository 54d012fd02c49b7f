/**
 * The top-up guard. SERV-07: a person entitled to aftercare accommodation may choose a particular setting
 * (s117A and the Choice of Accommodation Regulations 2014), if they are 18 or over. SERV-08: if it costs
 * more than the authority usually pays, the difference (and only the difference) may be paid by the person
 * or by a third party. SERV-09: a top-up is lawful only for a genuinely preferred, dearer setting; if no
 * suitable setting was offered at the usual rate, the authorities pay the full cost. SERV-05: nothing may be
 * charged towards the base cost. Mirrors the alert `top-up-without-choice`; there is no override.
 */
import { addMonths, type CivilDate } from '../calendar/civil-date.ts';
import type { Service } from '../case-file/schema.ts';
import { isAccommodationService } from './aftercare-classification.ts';
import { allow, refuse, type RuleReason, type Verdict } from './rule-result.ts';
import { formatPounds } from './wording.ts';

export type TopUp = NonNullable<Service['topUp']>;

export interface TopUpRequest {
  topUp: TopUp;
  service: Pick<Service, 'description' | 'kind' | 'aftercare' | 'weeklyCostPence'>;
  /** The person's date of birth; the choice provisions apply from their 18th birthday (TC-20). */
  dateOfBirth?: CivilDate | undefined;
  /** The council and health body responsible for the duty: they cannot be the payer of a top-up. */
  responsibleBodyIds: readonly string[];
  /** What the authority would usually pay a week for this type of accommodation, where known (TC-17). */
  usualWeeklyCostPence?: number | undefined;
}

export function checkTopUpAllowed({ topUp, service, dateOfBirth, responsibleBodyIds, usualWeeklyCostPence }: TopUpRequest): Verdict {
  const name = `"${service.description}"`;
  if (!service.aftercare) {
    return allow([
      {
        ruleId: 'SERV-07',
        reason: `${name} is not section 117 aftercare, so the aftercare choice rules do not apply. Follow the Care Act rules on paying more for a preferred home.`,
      },
    ]);
  }
  if (!isAccommodationService(service)) {
    return refuse([
      {
        ruleId: 'SERV-05',
        field: 'topUp',
        reason: `You cannot ask anyone to top up ${name}. It is aftercare, which must be free, and top-ups are only possible for a preferred place to live.`,
      },
    ]);
  }

  const refusals: RuleReason[] = [];
  if (dateOfBirth === undefined) {
    refusals.push({ ruleId: 'SERV-07', field: 'dateOfBirth', reason: "Record the person's date of birth. Only people aged 18 or over can choose a dearer place and pay a top-up." });
  } else if (addMonths(dateOfBirth, 18 * 12) > topUp.from) {
    // 18th birthday by addMonths: someone born on 29 February is taken to turn 18 on 28 February.
    refusals.push({ ruleId: 'SERV-07', field: 'topUp.from', reason: 'The person is under 18 on the date the top-up starts. The rules on choosing a dearer place only apply to people aged 18 or over.' });
  }
  if (!topUp.preferredAccommodationChosen) {
    refusals.push({ ruleId: 'SERV-09', field: 'topUp.preferredAccommodationChosen', reason: 'A top-up is only allowed when the person chose a place that costs more than the authority usually pays.' });
  }
  if (!topUp.suitableAlternativeOffered) {
    refusals.push({ ruleId: 'SERV-09', field: 'topUp.suitableAlternativeOffered', reason: 'A suitable place at the authority’s usual rate must have been offered. If none was, the council and the health body must pay the full cost.' });
  }
  if (topUp.payer.trim() === '' || responsibleBodyIds.includes(topUp.payer)) {
    refusals.push({ ruleId: 'SERV-08', field: 'topUp.payer', reason: 'The top-up must be paid by the person or by someone else on their behalf, such as a relative, not by the council or the health body.' });
  }
  if (topUp.weeklyPence <= 0) {
    refusals.push({ ruleId: 'SERV-08', field: 'topUp.weeklyPence', reason: 'Enter the weekly top-up amount.' });
  }
  if (topUp.to !== undefined && topUp.to <= topUp.from) {
    refusals.push({ ruleId: 'SERV-08', field: 'topUp.to', reason: 'The date the top-up ends must be after the date it starts.' });
  }
  if (usualWeeklyCostPence !== undefined && service.weeklyCostPence !== undefined) {
    const additionalCost = service.weeklyCostPence - usualWeeklyCostPence;
    if (additionalCost <= 0) {
      refusals.push({ ruleId: 'SERV-09', field: 'topUp', reason: `${name} costs no more than the authority usually pays, so nobody can be asked for a top-up.` });
    } else if (topUp.weeklyPence > additionalCost) {
      refusals.push({
        ruleId: 'SERV-05',
        field: 'topUp.weeklyPence',
        reason: `The top-up can be no more than the extra cost of ${formatPounds(additionalCost)} a week. Nobody can be charged towards the authority’s usual rate.`,
      });
    }
  }
  if (refusals.length > 0) return refuse(refusals);
  return allow([
    {
      ruleId: 'SERV-08',
      reason: `The person chose ${name}, which costs more than a suitable place that was offered at the authority’s usual rate, so the extra cost can be paid as a top-up.`,
    },
  ]);
}
