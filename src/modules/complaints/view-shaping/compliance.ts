/**
 * The compliance pages' tables: complaints grouped by the state of their clock (late first), and remedies
 * with due date, owner and state. Pure; the states themselves come from the domain.
 */
import type { ComplaintClockState } from '../../../domain/complaints/complaint-clocks.ts';
import { complaintsPaths } from '../paths.ts';
import type { ComplianceComplaintRow, ComplianceRemedyRow } from '../reads.ts';
import { dateText, procedureLabels } from './labels.ts';
import { clockTag, remedyTag, type TagView } from './tags.ts';

const groupOrder: ComplaintClockState[] = ['response_overdue', 'acknowledgement_overdue', 'awaiting_acknowledgement', 'in_time', 'responded', 'withdrawn'];

export interface ClockGroup {
  state: ComplaintClockState;
  tag: TagView;
  count: number;
  rows: { person: string; href: string; received: string; procedure: string; acknowledgementDue: string; responseDue: string; daysOverdue: number }[];
}

export function clockGroups(rows: readonly ComplianceComplaintRow[]): ClockGroup[] {
  return groupOrder
    .map((state) => {
      const inState = rows
        .filter((r) => r.clock.state === state)
        .sort((a, b) => (a.clock.responseDue ?? '9999').localeCompare(b.clock.responseDue ?? '9999') || a.complaintId.localeCompare(b.complaintId));
      return {
        state,
        tag: clockTag(state),
        count: inState.length,
        rows: inState.map((r) => ({
          person: r.personName,
          href: complaintsPaths.section(r.personId),
          received: dateText(r.receivedOn),
          procedure: procedureLabels[r.procedure] ?? r.procedure,
          acknowledgementDue: dateText(r.clock.acknowledgementDue, 'None'),
          responseDue: dateText(r.clock.responseDue, 'None'),
          daysOverdue: r.clock.daysResponseOverdue,
        })),
      };
    })
    .filter((group) => group.count > 0);
}

export function remedyRows(rows: readonly ComplianceRemedyRow[]) {
  return rows.map((r) => ({
    person: r.personName,
    href: complaintsPaths.section(r.personId),
    reference: r.reference,
    text: r.text,
    owner: r.ownerName ?? 'Not assigned',
    due: dateText(r.due, 'No final decision yet'),
    tag: remedyTag(r.state),
    detail: r.reason,
    evidenceOverdue: r.evidenceOverdue,
  }));
}
