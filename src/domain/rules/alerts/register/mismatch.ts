/**
 * The shared test behind the two mismatch alerts (LA-01…LA-10, ICB-01…ICB-09): an active recorded duty names a
 * body other than the one the law gives for its detention. Not raised when the detention gives no duty in law, when
 * the law names no body, when the law's answer carries a flag of the same family (LA- or ICB-), or when one body is
 * the other's successor in force on asOf.
 */
import type { Duty } from '../../../case-file/schema.ts';
import type { Alert, ResponsibleBody } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

export interface MismatchSide {
  flagFamily: 'LA-' | 'ICB-';
  recorded(duty: Duty): string;
  law: 'localAuthority' | 'healthBody';
  noun: string;
}

export function mismatchAlerts(rule: AlertRule, ctx: AlertContext, side: MismatchSide): Alert[] {
  const alerts: Alert[] = [];
  for (const duty of ctx.activeDuties) {
    const lawDuty = ctx.lawDutyFor(duty.detentionId);
    if (!lawDuty) continue;
    const body: ResponsibleBody = lawDuty[side.law];
    if (body.organisationId === null) continue;
    if (lawDuty.flags.some((flag) => flag.startsWith(side.flagFamily))) continue;
    const recorded = side.recorded(duty);
    if (ctx.sameOrganisation(recorded, body.organisationId)) continue;
    const name = (id: string) => ctx.organisation(id)?.name ?? id;
    alerts.push(
      raise(
        rule,
        duty.start,
        duty.id,
        `Duty ${duty.id}, from ${longDate(duty.start)}, records ${name(recorded)} as the responsible ${side.noun}, but the law gives ${name(body.organisationId)}.`,
      ),
    );
  }
  return alerts;
}
