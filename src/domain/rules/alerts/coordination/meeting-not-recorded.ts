import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/**
 * Catalogue row `meeting-not-recorded` (PLAN-03, END-03(d): planning and review meetings are evidence): a meeting
 * still marked planned 2 working days or more after its date. `since` is the meeting date.
 */
export const meetingNotRecorded: AlertRule = {
  id: 'meeting-not-recorded',
  severity: 'medium',
  subjectKind: 'meeting',
  summary:
    'A meeting is still shown as planned 2 working days or more after its date, so nobody has recorded whether it was held.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const meeting of ctx.view.meetings) {
      if (meeting.status !== 'planned' || meeting.date > ctx.asOf) continue;
      if (ctx.asOf < ctx.workingDaysAfter(meeting.date, ctx.thresholds.meetingRecordedWorkingDays)) continue;
      alerts.push(
        raise(
          meetingNotRecorded,
          meeting.date,
          meeting.id,
          `Meeting ${meeting.id} (${meeting.kind.replaceAll('_', ' ')}) on ${longDate(meeting.date)} is still shown as planned: record whether it was held.`,
        ),
      );
    }
    return alerts;
  },
};
