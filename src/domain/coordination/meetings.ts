/**
 * Meetings: planned → held (with attendance and minutes) or cancelled. Held and cancelled are final. A planned
 * meeting left unrecorded 2 working days after its date raises meeting-not-recorded.
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import type { Meeting } from '../case-file/schema.ts';
import { defaultRulesConfig, type RulesConfig } from '../rules/config.ts';

export type MeetingStepResult = { ok: true; meeting: Meeting; warnings: string[] } | { ok: false; refusals: string[] };

function finalRefusal(meeting: Meeting): string | null {
  if (meeting.status === 'held') return 'This meeting has already been recorded as held.';
  if (meeting.status === 'cancelled') return 'This meeting was cancelled. Plan a new meeting instead.';
  return null;
}

/** Record that a planned meeting took place, on or after its date (`today` is the day it is recorded). */
export function recordMeetingHeld(meeting: Meeting, record: { attended: readonly string[]; minutes: string; today: CivilDate }): MeetingStepResult {
  const final = finalRefusal(meeting);
  if (final) return { ok: false, refusals: [final] };
  const refusals: string[] = [];
  if (record.today < meeting.date) refusals.push(`This meeting is on ${meeting.date}. Record it once it has taken place.`);
  if (record.attended.length === 0) refusals.push('Select who attended.');
  const minutes = record.minutes.trim();
  if (!minutes) refusals.push('Enter the minutes of the meeting.');
  if (refusals.length > 0) return { ok: false, refusals };
  const attended = [...new Set(record.attended)];
  // Someone who came without an invitation is added to the invitees, so attendance is always a subset.
  const invited = [...meeting.invited, ...attended.filter((ref) => !meeting.invited.includes(ref))];
  const warnings = meeting.invited.includes('person') && !attended.includes('person')
    ? ['The person was invited but did not attend. Tell them what was decided.']
    : [];
  return { ok: true, meeting: { ...meeting, status: 'held', invited, attended, minutes }, warnings };
}

export function cancelMeeting(meeting: Meeting): MeetingStepResult {
  const final = finalRefusal(meeting);
  if (final) return { ok: false, refusals: [final] };
  return { ok: true, meeting: { ...meeting, status: 'cancelled', attended: [] }, warnings: [] };
}

/** Invitees who did not attend a held meeting. */
export function absentInvitees(meeting: Meeting): string[] {
  return meeting.status === 'held' ? meeting.invited.filter((ref) => !meeting.attended.includes(ref)) : [];
}

/** meeting-not-recorded: still planned on or after the 2nd working day after its date. */
export function meetingNotRecorded(meeting: Meeting, asOf: CivilDate, config: RulesConfig = defaultRulesConfig): boolean {
  return meeting.status === 'planned' && meeting.date <= asOf && addWorkingDays(meeting.date, config.thresholds.meetingRecordedWorkingDays) <= asOf;
}
