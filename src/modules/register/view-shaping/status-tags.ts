/**
 * GOV.UK tags for statuses, one colour per meaning, the same on every page (STYLE "Statuses").
 */
export type StatusMeaning = 'open' | 'ended' | 'unallocated' | 'allocated' | 'disputed';

const colours: Record<StatusMeaning, string> = {
  open: 'govuk-tag--green',
  ended: 'govuk-tag--grey',
  unallocated: 'govuk-tag--orange',
  allocated: 'govuk-tag--blue',
  disputed: 'govuk-tag--red',
};

export interface TagView {
  text: string;
  classes: string;
}

export function statusTag(meaning: StatusMeaning, text: string): TagView {
  return { text, classes: colours[meaning] };
}

/** A period is open on `today` when it has no end or ends later (half-open periods). */
export function isOpenOn(end: string | null | undefined, today: string): boolean {
  return end === undefined || end === null || end > today;
}
