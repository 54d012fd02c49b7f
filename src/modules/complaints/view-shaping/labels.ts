/** The words the pages use for complaint and Ombudsman codes. */
import { formatCivilDate } from '../../../platform/views/filters.ts';

export const procedureLabels: Record<string, string> = {
  statutory_2009: 'Statutory (2009 Regulations)',
  corporate: 'Council corporate procedure (Complaint Handling Code)',
  other: 'Other procedure',
};
export const outcomeLabels: Record<string, string> = { upheld: 'Upheld', partly_upheld: 'Partly upheld', not_upheld: 'Not upheld', withdrawn: 'Withdrawn' };
export const bodyLabels: Record<string, string> = {
  LGSCO: 'Local Government and Social Care Ombudsman',
  PHSO: 'Parliamentary and Health Service Ombudsman',
  joint: 'LGSCO and PHSO jointly',
  PSOW: 'Public Services Ombudsman for Wales',
};
export const findingLabels: Record<string, string> = { fault: 'Fault', service_failure: 'Service failure', no_fault: 'No fault', injustice: 'Injustice' };
export const remedyKindLabels: Record<string, string> = {
  apology: 'Apology',
  payment: 'Payment',
  refund: 'Refund',
  meeting: 'Meeting',
  reassessment: 'Reassessment or review',
  service_improvement: 'Service improvement',
  other: 'Other',
};
export const dueWithinLabels: Record<string, string> = { P1M: '1 month after the final decision', P2M: '2 months after the final decision', P3M: '3 months after the final decision', P6M: '6 months after the final decision' };
export const stepLabels: Record<string, string> = {
  acknowledge: 'Record acknowledgement',
  agree_response_date: 'Agree a response date',
  respond: 'Record the response',
  close: 'Close with an outcome',
  withdraw: 'Withdraw',
};

export const dateText = (value: string | null | undefined, none = 'Not recorded'): string => (value ? formatCivilDate(value) : none);

/** Pence as "£250.00". */
export function pounds(pence: number | undefined | null): string {
  if (pence === undefined || pence === null) return '';
  return `£${(pence / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** "250", "250.5", "£1,250.00" → pence; undefined when blank; NaN when not money. */
export function penceFromText(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const cleaned = text.replace(/[£,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  return Math.round(Number(cleaned) * 100);
}
