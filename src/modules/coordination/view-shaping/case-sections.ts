/**
 * The person page's coordination sections as the templates lay them out: panel requests (with the
 * refused-before banner) and placement searches summed up beside the current accommodation; meetings,
 * decisions with "who has been told" and actions; the communication plan, the communications log and
 * appointments. Pure: every rule comes from src/domain/coordination.
 */
import { addWorkingDays } from '../../../domain/calendar/working-days.ts';
import { panelStatus, previousRejectionBanner } from '../../../domain/coordination/panel-requests.ts';
import { meetingNotRecorded } from '../../../domain/coordination/meetings.ts';
import { placementSummary } from '../../../domain/coordination/placement-summary.ts';
import { communicationPlanInForce } from '../../../domain/coordination/representatives.ts';
import { whoHasBeenTold } from '../../../domain/coordination/who-has-been-told.ts';
import { formatCivilDate, humanise } from '../../register/view-shaping/format.ts';
import type { TagView } from '../../register/view-shaping/status-tags.ts';
import type { CoordinationCase } from '../case-reads.ts';
import { coordinationPaths as paths } from '../paths.ts';
import * as tags from './tags.ts';

export interface Row { key: { text: string }; value: { text?: string; html?: string } }
export interface Card { title: string; tag?: TagView; banner?: string | null; rows: Row[]; actions: { href: string; text: string; visuallyHiddenText: string }[] }
const row = (key: string, value: string | undefined | null): Row => ({ key: { text: key }, value: { text: value || 'Not recorded' } });
const date = (value: string | undefined) => (value ? formatCivilDate(value) : undefined);
export const pounds = (pence: number | undefined) => (pence === undefined ? undefined : `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} a week`);

/** A `Ref` in words: the person, a contact, a member of staff or an organisation. */
export function refName(c: CoordinationCase, ref: string): string {
  if (ref === 'person') return `${c.person.givenName} ${c.person.familyName} (the person)`;
  return c.contacts.find((k) => k.id === ref)?.name ?? c.names[ref] ?? ref;
}

function providerText(c: CoordinationCase, providerId: string | undefined): string | undefined {
  if (!providerId) return undefined;
  const provider = c.providers.find((p) => p.id === providerId);
  if (!provider) return c.names[providerId] ?? providerId;
  const overall = provider.cqc?.overall ? `CQC overall: ${tags.ratingTag(provider.cqc.overall).text}` : 'No CQC rating recorded';
  const wellLed = provider.cqc?.wellLed ? `, well-led: ${tags.ratingTag(provider.cqc.wellLed).text}` : '';
  return `${provider.name} (${overall}${wellLed})`;
}

export function panelCards(c: CoordinationCase, personId: string, can: { write: boolean; decide: boolean }): Card[] {
  return c.panelRequests.map((r) => {
    const status = panelStatus(r);
    const notes = typeof r.ext?.supportingNotes === 'string' ? r.ext.supportingNotes : undefined;
    const follows = r.resubmissionOf ? c.panelRequests.find((p) => p.id === r.resubmissionOf) : undefined;
    const actions: Card['actions'] = [];
    if (can.decide && (status === 'submitted' || status === 'deferred')) actions.push({ href: paths.form(personId, 'decidePanelRequest', r.id), text: 'Record decision', visuallyHiddenText: ` on the request of ${date(r.submittedOn)}` });
    if (can.write && (status === 'rejected' || status === 'deferred')) actions.push({ href: paths.form(personId, 'newPanelRequest', '', { resubmit: r.id }), text: 'Resubmit', visuallyHiddenText: ` the request of ${date(r.submittedOn)}` });
    return {
      title: `Panel request, ${date(r.submittedOn)}`,
      tag: tags.panelStatusTag(status),
      banner: previousRejectionBanner(r, c.panelRequests),
      rows: [
        row('Proposed service', r.proposal),
        row('Provider', providerText(c, r.providerId)),
        row('Weekly cost', pounds(r.weeklyCostPence)),
        ...(notes ? [row('Supporting notes', notes)] : []),
        ...(follows ? [row('Resubmission of', `The request of ${date(follows.submittedOn)}`)] : []),
        ...(r.decision ? [row('Decision', `${tags.panelStatusTag(r.decision).text} on ${date(r.decidedOn)}`), row('Panel’s reasons', r.reasons)] : []),
      ],
      actions,
    };
  });
}

