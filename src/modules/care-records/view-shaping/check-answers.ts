/**
 * The rows of the care-records confirmation and check-your-answers pages, from the form's answers (already
 * checked by a rehearsal of the write, so every date in them is a real one). A row with a `field` gets a
 * Change button back to that question. Pure, so it is tested alone.
 */
import { formatDate } from '../../../domain/care-records/wording.ts';
import { dateField, yesNoField, type FormBody } from '../../register/view-shaping/forms.ts';
import type { CheckRow } from '../form-routes.ts';
import { groundLabels } from './choices.ts';
import { listField } from './form-inputs.ts';

const dateText = (values: FormBody, name: string, missing = 'Not recorded') => {
  const date = dateField(values, name);
  return date ? formatDate(date) : missing;
};
const yesNoText = (values: FormBody, name: string, missing = 'Not answered') => {
  const answer = yesNoField(values, name);
  return answer === undefined ? missing : answer ? 'Yes' : 'No';
};

/** Check your answers before proposing to end a duty: grounds, review, involvement, reasons letter, move-on plan. */
export function endingProposalRows(values: FormBody): CheckRow[] {
  const rows: CheckRow[] = [
    { key: 'Why aftercare should end', value: listField(values, 'grounds').map((g) => groundLabels[g] ?? g).join('; '), field: 'grounds' },
    { key: 'Review meeting', value: (values.reviewMeetingId as string | undefined)?.trim() || 'Not recorded', field: 'reviewMeetingId' },
    { key: 'The person was involved in the decision', value: yesNoText(values, 'personInvolved'), field: 'personInvolved' },
    { key: 'Written reasons sent to the person', value: dateText(values, 'writtenReasonsSentOn'), field: 'writtenReasonsSentOn' },
    { key: 'Move-on plan in place', value: yesNoText(values, 'moveOnPlanInPlace', 'Not answered (no aftercare accommodation)'), field: 'moveOnPlanInPlace' },
  ];
  if (yesNoField(values, 'legalSignOff') !== undefined) rows.push({ key: 'Legal advice taken and signed off', value: yesNoText(values, 'legalSignOff'), field: 'legalSignOff' });
  return rows;
}

export function endServiceRows(serviceName: string, values: FormBody): CheckRow[] {
  return [
    { key: 'Service', value: serviceName },
    { key: 'Date the service ended', value: dateText(values, 'end'), field: 'end' },
  ];
}

export function endChargeRows(chargeName: string, from: string, values: FormBody): CheckRow[] {
  return [
    { key: 'Charge', value: chargeName },
    { key: 'Started', value: formatDate(from) },
    { key: 'Date the charge ends', value: dateText(values, 'to'), field: 'to' },
  ];
}
