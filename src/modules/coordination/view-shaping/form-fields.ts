/**
 * The fields of each coordination form, with their choices drawn from the person's case, so one template
 * lays out every form (GOV.UK components, error summary and inline messages). Answers a user gave are kept.
 */
import { decisionKinds, meetingKinds, panelDecisions, placementOutcomes, appointmentOutcomes } from '../../../domain/case-file/schema.ts';
import { formatCivilDate, humanise } from '../../register/view-shaping/format.ts';
import type { FormBody } from '../../register/view-shaping/forms.ts';
import { communicationChannels } from '../api-schemas.ts';
import type { CoordinationCase } from '../case-reads.ts';
import { refName } from './case-sections.ts';
import { listField } from './form-inputs.ts';

export interface Field {
  kind: 'date' | 'text' | 'textarea' | 'select' | 'radios' | 'checkboxes' | 'money';
  name: string;
  label: string;
  hint?: string;
  items?: { value: string; text: string; selected?: boolean; checked?: boolean }[];
}
export interface Lists { providers: { id: string; name: string }[]; workers: { id: string; name: string }[] }

type Choice = { value: string; text: string };
const select = (choices: Choice[], chosen: unknown, placeholder: string) => [{ value: '', text: placeholder }, ...choices.map((c) => ({ ...c, selected: c.value === chosen }))];
const radios = (choices: Choice[], chosen: unknown) => choices.map((c) => ({ ...c, checked: c.value === chosen }));
const checks = (choices: Choice[], chosen: string[]) => choices.map((c) => ({ ...c, checked: chosen.includes(c.value) }));
const words = (values: readonly string[]) => values.map((value) => ({ value, text: humanise(value) }));
const yesNo = [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }];

function people(c: CoordinationCase, lists: Lists): Choice[] {
  const seen = new Set<string>();
  return [
    { value: 'person', text: refName(c, 'person') },
    ...c.contacts.map((k) => ({ value: k.id, text: `${k.name} (${humanise(k.role)})` })),
    ...lists.workers.map((w) => ({ value: w.id, text: `${w.name} (staff)` })),
  ].filter((choice) => !seen.has(choice.value) && seen.add(choice.value));
}
const duties = (c: CoordinationCase) => c.duties.map((d) => ({ value: d.id, text: `Duty from ${formatCivilDate(d.start)}` }));
const meetings = (c: CoordinationCase) => c.meetings.map((m) => ({ value: m.id, text: `${humanise(m.kind)} meeting, ${formatCivilDate(m.date)}` }));
const decisions = (c: CoordinationCase) => c.decisions.map((d) => ({ value: d.id, text: `${formatCivilDate(d.date)}: ${d.text.slice(0, 80)}` }));
const providers = (lists: Lists) => lists.providers.map((p) => ({ value: p.id, text: p.name }));