/** Services the care plan proposes that have no panel request yet, each one step from a pre-filled request. */
export function proposedServiceRows(c: CoordinationCase, personId: string, canWrite: boolean) {
  const requested = new Set(c.panelRequests.map((r) => r.proposal.trim()));
  return c.proposedServices.filter((s) => !requested.has(s.description.trim())).map((s) => [
    { text: s.description },
    { text: providerText(c, s.providerId ?? undefined) ?? 'Provider not chosen' },
    { text: pounds(s.weeklyCostPence ?? undefined) ?? 'Not recorded' },
    { html: canWrite ? `<a class="govuk-link" href="${paths.form(personId, 'newPanelRequest', '', { service: s.id })}">Raise a panel request</a>` : '' },
  ]);
}

export function placementSummaries(c: CoordinationCase, today: string) {
  return c.duties.map((duty) => {
    const s = placementSummary(duty.id, c.placementSearches, c.residences, today);
    return {
      dutyId: duty.id,
      title: `Duty from ${date(duty.start)}`,
      accommodation: s.accommodation ? humanise(s.accommodation) : 'No accommodation recorded',
      settled: s.settled,
      rows: [row('Approached', String(s.approached)), row('Refused by provider or no vacancy', String(s.refusedByProvider)), row('Waiting for reply or on a waiting list', String(s.awaitingReply + s.waitingList)), row('Offered or accepted', String(s.offered + s.accepted))],
      warning: s.refusals.met ? s.refusals.reason : null,
    };
  });
}

export function placementRows(c: CoordinationCase, personId: string, canWrite: boolean) {
  return [...c.placementSearches].sort((a, b) => b.approachedOn.localeCompare(a.approachedOn)).map((s) => [
    { text: providerText(c, s.providerId) ?? 'Provider not recorded' },
    { text: date(s.approachedOn) },
    { html: `<strong class="govuk-tag ${tags.placementOutcomeTag(s.outcome).classes}">${tags.placementOutcomeTag(s.outcome).text}</strong>` },
    { text: [s.outcomeOn ? date(s.outcomeOn) : '', s.reason ?? ''].filter(Boolean).join(': ') || '–' },
    { html: canWrite && ['pending', 'offered', 'waiting_list'].includes(s.outcome) ? `<a class="govuk-link" href="${paths.form(personId, 'placementOutcome', s.id)}">Record outcome</a>` : '' },
  ]);
}

export function meetingCards(c: CoordinationCase, personId: string, today: string, canWrite: boolean): Card[] {
  return [...c.meetings].sort((a, b) => b.date.localeCompare(a.date)).map((m) => ({
    title: `${humanise(m.kind)} meeting, ${date(m.date)}`,
    tag: tags.meetingStatusTag(m.status, meetingNotRecorded(m, today)),
    rows: [
      row('Invited', m.invited.map((ref) => refName(c, ref)).join(', ')),
      ...(m.status === 'held' ? [row('Attended', m.attended.map((ref) => refName(c, ref)).join(', ')), row('Minutes', m.minutes)] : []),
      row('Decisions', c.decisions.filter((d) => d.meetingId === m.id).map((d) => d.text).join('; ') || 'None recorded'),
    ],
    actions: canWrite && m.status === 'planned'
      ? [
        { href: paths.form(personId, 'meetingHeld', m.id), text: 'Record meeting', visuallyHiddenText: ` of ${date(m.date)}` },
        { href: paths.form(personId, 'cancelMeeting', m.id), text: 'Cancel', visuallyHiddenText: ` the meeting of ${date(m.date)}` },
      ]
      : [],
  }));
}

export interface DecisionView extends Card {
  told: { name: string; tag: TagView; reason: string; actions: { href: string; text: string }[] }[];
}

export function decisionViews(c: CoordinationCase, personId: string, today: string, canWrite: boolean): DecisionView[] {
  return [...c.decisions].sort((a, b) => b.date.localeCompare(a.date)).map((d) => {
    const told = whoHasBeenTold(d, c, today);
    const stale = d.premiseFailedOn && c.communicationPlans.every((p) => p.from < d.premiseFailedOn!) && d.kind === 'communication_arrangement'
      ? `The premise stopped being true on ${date(d.premiseFailedOn)}. Review this decision.` : null;
    const reviewDue = d.reviewBy && d.reviewBy < today ? `The review was due by ${date(d.reviewBy)}.` : null;
    return {
      title: `${humanise(d.kind)} decision, ${date(d.date)}`,
      banner: stale ?? reviewDue,
      rows: [
        row('Decision', d.text),
        row('Affects the person', d.affectsPerson ? 'Yes' : 'No'),
        ...(d.meetingId ? [row('Made at', (() => { const m = c.meetings.find((x) => x.id === d.meetingId); return m ? `${humanise(m.kind)} meeting, ${date(m.date)}` : undefined; })())] : []),
        ...(d.premise ? [row('Relies on', d.premise)] : []),
        ...(d.premiseFailedOn ? [row('Stopped being true on', date(d.premiseFailedOn))] : []),
        ...(d.reviewBy ? [row('Review by', date(d.reviewBy))] : []),
      ],
      actions: canWrite && d.premise && !d.premiseFailedOn ? [{ href: paths.form(personId, 'premiseFailed', d.id), text: 'Premise no longer true', visuallyHiddenText: ` for the decision of ${date(d.date)}` }] : [],
      told: (told?.addressees ?? []).map((a) => ({
        name: a.kind === 'person' ? `${c.person.givenName} ${c.person.familyName}` : `${a.name} (representative)`,
        tag: tags.tellingTag(a.state),
        reason: a.reason,
        actions: a.state === 'reached' || !canWrite ? [] : [
          { href: paths.form(personId, 'newCommunication', '', { decisionId: d.id, with: a.viaContactId ?? a.ref }), text: 'Record that they were told' },
          { href: paths.letter(personId, d.id, 'html'), text: 'Generate letter' },
        ],
      })),
    };
  });
}

