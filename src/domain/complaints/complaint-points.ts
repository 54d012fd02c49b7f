/**
 * A complaint's points and the response letter that answers them (CMP-05): every point and its answer,
 * the conclusion, and the right to go to the Ombudsman — the LGSCO for a council, the PHSO for an NHS body,
 * both jointly where the complaint spans health and social care (CMP-12). Data for a template, not HTML.
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { Complaint, Organisation } from '../case-file/schema.ts';

export type ComplaintPoint = Complaint['points'][number];

/** Points not answered. */
export function unansweredPoints(complaint: Complaint): ComplaintPoint[] {
  return complaint.points.filter((point) => !point.answered);
}

/**
 * Points left unanswered by a response sent on or before asOf (alert complaint-points-unanswered); none while
 * there is no response yet or the complaint was withdrawn.
 */
export function pointsUnansweredAfterResponse(complaint: Complaint, asOf: CivilDate): ComplaintPoint[] {
  if (complaint.outcome === 'withdrawn' || complaint.respondedOn === undefined || complaint.respondedOn > asOf) return [];
  return unansweredPoints(complaint);
}

export type OmbudsmanBody = 'LGSCO' | 'PHSO' | 'PSOW';

export interface OmbudsmanRoute {
  bodies: OmbudsmanBody[];
  /** The LGSCO and PHSO can look at it together (CMP-12). */
  joint: boolean;
  ruleIds: string[];
  text: string;
}

const NAMES: Record<OmbudsmanBody, string> = {
  LGSCO: 'the Local Government and Social Care Ombudsman',
  PHSO: 'the Parliamentary and Health Service Ombudsman',
  PSOW: 'the Public Services Ombudsman for Wales',
};

function bodyFor(organisation: Organisation): OmbudsmanBody | undefined {
  // Welsh councils and Local Health Boards answer to the Public Services Ombudsman for Wales (§6.4).
  if (organisation.kind === 'lhb' || (organisation.kind === 'local_authority' && organisation.nation === 'wales')) return 'PSOW';
  if (organisation.kind === 'local_authority') return 'LGSCO';
  if (organisation.kind === 'icb' || organisation.kind === 'nhs_trust') return 'PHSO';
  return undefined;
}

/** CMP-05, CMP-11, CMP-12: which Ombudsman the complainant may go to, in a sentence for the letter. */
export function ombudsmanRoute(complaint: Complaint, organisations: readonly Organisation[]): OmbudsmanRoute {
  const bodies: OmbudsmanBody[] = [];
  for (const id of complaint.organisationIds) {
    const organisation = organisations.find((o) => o.id === id);
    const body = organisation && bodyFor(organisation);
    if (body && !bodies.includes(body)) bodies.push(body);
  }
  bodies.sort();
  const joint = bodies.includes('LGSCO') && bodies.includes('PHSO');
  const ruleIds = joint ? ['CMP-05', 'CMP-11', 'CMP-12'] : ['CMP-05', 'CMP-11'];
  const names = bodies.map((body) => NAMES[body]);
  const who = names.length === 0 ? 'the Ombudsman' : names.join(' and ');
  const together = joint ? ' They can look at a complaint about health and social care together.' : '';
  const text =
    `If you are not happy with our response, you can ask ${who} to look at your complaint.${together} ` +
    'You should normally do this within 12 months of finding out about the problem.';
  return { bodies, joint, ruleIds, text };
}

export interface ResponseLetterPoint {
  pointId: string;
  complaint: string;
  answer: string | null;
}

export interface ComplaintResponseLetter {
  complaintId: string;
  receivedOn: CivilDate;
  respondedOn: CivilDate | null;
  leadOrganisationId: string | null;
  /** The other bodies whose co-ordinated response this is (CMP-02). */
  respondingWith: string[];
  points: ResponseLetterPoint[];
  outcome: Complaint['outcome'] | null;
  signedBy: string | null;
  ombudsman: OmbudsmanRoute;
  /** What stops the letter going out, in plain English; empty when it is ready. */
  problems: string[];
}

export interface ResponseLetterInput {
  /** The answer to each point, by point id. */
  answers: Readonly<Record<string, string>>;
  /** CMP-05: the response is signed by the responsible person. */
  signedBy?: string;
}

export function responseLetter(
  complaint: Complaint,
  organisations: readonly Organisation[],
  input: ResponseLetterInput,
): ComplaintResponseLetter {
  const problems: string[] = [];
  const points = complaint.points.map((point) => {
    const answer = input.answers[point.id]?.trim() || null;
    if (!answer) problems.push(`Answer the point "${point.text}".`);
    return { pointId: point.id, complaint: point.text, answer };
  });
  if (!input.signedBy?.trim()) problems.push('Name the responsible person who signs the response (CMP-05).');
  const lead = complaint.leadOrganisationId ?? (complaint.organisationIds.length === 1 ? complaint.organisationIds[0] : undefined);
  if (!lead) problems.push('Agree which body leads the response to this joint complaint (CMP-02).');
  return {
    complaintId: complaint.id,
    receivedOn: complaint.receivedOn,
    respondedOn: complaint.respondedOn ?? null,
    leadOrganisationId: lead ?? null,
    respondingWith: complaint.organisationIds.filter((id) => id !== lead),
    points,
    outcome: complaint.outcome ?? null,
    signedBy: input.signedBy?.trim() || null,
    ombudsman: ombudsmanRoute(complaint, organisations),
    problems,
  };
}