export function formFields(form: string, c: CoordinationCase, v: FormBody, lists: Lists): Field[] {
  switch (form) {
    case 'newPanelRequest':
      return [
        { kind: 'select', name: 'dutyId', label: 'Duty', items: select(duties(c), v.dutyId, 'Select a duty') },
        { kind: 'date', name: 'submittedOn', label: 'Date the request goes to the panel' },
        { kind: 'textarea', name: 'proposal', label: 'Proposed service', hint: 'What the service is and how it meets the person’s assessed needs' },
        { kind: 'select', name: 'providerId', label: 'Provider (optional)', items: select(providers(lists), v.providerId, 'Not chosen yet') },
        { kind: 'money', name: 'weeklyCost', label: 'Weekly cost (optional)', hint: 'In pounds, for example 1250.00' },
        { kind: 'textarea', name: 'supportingNotes', label: 'Supporting notes (optional)', hint: v.resubmissionOf ? 'Say what has changed since the panel last saw this' : 'For example risk assessments, the provider’s CQC report, the person’s views' },
      ];
    case 'decidePanelRequest':
      return [
        { kind: 'radios', name: 'decision', label: 'The panel’s decision', items: radios(words(panelDecisions), v.decision) },
        { kind: 'date', name: 'decidedOn', label: 'Date of the decision' },
        { kind: 'textarea', name: 'reasons', label: 'The panel’s reasons', hint: 'Give the reasons with reference to the person’s needs. They go in the letter to the person' },
      ];
    case 'newPlacementSearch':
      return [
        { kind: 'select', name: 'dutyId', label: 'Duty', items: select(duties(c), v.dutyId, 'Select a duty') },
        { kind: 'select', name: 'providerId', label: 'Provider approached', items: select(providers(lists), v.providerId, 'Select a provider') },
        { kind: 'date', name: 'approachedOn', label: 'Date approached' },
        { kind: 'select', name: 'outcome', label: 'Outcome so far', items: select(words(placementOutcomes), v.outcome, 'Waiting for reply') },
        { kind: 'date', name: 'outcomeOn', label: 'Date of the outcome (if there is one)' },
        { kind: 'textarea', name: 'reason', label: 'Reason given (optional)' },
      ];
    case 'placementOutcome':
      return [
        { kind: 'radios', name: 'outcome', label: 'Outcome', items: radios(words(placementOutcomes.filter((o) => o !== 'pending')), v.outcome) },
        { kind: 'date', name: 'outcomeOn', label: 'Date of the outcome' },
        { kind: 'textarea', name: 'reason', label: 'Reason given (optional)' },
      ];
    case 'newMeeting':
      return [
        { kind: 'select', name: 'kind', label: 'Kind of meeting', items: select(words(meetingKinds), v.kind, 'Select a kind') },
        { kind: 'date', name: 'date', label: 'Date of the meeting' },
        { kind: 'select', name: 'dutyId', label: 'Duty (optional)', items: select(duties(c), v.dutyId, 'Not about one duty') },
        { kind: 'checkboxes', name: 'invited', label: 'Who is invited', hint: 'Invite the person and anyone who acts for them unless there is a reason not to', items: checks(people(c, lists), listField(v, 'invited')) },
      ];
    case 'meetingHeld':
      return [
        { kind: 'checkboxes', name: 'attended', label: 'Who attended', items: checks(people(c, lists), listField(v, 'attended')) },
        { kind: 'textarea', name: 'minutes', label: 'Minutes', hint: 'Record decisions separately so the person can be told about each one' },
      ];
    case 'cancelMeeting':
      return [];
    case 'newDecision':
      return [
        { kind: 'textarea', name: 'text', label: 'What was decided' },
        { kind: 'select', name: 'kind', label: 'Kind of decision', items: select(words(decisionKinds.filter((k) => k !== 'communication_arrangement')), v.kind, 'Select a kind') },
        { kind: 'date', name: 'date', label: 'Date of the decision' },
        { kind: 'radios', name: 'affectsPerson', label: 'Does the decision affect the person?', hint: 'If yes, the person and anyone acting for them must be told within 5 working days', items: radios(yesNo, v.affectsPerson) },
        { kind: 'select', name: 'meetingId', label: 'Made at a meeting (optional)', items: select(meetings(c), v.meetingId, 'Not at a meeting') },
        { kind: 'select', name: 'dutyId', label: 'Duty (optional)', items: select(duties(c), v.dutyId, 'Not about one duty') },
        { kind: 'textarea', name: 'premise', label: 'What the decision relies on (optional)', hint: 'For example, “a place at Charity 2 is expected within weeks”. If it stops being true, review the decision' },
        { kind: 'date', name: 'reviewBy', label: 'Review by (optional)' },
      ];
    case 'premiseFailed':
      return [{ kind: 'date', name: 'premiseFailedOn', label: 'Date it stopped being true' }];
    case 'newAction':
      return [
        { kind: 'textarea', name: 'text', label: 'Action' },
        { kind: 'select', name: 'ownerId', label: 'Owner', items: select(people(c, lists), v.ownerId, 'Select who owns it') },
        { kind: 'date', name: 'due', label: 'Due date' },
        { kind: 'select', name: 'meetingId', label: 'From a meeting (optional)', items: select(meetings(c), v.meetingId, 'Not from a meeting') },
        { kind: 'select', name: 'decisionId', label: 'From a decision (optional)', items: select(decisions(c), v.decisionId, 'Not from a decision') },
      ];
    case 'completeAction':
      return [{ kind: 'date', name: 'completedOn', label: 'Date it was done' }, { kind: 'textarea', name: 'evidence', label: 'Evidence (optional)', hint: 'For example, where the letter or email is kept' }];
    case 'newCommunicationPlan':
      return [
        { kind: 'radios', name: 'route', label: 'How should we contact the person?', items: radios([{ value: 'direct', text: 'Directly' }, { value: 'via_contact', text: 'Through a named contact' }, { value: 'no_contact_requested', text: 'The person asked not to be contacted' }], v.route) },
        { kind: 'select', name: 'viaContactId', label: 'Contact to go through (if through a named contact)', items: select(c.contacts.map((k) => ({ value: k.id, text: k.name })), v.viaContactId, 'Select a contact') },
        { kind: 'radios', name: 'agreedWithPerson', label: 'Has the person agreed to this?', items: radios(yesNo, v.agreedWithPerson) },
        { kind: 'date', name: 'from', label: 'Date the plan starts' },
        { kind: 'date', name: 'reviewBy', label: 'Review by (optional)' },
        { kind: 'textarea', name: 'reason', label: 'Why the plan is changing', hint: 'This is recorded as a decision. The person and anyone acting for them must be told about it' },
        { kind: 'select', name: 'meetingId', label: 'Decided at a meeting (optional)', items: select(meetings(c), v.meetingId, 'Not at a meeting') },
      ];
    case 'newCommunication':
      return [
        { kind: 'radios', name: 'direction', label: 'Who made contact?', items: radios([{ value: 'outbound', text: 'We contacted them' }, { value: 'inbound', text: 'They contacted us' }], v.direction) },
        { kind: 'select', name: 'channel', label: 'How', items: select(words(communicationChannels), v.channel, 'Select how') },
        { kind: 'date', name: 'date', label: 'Date' },
        { kind: 'checkboxes', name: 'with', label: 'With', items: checks(people(c, lists), listField(v, 'with')) },
        { kind: 'checkboxes', name: 'aboutDecisionIds', label: 'Decisions it told them about (optional)', items: checks(decisions(c), listField(v, 'aboutDecisionIds')) },
        { kind: 'textarea', name: 'summary', label: 'Summary' },
      ];
    case 'newAppointment':
      return [
        { kind: 'date', name: 'date', label: 'Date' },
        { kind: 'select', name: 'staffId', label: 'Member of staff', items: select(lists.workers.map((w) => ({ value: w.id, text: w.name })), v.staffId, 'Select a member of staff') },
        { kind: 'checkboxes', name: 'with', label: 'With', items: checks(people(c, lists).filter((p) => !lists.workers.some((w) => w.id === p.value)), listField(v, 'with')) },
        { kind: 'text', name: 'purpose', label: 'Purpose (optional)' },
      ];
    case 'appointmentOutcome':
      return [{ kind: 'radios', name: 'outcome', label: 'What happened?', items: radios(words(appointmentOutcomes), v.outcome) }];
    default:
      return [];
  }
}