export function actionRows(c: CoordinationCase, personId: string, today: string, canWrite: boolean) {
  return [...c.actions].sort((a, b) => a.due.localeCompare(b.due)).map((a) => {
    const tag = tags.actionTag(a.completedOn, a.due, today);
    return [
      { text: a.text },
      { text: refName(c, a.ownerId) },
      { text: date(a.due) },
      { html: `<strong class="govuk-tag ${tag.classes}">${tag.text}</strong>${a.completedOn ? ` <span class="govuk-body-s">${date(a.completedOn)}${a.evidence ? `: ${escapeHtml(a.evidence)}` : ''}</span>` : ''}` },
      { html: canWrite && !a.completedOn ? `<a class="govuk-link" href="${paths.form(personId, 'completeAction', a.id)}">Mark as done</a>` : '' },
    ];
  });
}

export function planCard(c: CoordinationCase, today: string): Card | null {
  const plan = communicationPlanInForce(c.communicationPlans, today);
  if (!plan) return null;
  const via = plan.viaContactId ? c.contacts.find((k) => k.id === plan.viaContactId)?.name : undefined;
  const how = plan.route === 'direct' ? 'Directly' : plan.route === 'via_contact' ? `Through ${via ?? 'a contact who is not recorded'}` : 'The person asked not to be contacted';
  const decision = c.decisions.find((d) => d.id === plan.decisionId);
  return {
    title: 'How to contact the person',
    tag: plan.reviewBy && plan.reviewBy < today ? { text: 'Review overdue', classes: 'govuk-tag--red' } : undefined,
    rows: [
      row('Route', how),
      row('Agreed with the person', plan.agreedWithPerson ? 'Yes' : 'No'),
      row('From', date(plan.from)),
      row('Review by', date(plan.reviewBy)),
      row('Decided', decision ? `${date(decision.date)}: ${decision.text}` : undefined),
    ],
    actions: [],
  };
}

export function communicationItems(c: CoordinationCase) {
  return [...c.communications].sort((a, b) => b.date.localeCompare(a.date)).map((m) => ({
    label: { text: `${m.direction === 'outbound' ? 'To' : 'From'} ${m.with.map((ref) => refName(c, ref)).join(', ')} by ${m.channel}` },
    lines: [m.summary, ...(m.aboutDecisionIds ?? []).map((id) => `About the decision: ${c.decisions.find((d) => d.id === id)?.text ?? id}`)],
    datetime: { timestamp: m.date },
    dateText: formatCivilDate(m.date),
    byline: { text: m.staffId ? refName(c, m.staffId) : 'Not recorded' },
  }));
}

export function appointmentRows(c: CoordinationCase, personId: string, today: string, canWrite: boolean) {
  return [...c.appointments].sort((a, b) => b.date.localeCompare(a.date)).map((a) => {
    const missing = !a.outcome && addWorkingDays(a.date, 2) <= today;
    const tag = tags.appointmentTag(a.outcome, missing);
    return [
      { text: date(a.date) },
      { text: a.with.map((ref) => refName(c, ref)).join(', ') },
      { text: refName(c, a.staffId) },
      { text: a.purpose ?? '–' },
      { html: `<strong class="govuk-tag ${tag.classes}">${tag.text}</strong>` },
      { html: canWrite && !a.outcome ? `<a class="govuk-link" href="${paths.form(personId, 'appointmentOutcome', a.id)}">Record outcome</a>` : '' },
    ];
  });
}

/** For the few table cells built as HTML (a tag beside free text). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}
