import { maxDate } from '../../../calendar/civil-date.ts';
import { daysFrom } from '../dates.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * The last day on or before asOf the person was in contact: a communication either way with the person or with a
 * contact who was a representative in force on its date, or an appointment with them marked attended.
 */
export function lastContactWithPerson(ctx: AlertContext): string | undefined {
  let last: string | undefined;
  for (const communication of ctx.view.communications) {
    if (communication.date > ctx.asOf || (last !== undefined && communication.date <= last)) continue;
    if (communication.with.some((ref) => ref === 'person' || ctx.isRepresentativeOn(ref, communication.date)))
      last = communication.date;
  }
  for (const appointment of ctx.view.appointments) {
    if (
      appointment.date > ctx.asOf ||
      appointment.outcome !== 'attended' ||
      (last !== undefined && appointment.date <= last)
    )
      continue;
    if (appointment.with.some((ref) => ref === 'person' || ctx.isRepresentativeOn(ref, appointment.date)))
      last = appointment.date;
  }
  return last;
}

/**
 * Catalogue row `no-contact-with-person` (PLAN-03, PLAN-05; ombudsman findings of disengagement left unchecked,
 * END-03): for `noContactDays` or more (asOf − D ≥ 90) there has been no contact with the person or a
 * representative, counting from the later of the duty start and the last contact. `since` is that later date.
 */
export const noContactWithPerson: AlertRule = {
  id: 'no-contact-with-person',
  severity: 'medium',
  subjectKind: 'duty',
  summary:
    'Nobody has been in contact with the person, or a representative acting for them, for 90 days during an active duty.',
  evaluate(ctx: AlertContext): Alert[] {
    if (ctx.activeDuties.length === 0) return [];
    const last = lastContactWithPerson(ctx);
    const alerts: Alert[] = [];
    for (const duty of ctx.activeDuties) {
      const from = last === undefined ? duty.start : maxDate(duty.start, last);
      if (daysFrom(from, ctx.asOf) < ctx.thresholds.noContactDays) continue;
      const message =
        last !== undefined && last >= duty.start
          ? `Nobody has been in contact with ${ctx.personName} or a representative since ${longDate(from)} (duty ${duty.id}).`
          : `Nobody has been in contact with ${ctx.personName} or a representative since duty ${duty.id} began on ${longDate(from)}.`;
      alerts.push(raise(noContactWithPerson, from, duty.id, message));
    }
    return alerts;
  },
};
