/**
 * The working life of a duty: meetings with their decisions and actions, letters, calls and visits with
 * the person and their representative (some lapsing), appointments (a few with no outcome recorded).
 */
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { addDays, daysBetween } from '../../domain/calendar/civil-date.ts';
import type { Action, Allocation, Appointment, Communication, Contact, Decision, Duty, Meeting } from '../../domain/case-file/schema.ts';
import type { GenerationContext } from './context.ts';

export interface DutyContact {
  meetings: Meeting[];
  decisions: Decision[];
  actions: Action[];
  communications: Communication[];
  appointments: Appointment[];
}

export interface ContactSetting {
  duty: Duty;
  allocations: readonly Allocation[];
  contacts: readonly Contact[];
  /** Care plans agreed for the duty, to send them to the person. */
  agreedPlans: readonly { id: string; agreedOn: CivilDate }[];
}

const summaries = {
  phone: ['Phoned to check how things are going', 'Called about the next review', 'Returned a call about benefits'],
  visit: ['Home visit: reviewed support and medication', 'Visited with the care coordinator'],
  letter: ['Letter confirming the review date', 'Letter with the updated care plan'],
  email: ['Email about the support hours', 'Email confirming the appointment'],
  text: ['Text reminder of the appointment'],
} as const;

export function generateContactActivity(context: GenerationContext, setting: ContactSetting): DutyContact {
  const { rng, asOf, intensity } = context;
  const { duty, contacts } = setting;
  const out: DutyContact = { meetings: [], decisions: [], actions: [], communications: [], appointments: [] };
  const periodEnd = duty.end ?? asOf;
  const representatives = contacts.filter((contact) => contact.actsForPerson && (contact.consent?.given || contact.role === 'deputy' || contact.role === 'attorney'));
  const worker = (date: CivilDate): string => workerOn(context, setting, date);
  // Some cases go quiet: nobody contacts the person for the last months (no-contact-with-person).
  const lapse = !duty.end && rng.chance(0.1) ? addDays(asOf, -rng.int(100, 220)) : undefined;
  const contactUntil = lapse && lapse > duty.start ? lapse : periodEnd;

  const discharge: Meeting = meeting(context, duty, addDays(duty.start, -rng.int(3, 14)), 'discharge_planning', worker(duty.start), representatives);
  out.meetings.push(discharge);
  for (let day = addDays(duty.start, Math.round(rng.int(40, 200) / intensity)); day < periodEnd; day = addDays(day, Math.max(7, Math.round(rng.int(250, 800) / intensity)))) {
    out.meetings.push(meeting(context, duty, day, rng.pick(['mdt', 'review', 'professionals', 'planning'] as const), worker(day), representatives));
  }
  if (!duty.end && rng.chance(0.3)) out.meetings.push({ ...meeting(context, duty, addDays(asOf, rng.int(3, 40)), 'review', worker(asOf), representatives), status: 'planned', attended: [] });

  for (const held of out.meetings.filter((m) => m.status === 'held')) {
    for (let d = rng.weighted([[0, 6], [1, 3], [2, 1]]); d > 0; d--) out.decisions.push(decisionAt(context, held, duty, representatives, out));
    for (let a = rng.weighted([[0, 5], [1, 3], [2, 2]]); a > 0; a--) {
      const due = addDays(held.date, rng.int(14, 42));
      const action: Action = { id: context.ids.next('act'), text: rng.pick(['Send the updated care plan', 'Refer to the community mental health team', 'Find a day service place', 'Check housing benefit claim']), ownerId: worker(held.date), due, meetingId: held.id };
      const completedOn = addDays(held.date, rng.int(2, 50));
      if (rng.chance(0.93) && completedOn <= asOf) action.completedOn = completedOn;
      out.actions.push(action);
    }
  }
  for (const plan of setting.agreedPlans) {
    const sent = addDays(plan.agreedOn, rng.int(0, 6));
    if (sent <= asOf && rng.chance(0.9)) out.communications.push({ id: context.ids.next('com'), date: sent, direction: 'outbound', channel: 'letter', with: ['person'], staffId: worker(sent), aboutCarePlanIds: [plan.id], summary: 'Letter with the agreed aftercare plan' });
  }
  for (let day = addDays(duty.start, rng.int(3, 30)); day < contactUntil; day = addDays(day, Math.max(3, Math.round(rng.int(35, 120) / intensity)))) {
    const channel = rng.weighted([['phone', 40], ['visit', 25], ['letter', 15], ['email', 12], ['text', 8]] as const);
    const rep = representatives.length > 0 && rng.chance(0.25) ? rng.pick(representatives) : undefined;
    out.communications.push({ id: context.ids.next('com'), date: day, direction: rng.chance(0.75) ? 'outbound' : 'inbound', channel, with: [rep ? rep.id : 'person'], staffId: worker(day), summary: rng.pick(summaries[channel]) });
  }
  for (let day = addDays(duty.start, rng.int(7, 45)); day < contactUntil; day = addDays(day, Math.max(7, Math.round(rng.int(150, 500) / intensity)))) {
    const appointment: Appointment = { id: context.ids.next('apt'), date: day, staffId: worker(day), with: ['person'], purpose: rng.pick(['Review of support', 'Care coordination visit', 'Benefits check', 'Medication review']) };
    if (daysBetween(day, asOf) > 3 || rng.chance(0.5)) {
      const outcome = rng.weighted([['attended', 72], ['did_not_attend', 12], ['cancelled_by_person', 6], ['cancelled_by_staff', 5], ['staff_did_not_attend', 1], [undefined, 4]] as const);
      if (outcome) appointment.outcome = outcome;
    }
    out.appointments.push(appointment);
  }
  if (!duty.end && !lapse && rng.chance(0.4)) {
    const day = addDays(asOf, rng.int(1, 30));
    out.appointments.push({ id: context.ids.next('apt'), date: day, staffId: worker(asOf), with: ['person'], purpose: 'Review of support' });
  }
  return out;
}

