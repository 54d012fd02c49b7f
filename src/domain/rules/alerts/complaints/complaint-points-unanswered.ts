import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { listOf, longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { openComplaints, respondedBy } from './complaint.ts';

/**
 * Catalogue row `complaint-points-unanswered` (CMP-05: the response sets out conclusions on the complaint): a
 * complaint has had its response and one or more of its points are not answered. `since` is `respondedOn`.
 */
export const complaintPointsUnanswered: AlertRule = {
  id: 'complaint-points-unanswered',
  severity: 'medium',
  subjectKind: 'complaint',
  summary: 'A complaint has had a response that leaves one or more of its points unanswered.',
  raisedAfterDeath: true,
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const complaint of openComplaints(ctx)) {
      if (!respondedBy(complaint, ctx)) continue;
      const unanswered = complaint.points.filter((point) => !point.answered);
      if (unanswered.length === 0) continue;
      const points = listOf(unanswered.map((point) => point.id));
      alerts.push(
        raise(
          complaintPointsUnanswered,
          complaint.respondedOn,
          complaint.id,
          `The response of ${longDate(complaint.respondedOn)} to complaint ${complaint.id} does not answer point${unanswered.length > 1 ? 's' : ''} ${points}.`,
        ),
      );
    }
    return alerts;
  },
};
