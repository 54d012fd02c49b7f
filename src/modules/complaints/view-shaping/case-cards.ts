/**
 * A person's complaints and Ombudsman cases as the Complaints section shows them: a GOV.UK summary card per
 * complaint (its clock, its points answered or not, the steps allowed now) and per Ombudsman case (its
 * remedies with due date and state, and the earlier cases' remedies with how late each was). Pure.
 */
import type { PersonComplaints } from '../reads.ts';
import { complaintsPaths } from '../paths.ts';
import { answeredTag, clockTag, remedyTag, type TagView } from './tags.ts';
import { bodyLabels, dateText, findingLabels, outcomeLabels, pounds, procedureLabels, remedyKindLabels, stepLabels } from './labels.ts';

export interface Names {
  organisation(id: string): string;
  /** A Ref: "person", a contact, a worker or an organisation. */
  ref(ref: string): string;
}

interface Row {
  key: { text: string };
  value: { text: string };
}
const row = (key: string, value: string | null | undefined): Row => ({ key: { text: key }, value: { text: value || 'Not recorded' } });

export interface ComplaintCard {
  id: string;
  title: string;
  tag: TagView;
  rows: Row[];
  reasons: string[];
  points: { text: string; tag: TagView; answer: string | null; href: string | null }[];
  steps: { text: string; href: string; warning: boolean }[];
  addPointHref: string | null;
  letterHref: string;
}

export function complaintCards(personId: string, view: PersonComplaints, names: Names, canManage: boolean): ComplaintCard[] {
  return view.complaints.map(({ complaint, clock, corporateStage, steps, status }) => {
    const stage = corporateStage ? `, stage ${corporateStage}` : '';
    const open = status === 'received' || status === 'acknowledged';
    return {
      id: complaint.id,
      title: `Complaint received ${dateText(complaint.receivedOn)}`,
      tag: clockTag(clock.state),
      rows: [
        row('Complainant', names.ref(complaint.complainant)),
        row('About', complaint.organisationIds.map((id) => names.organisation(id)).join(', ')),
        ...(complaint.organisationIds.length > 1 ? [row('Lead body', complaint.leadOrganisationId ? names.organisation(complaint.leadOrganisationId) : 'Not agreed')] : []),
        row('Procedure', `${procedureLabels[complaint.procedure] ?? complaint.procedure}${stage}`),
        row('Acknowledgement', complaint.acknowledgedOn ? `Sent ${dateText(complaint.acknowledgedOn)}` : clock.acknowledgementDue ? `Due by ${dateText(clock.acknowledgementDue)}` : 'No deadline'),
        row('Response', complaint.respondedOn ? `Sent ${dateText(complaint.respondedOn)}` : clock.responseDue ? `Due by ${dateText(clock.responseDue)}${clock.responseDueBasis === 'agreed' ? ' (agreed)' : ''}` : 'No deadline'),
        row('Outcome', complaint.outcome ? outcomeLabels[complaint.outcome] : 'Not decided yet'),
        ...(clock.delayLetter?.needed
          ? [row('Six-month letter', `Needed: no response by ${dateText(clock.delayLetter.neededAfter)}. Write to explain the delay and when the response will come (CMP-06).`)]
          : []),
      ],
      reasons: clock.reasons,
      points: complaint.points.map((point) => ({
        text: point.text,
        tag: answeredTag(point.answered),
        answer: typeof point.ext?.answer === 'string' ? point.ext.answer : null,
        href: canManage && open ? complaintsPaths.answerPoint(personId, complaint.id, point.id) : null,
      })),
      steps: canManage ? steps.map((step) => ({ text: stepLabels[step] ?? step, href: complaintsPaths.step(personId, complaint.id, step), warning: step === 'withdraw' })) : [],
      addPointHref: canManage && open ? complaintsPaths.newPoint(personId, complaint.id) : null,
      letterHref: complaintsPaths.letter(personId, complaint.id),
    };
  });
}

export interface OmbudsmanCard {
  id: string;
  title: string;
  rows: Row[];
  remedies: { text: string; kind: string; owner: string; due: string; dueReason: string; tag: TagView; done: string; evidence: string; href: string | null; reviewHref: string | null }[];
  earlier: { reference: string; text: string; due: string; done: string; lateness: string }[];
  editHref: string | null;
  addRemedyHref: string | null;
}

function lateness(daysLate: number, stillOpen: boolean): string {
  if (daysLate === 0) return stillOpen ? 'Not due yet' : 'On time';
  return stillOpen ? `Still not done, ${daysLate} days late` : `${daysLate} days late`;
}

export function ombudsmanCards(personId: string, view: PersonComplaints, names: Names, canManage: boolean): OmbudsmanCard[] {
  return view.ombudsmanCases.map(({ ombudsmanCase: c, remedies, earlier }) => {
    const ext = c.ext ?? {};
    return {
      id: c.id,
      title: `${c.body === 'joint' ? 'LGSCO and PHSO' : c.body} ${c.reference}`,
      rows: [
        row('Ombudsman', bodyLabels[c.body]),
        row('Enquiry', dateText(typeof ext.enquiryOn === 'string' ? ext.enquiryOn : null)),
        row('Draft decision', dateText(typeof ext.draftDecisionOn === 'string' ? ext.draftDecisionOn : null)),
        row('Final decision', dateText(c.finalDecisionOn, 'Not yet')),
        row('Findings', c.findings.map((f) => findingLabels[f] ?? f).join(', ') || 'None recorded'),
      ],
      remedies: remedies.map(({ remedy, due, compliance }) => ({
        text: remedy.amountPence !== undefined ? `${remedy.text} (${pounds(remedy.amountPence)})` : remedy.text,
        kind: remedyKindLabels[remedy.kind] ?? remedy.kind,
        owner: remedy.ownerId ? names.ref(remedy.ownerId) : 'Not assigned',
        due: dateText(due.due, 'No final decision yet'),
        dueReason: due.reason,
        tag: remedyTag(compliance.state),
        done: dateText(remedy.completedOn, 'Not done'),
        evidence: remedy.evidenceSentOn ? `Sent ${dateText(remedy.evidenceSentOn)}${remedy.evidence ? `: ${remedy.evidence}` : ''}` : 'Not sent',
        href: canManage ? complaintsPaths.remedyProgress(personId, c.id, remedy.id) : null,
        reviewHref: remedy.kind === 'service_improvement' ? complaintsPaths.review(personId, c.id, remedy.id) : null,
      })),
      earlier: earlier.map((r) => ({ reference: r.reference, text: r.text, due: dateText(r.due, 'No due date'), done: dateText(r.completedOn, 'Not done'), lateness: lateness(r.daysLate, r.stillOpen) })),
      editHref: canManage ? complaintsPaths.editOmbudsmanCase(personId, c.id) : null,
      addRemedyHref: canManage ? complaintsPaths.newRemedy(personId, c.id) : null,
    };
  });
}
