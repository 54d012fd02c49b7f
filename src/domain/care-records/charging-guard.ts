/**
 * The charging guard: may this charge be raised? SERV-05: aftercare is free, there is no power to charge
 * for it. SERV-04: where accommodation is itself aftercare, the person must not pay rent or service charges
 * for it or be steered to housing benefit to pay for it. SERV-06: only services that are not aftercare may
 * be charged for (through the Care Act financial assessment). There is deliberately no override.
 * The conditions mirror the alerts `aftercare-charged` and `aftercare-rent-charged`, so a charge this guard
 * refuses is exactly one that would raise an alert if it were imported. Like those alerts, it counts the
 * duties the law gives as well as those recorded: the duty arises by law on discharge (s117(1), ELIG-04), not
 * by being written down, so a charge during a duty nobody recorded (or one recorded as ended on grounds the
 * Code rules out, §1.5) is still a charge for aftercare (SERV-05).
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { Charge, Service } from '../case-file/schema.ts';
import { isAccommodationService } from './aftercare-classification.ts';
import { periodsOverlap } from './periods.ts';
import { allow, refuse, type RuleReason, type Verdict } from './rule-result.ts';
import { formatDate } from './wording.ts';

export interface DutyPeriod {
  start: CivilDate;
  end?: CivilDate | undefined;
  /** Recorded on the register (the default), or given by the law engine's `evaluate`. */
  source?: 'recorded' | 'law' | undefined;
}

export interface ChargeRequest {
  charge: Pick<Charge, 'kind' | 'from' | 'to'>;
  /** The service the charge is for; absent when the charge names no service. */
  service?: Pick<Service, 'description' | 'kind' | 'aftercare'> | undefined;
  /**
   * The periods (start up to the day before end) in which a section 117 duty of the person was active:
   * recorded duties and those the law gives (alert-rules "Charges"), whether or not still active today.
   */
  activeDutyPeriods: readonly DutyPeriod[];
}

const housingCharges: readonly Charge['kind'][] = ['rent', 'service_charge', 'housing_benefit_claim'];

export function checkChargeAllowed({ charge, service, activeDutyPeriods }: ChargeRequest): Verdict {
  if (!service) {
    return allow([
      {
        ruleId: 'SERV-06',
        reason: 'This charge is not for a service in the aftercare plan. Check it is not for aftercare before you ask the person to pay.',
      },
    ]);
  }
  const name = `"${service.description}"`;
  if (!service.aftercare) {
    return allow([
      {
        ruleId: 'SERV-06',
        reason: `${name} is not classified as section 117 aftercare, so it can be charged for, using the Care Act financial assessment.`,
      },
    ]);
  }

  const chargePeriod = { from: charge.from, to: charge.to };
  const duties = activeDutyPeriods.filter((duty) => periodsOverlap(chargePeriod, { from: duty.start, to: duty.end }));
  if (duties.length === 0) {
    return allow([
      {
        ruleId: 'SERV-05',
        reason: `The charge only covers dates when the person had no section 117 duty, so ${name} was not aftercare on those dates.`,
      },
    ]);
  }

  const refusals: RuleReason[] = [];
  if (housingCharges.includes(charge.kind) && isAccommodationService(service)) {
    refusals.push({ ruleId: 'SERV-04', field: 'kind', reason: housingRefusal(charge.kind, name) });
  } else if (charge.kind === 'contribution' || charge.kind === 'other') {
    const what = charge.kind === 'contribution' ? 'ask for a contribution towards' : 'charge for';
    refusals.push({
      ruleId: 'SERV-05',
      field: 'kind',
      reason: `You cannot ${what} ${name}. It is section 117 aftercare, and aftercare must be free.`,
    });
  }
  // Only the law says so: the same refusal, and where the duty comes from, so someone records it.
  const lawDuty = duties.every((duty) => duty.source === 'law') ? duties[0] : undefined;
  if (lawDuty) for (const refusal of refusals) refusal.reason += ` No section 117 duty is recorded for these dates, but the law gives the person one from ${formatDate(lawDuty.start)}. Record the duty on the register.`;
  if (refusals.length > 0) return refuse(refusals);

  // Rent or a service charge linked to aftercare that is not accommodation: the person's own housing
  // costs are not aftercare (SERV-04, "ordinary housing need").
  return allow([
    {
      ruleId: 'SERV-04',
      reason: `${name} is not accommodation, so this is the person's own housing cost. It is not a charge for aftercare.`,
    },
  ]);
}

function housingRefusal(kind: Charge['kind'], name: string): string {
  const free = 'The accommodation is section 117 aftercare, so the council and the health body must pay for all of it.';
  if (kind === 'housing_benefit_claim') return `Do not ask the person to claim housing benefit to pay for ${name}. ${free}`;
  const what = kind === 'rent' ? 'rent' : 'a service charge';
  return `You cannot charge ${what} for ${name}. ${free}`;
}