function workerOn(context: GenerationContext, setting: ContactSetting, date: CivilDate): string {
  const current = setting.allocations.find((a) => a.dutyId === setting.duty.id && a.from <= date && (!a.to || a.to > date));
  if (current) return current.staffId;
  const pool = context.staff.byRole(setting.duty.localAuthorityId, 'social_worker');
  return pool.length > 0 ? context.rng.pick(pool).id : setting.duty.localAuthorityId;
}

function meeting(context: GenerationContext, duty: Duty, date: CivilDate, kind: Meeting['kind'], staffId: string, representatives: readonly Contact[]): Meeting {
  const { rng, asOf, ids } = context;
  const invited = ['person', staffId, duty.healthBodyId, ...representatives.slice(0, 1).map((contact) => contact.id)];
  const status = date > asOf ? 'planned' : rng.weighted([['held', 92], ['cancelled', 5], ['planned', 3]] as const);
  const attended = status === 'held' ? invited.filter((ref) => ref === staffId || rng.chance(0.75)) : [];
  const result: Meeting = { id: ids.next('m'), dutyId: duty.id, date, status, kind, invited, attended };
  if (status === 'held') result.minutes = 'Reviewed progress against the aftercare plan and agreed next steps.';
  return result;
}

function decisionAt(context: GenerationContext, held: Meeting, duty: Duty, representatives: readonly Contact[], out: DutyContact): Decision {
  const { rng, asOf, ids } = context;
  const kind = rng.weighted([['placement', 3], ['funding', 3], ['plan', 4], ['other', 2]] as const);
  const decision: Decision = { id: ids.next('dec'), date: held.date, text: `Agreed a change to the ${kind === 'other' ? 'support' : kind}`, meetingId: held.id, dutyId: duty.id, kind, affectsPerson: rng.chance(0.85) };
  if (decision.affectsPerson && rng.chance(0.95)) {
    const sent = addDays(held.date, rng.weighted([[rng.int(0, 6), 9], [rng.int(8, 30), 1]]));
    if (sent <= asOf) {
      const reached = ['person', ...representatives.filter(() => rng.chance(0.85)).map((contact) => contact.id)];
      out.communications.push({ id: ids.next('com'), date: sent, direction: 'outbound', channel: 'letter', with: reached, aboutDecisionIds: [decision.id], summary: 'Letter explaining the decision and the reasons' });
    }
  }
  return decision;
}
