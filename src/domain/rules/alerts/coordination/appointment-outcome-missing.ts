import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `appointment-outcome-missing` (PLAN-05; the reference LGSCO decision, where missed appointments went
 * unnoticed): an appointment 2 working days or more in the past has no outcome. `since` is the appointment date.
 */
export const appointmentOutcomeMissing: AlertRule = {
  id: 'appointment-outcome-missing',
  severity: 'medium',
  subjectKind: 'appointment',
  summary: 'No outcome has been recorded for an appointment 2 working days or more after it.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const appointment of ctx.view.appointments) {
      if (appointment.outcome !== undefined || appointment.date > ctx.asOf) continue;
      if (ctx.asOf < ctx.workingDaysAfter(appointment.date, ctx.thresholds.appointmentOutcomeWorkingDays))
        continue;
      const purpose = appointment.purpose ? ` ("${appointment.purpose}")` : '';
      alerts.push(
        raise(
          appointmentOutcomeMissing,
          appointment.date,
          appointment.id,
          `Appointment ${appointment.id}${purpose} on ${longDate(appointment.date)} has no outcome recorded: nobody has said whether it went ahead.`,
        ),
      );
    }
    return alerts;
  },
};
