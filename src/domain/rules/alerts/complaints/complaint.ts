/** Complaint facts shared by the `complaint-*` alerts: none is raised for a withdrawn complaint. */
import type { Complaint } from '../../../case-file/schema.ts';
import type { AlertContext } from '../context.ts';
import { longDate } from '../format.ts';

export function openComplaints(ctx: AlertContext): Complaint[] {
  return ctx.view.complaints.filter(
    (complaint) => complaint.outcome !== 'withdrawn' && complaint.receivedOn <= ctx.asOf,
  );
}

export function respondedBy(
  complaint: Complaint,
  ctx: AlertContext,
): complaint is Complaint & { respondedOn: string } {
  return complaint.respondedOn !== undefined && complaint.respondedOn <= ctx.asOf;
}

export function describeComplaint(complaint: Complaint): string {
  return `Complaint ${complaint.id}, received on ${longDate(complaint.receivedOn)},`;
}
