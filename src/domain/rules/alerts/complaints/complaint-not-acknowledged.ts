import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { describeComplaint, openComplaints } from './complaint.ts';

/**
 * Catalogue row `complaint-not-acknowledged` (CMP-04: acknowledge within 3 working days of receipt): a statutory 2009
 * complaint has no `acknowledgedOn` on or before asOf and asOf is after the 3rd working day after `receivedOn`.
 * `since` is `receivedOn`.
 */
export const complaintNotAcknowledged: AlertRule = {
  id: 'complaint-not-acknowledged',
  severity: 'medium',
  subjectKind: 'complaint',
  summary: 'A statutory complaint has not been acknowledged within 3 working days of being received.',
  raisedAfterDeath: true,
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const complaint of openComplaints(ctx)) {
      if (complaint.procedure !== 'statutory_2009') continue;
      if (complaint.acknowledgedOn !== undefined && complaint.acknowledgedOn <= ctx.asOf) continue;
      const due = ctx.workingDaysAfter(complaint.receivedOn, ctx.thresholds.complaintAcknowledgeWorkingDays);
      if (!(ctx.asOf > due)) continue;
      alerts.push(
        raise(
          complaintNotAcknowledged,
          complaint.receivedOn,
          complaint.id,
          `${describeComplaint(complaint)} should have been acknowledged by ${longDate(due)} and has not been.`,
        ),
      );
    }
    return alerts;
  },
};
