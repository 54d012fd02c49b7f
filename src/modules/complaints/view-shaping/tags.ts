/**
 * GOV.UK tags for complaint clocks and remedy states: one colour per meaning, the same on every page
 * (red: late; yellow: waiting on us; blue: running; green: on time; grey: finished).
 */
import type { ComplaintClockState } from '../../../domain/complaints/complaint-clocks.ts';
import type { RemedyState } from '../../../domain/complaints/remedies.ts';

export interface TagView {
  text: string;
  classes: string;
}

const clockTags: Record<ComplaintClockState, TagView> = {
  awaiting_acknowledgement: { text: 'Awaiting acknowledgement', classes: 'govuk-tag--blue' },
  acknowledgement_overdue: { text: 'Acknowledgement overdue', classes: 'govuk-tag--red' },
  in_time: { text: 'In time', classes: 'govuk-tag--green' },
  response_overdue: { text: 'Response overdue', classes: 'govuk-tag--red' },
  responded: { text: 'Responded', classes: 'govuk-tag--grey' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--grey' },
};

const remedyTags: Record<RemedyState, TagView> = {
  due: { text: 'Due', classes: 'govuk-tag--blue' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  done_awaiting_evidence: { text: 'Done, evidence not sent', classes: 'govuk-tag--yellow' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
};

export const clockStates = Object.keys(clockTags) as ComplaintClockState[];
export const remedyStateList = Object.keys(remedyTags) as RemedyState[];

export function clockTag(state: ComplaintClockState): TagView {
  return clockTags[state];
}

export function remedyTag(state: RemedyState): TagView {
  return remedyTags[state];
}

export function answeredTag(answered: boolean): TagView {
  return answered ? { text: 'Answered', classes: 'govuk-tag--green' } : { text: 'Not answered', classes: 'govuk-tag--yellow' };
}
