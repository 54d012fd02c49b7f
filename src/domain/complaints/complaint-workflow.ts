/**
 * The complaint workflow: received → acknowledged → responded → closed (with an outcome), and withdrawn from
 * any open state. A step that does not fit the current state is refused with the reason, in plain English.
 * The status is derived from the record itself (no separate status field in the case file).
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { Complaint, Contact } from '../case-file/schema.ts';
import { isRepresentativeInForce } from '../coordination/representatives.ts';
import { unansweredPoints } from './complaint-points.ts';

export type ComplaintStatus = 'received' | 'acknowledged' | 'responded' | 'closed' | 'withdrawn';
export type ComplaintOutcome = 'upheld' | 'partly_upheld' | 'not_upheld';

export type ComplaintStep =
  | { kind: 'acknowledge'; on: CivilDate }
  | { kind: 'respond'; on: CivilDate }
  | { kind: 'close'; outcome: ComplaintOutcome }
  | { kind: 'withdraw' }
  | { kind: 'agree_response_date'; due: CivilDate };

export type ComplaintStepResult =
  | { ok: true; complaint: Complaint; status: ComplaintStatus; warnings: string[] }
  | { ok: false; refusals: string[] };

/** Status as of a date: steps dated after asOf have not happened yet. */
export function complaintStatus(complaint: Complaint, asOf?: CivilDate): ComplaintStatus {
  const happened = (date: CivilDate | undefined): boolean => date !== undefined && (asOf === undefined || date <= asOf);
  if (complaint.outcome === 'withdrawn') return 'withdrawn';
  if (complaint.outcome !== undefined && happened(complaint.respondedOn)) return 'closed';
  if (happened(complaint.respondedOn)) return 'responded';
  if (happened(complaint.acknowledgedOn)) return 'acknowledged';
  return 'received';
}

export function isOpen(status: ComplaintStatus): boolean {
  return status === 'received' || status === 'acknowledged' || status === 'responded';
}

const CLOSED_REFUSAL: Record<'closed' | 'withdrawn', string> = {
  closed: 'This complaint is closed. Record a new complaint if the complainant is still unhappy.',
  withdrawn: 'This complaint was withdrawn. Record a new complaint if the complainant raises it again.',
};

export function applyComplaintStep(complaint: Complaint, step: ComplaintStep): ComplaintStepResult {
  const status = complaintStatus(complaint);
  if (status === 'closed' || status === 'withdrawn') return { ok: false, refusals: [CLOSED_REFUSAL[status]] };
  const refuse = (...refusals: string[]): ComplaintStepResult => ({ ok: false, refusals });
  const done = (next: Complaint, warnings: string[] = []): ComplaintStepResult => ({
    ok: true, complaint: next, status: complaintStatus(next), warnings,
  });

  switch (step.kind) {
    case 'acknowledge':
      if (status !== 'received') return refuse(`This complaint was already acknowledged on ${complaint.acknowledgedOn}.`);
      if (step.on < complaint.receivedOn) return refuse(`The acknowledgement date must be on or after the date the complaint was received (${complaint.receivedOn}).`);
      return done({ ...complaint, acknowledgedOn: step.on });

    case 'agree_response_date':
      if (status === 'responded') return refuse('The response has already been sent.');
      if (step.due < complaint.receivedOn) return refuse(`The response date must be after the date the complaint was received (${complaint.receivedOn}).`);
      return done({ ...complaint, responseDue: step.due });

    case 'respond': {
      // CMP-04 comes first: the complainant is told how the complaint will be handled before the answer.
      if (status === 'received') return refuse('Record the acknowledgement before the response.');
      if (status === 'responded') return refuse(`The response was already sent on ${complaint.respondedOn}.`);
      if (step.on < (complaint.acknowledgedOn as CivilDate)) {
        return refuse(`The response date must be on or after the acknowledgement (${complaint.acknowledgedOn}).`);
      }
      const warnings = unansweredPoints(complaint).map((point) => `The response does not answer the point "${point.text}".`);
      return done({ ...complaint, respondedOn: step.on }, warnings);
    }

    case 'close':
      if (status !== 'responded') return refuse('Send the response before closing the complaint.');
      return done({ ...complaint, outcome: step.outcome });

    case 'withdraw':
      return done({ ...complaint, outcome: 'withdrawn' });
  }
}

/** The steps a user may take now, for the page's buttons. */
export function availableSteps(complaint: Complaint): ComplaintStep['kind'][] {
  switch (complaintStatus(complaint)) {
    case 'received':
      return ['acknowledge', 'agree_response_date', 'withdraw'];
    case 'acknowledged':
      return ['respond', 'agree_response_date', 'withdraw'];
    case 'responded':
      return ['close', 'withdraw'];
    default:
      return [];
  }
}

/**
 * Who may complain on the person's behalf: the person, or a contact recorded as acting for them on the day the
 * complaint was received (consent given by then, or a deputy or attorney). Returns what is wrong, if anything.
 */
export function checkComplainant(complaint: Complaint, contacts: readonly Contact[]): string[] {
  if (complaint.complainant === 'person') return [];
  const contact = contacts.find((c) => c.id === complaint.complainant);
  if (!contact) return ['Choose the person or one of their recorded contacts as the complainant.'];
  if (isRepresentativeInForce(contact, complaint.receivedOn)) return [];
  return [`${contact.name} has no recorded authority to act for the person on ${complaint.receivedOn}. Record the person's consent first.`];
}
