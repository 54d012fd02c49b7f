import { addMonths } from '../../../calendar/civil-date.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeComplaint, openComplaints, respondedBy } from './complaint.ts';

/**
 * Catalogue row `complaint-response-overdue` (CMP-05, CMP-06: respond within 6 months of receipt or an agreed longer
 * period): a complaint without a response is past its `responseDue` (or 6 months after `receivedOn`). `since` is the
 * due date.
 */
export const complaintResponseOverdue: AlertRule = {
  id: 'complaint-response-overdue',
  severity: 'medium',
  subjectKind: 'complaint',
  summary: 'A complaint has not had a response by the date it was due.',
  raisedAfterDeath: true,
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const complaint of openComplaints(ctx)) {
      if (respondedBy(complaint, ctx)) continue;
      const due =
        complaint.responseDue ?? addMonths(complaint.receivedOn, ctx.thresholds.complaintResponseMonths);
      if (!(due < ctx.asOf)) continue;
      alerts.push(
        raise(
          complaintResponseOverdue,
          due,
          complaint.id,
          `${describeComplaint(complaint)} was due a response by ${longDate(due)} and has not had one.`,
        ),
      );
    }
    return alerts;
  },
};
