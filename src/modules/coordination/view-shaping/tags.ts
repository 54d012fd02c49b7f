/**
 * GOV.UK tags for coordination's statuses: one colour per meaning, the same on every page (STYLE
 * "Statuses"): green done or good, blue in progress, orange waiting on someone, red overdue or refused,
 * grey closed.
 */
import type { TagView } from '../../register/view-shaping/status-tags.ts';

const green = 'govuk-tag--green';
const blue = 'govuk-tag--blue';
const orange = 'govuk-tag--orange';
const red = 'govuk-tag--red';
const grey = 'govuk-tag--grey';

const tag = (text: string, classes: string): TagView => ({ text, classes });

export const panelStatusTag = (status: string): TagView =>
  ({
    submitted: tag('Waiting for panel', orange),
    approved: tag('Approved', green),
    approved_with_conditions: tag('Approved with conditions', green),
    rejected: tag('Refused', red),
    deferred: tag('Deferred', orange),
  })[status] ?? tag(status, grey);

export const placementOutcomeTag = (outcome: string): TagView =>
  ({
    pending: tag('Waiting for reply', orange),
    offered: tag('Offered', blue),
    accepted: tag('Accepted', green),
    declined_by_provider: tag('Refused by provider', red),
    declined_by_person: tag('Declined by person', grey),
    no_vacancy: tag('No vacancy', red),
    waiting_list: tag('Waiting list', orange),
  })[outcome] ?? tag(outcome, grey);

export const meetingStatusTag = (status: string, unrecorded: boolean): TagView =>
  unrecorded ? tag('Not recorded', red) : (({ planned: tag('Planned', blue), held: tag('Held', green), cancelled: tag('Cancelled', grey) })[status] ?? tag(status, grey));

export const tellingTag = (state: string): TagView =>
  ({ reached: tag('Told', green), waiting: tag('Not told yet', orange), overdue: tag('Overdue', red) })[state] ?? tag(state, grey);

export const actionTag = (completedOn: string | undefined, due: string, today: string): TagView =>
  completedOn ? tag('Done', green) : due < today ? tag('Overdue', red) : tag('To do', blue);

export const appointmentTag = (outcome: string | undefined, missing: boolean): TagView =>
  !outcome
    ? missing ? tag('Outcome missing', red) : tag('Booked', blue)
    : (({
      attended: tag('Attended', green),
      did_not_attend: tag('Did not attend', orange),
      cancelled_by_person: tag('Cancelled by person', grey),
      cancelled_by_staff: tag('Cancelled by staff', grey),
      staff_did_not_attend: tag('Staff did not attend', red),
    })[outcome] ?? tag(outcome, grey));

export const ratingTag = (rating: string | undefined): TagView =>
  !rating ? tag('Not rated', grey) : (({
    outstanding: tag('Outstanding', green),
    good: tag('Good', green),
    requires_improvement: tag('Requires improvement', orange),
    inadequate: tag('Inadequate', red),
  })[rating] ?? tag(rating, grey));
