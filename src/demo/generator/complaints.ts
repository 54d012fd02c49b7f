/**
 * Complaints (statutory 2009 procedure mostly), their answers, and the few that went on to the Local
 * Government and Social Care Ombudsman with remedies to carry out.
 */
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { addDays, addMonths } from '../../domain/calendar/civil-date.ts';
import type { Complaint, Contact, Duty, OmbudsmanCase } from '../../domain/case-file/schema.ts';
import type { GenerationContext } from './context.ts';

const complaintPoints = [
  'The council charged for aftercare that should be free',
  'Nobody told me about the decision to change my support',
  'My social worker changed three times and nobody introduced the new one',
  'The care plan was not reviewed for over a year',
  'The placement broke down and no alternative was found',
  'Letters were sent to an old address',
];

const remedyTemplates = [
  { kind: 'apology', text: 'Apologise in writing for the faults identified', dueWithin: 'P1M' },
  { kind: 'payment', text: 'Pay £300 to recognise the distress caused', dueWithin: 'P1M', amountPence: 30_000 },
  { kind: 'reassessment', text: 'Review the aftercare plan with the person and their representative', dueWithin: 'P2M' },
  { kind: 'refund', text: 'Refund the charges made for aftercare, with interest', dueWithin: 'P1M', amountPence: 125_000 },
  { kind: 'service_improvement', text: 'Remind staff to tell people of decisions about their aftercare', dueWithin: 'P3M' },
] as const;

export function generateComplaints(context: GenerationContext, duties: readonly Duty[], contacts: readonly Contact[]): { complaints: Complaint[]; ombudsmanCases: OmbudsmanCase[] } {
  const { rng, asOf, ids, staff } = context;
  const complaints: Complaint[] = [];
  const ombudsmanCases: OmbudsmanCase[] = [];
  const candidates = duties.filter((duty) => duty.start < addDays(asOf, -30));
  if (candidates.length === 0 || !rng.chance(0.1 * Math.min(context.intensity, 4))) return { complaints, ombudsmanCases };
  const count = context.intensity > 1 ? rng.int(1, 3) : 1;
  for (let i = 0; i < count; i++) {
    const duty = rng.pick(candidates);
    const receivedOn = rng.dateBetween(addDays(duty.start, 20), duty.end && duty.end < asOf ? duty.end : addDays(asOf, -5));
    const representative = contacts.find((contact) => contact.role === 'representative' && contact.consent?.given);
    const points = Array.from({ length: rng.int(1, 4) }, () => ({ id: ids.next('pt'), text: rng.pick(complaintPoints), answered: true }));
    const organisationIds = rng.chance(0.3) ? [duty.localAuthorityId, duty.healthBodyId] : [duty.localAuthorityId];
    const complaint: Complaint = {
      id: ids.next('cmp'),
      receivedOn,
      complainant: representative && rng.chance(0.4) ? representative.id : 'person',
      organisationIds,
      leadOrganisationId: duty.localAuthorityId,
      procedure: rng.weighted([['statutory_2009', 8], ['corporate', 2]] as const),
      points,
    };
    const acknowledgedOn = addDays(receivedOn, rng.weighted([[rng.int(1, 3), 9], [rng.int(5, 15), 1]]));
    if (acknowledgedOn <= asOf) complaint.acknowledgedOn = acknowledgedOn;
    complaint.responseDue = addDays(receivedOn, rng.int(25, 60));
    const respondedOn = addDays(complaint.responseDue, rng.weighted([[-rng.int(0, 20), 7], [rng.int(1, 90), 3]]));
    if (respondedOn <= asOf && rng.chance(0.9)) {
      complaint.respondedOn = respondedOn;
      complaint.outcome = rng.pick(['upheld', 'partly_upheld', 'not_upheld'] as const);
      if (rng.chance(0.1)) (points[0] as { answered: boolean }).answered = false;
    }
    complaints.push(complaint);
    const decidedOn = complaint.respondedOn ? addDays(complaint.respondedOn, rng.int(90, 300)) : undefined;
    if (decidedOn && decidedOn < asOf && rng.chance(0.3 + 0.1 * context.intensity)) {
      const owner = staff.byRole(duty.localAuthorityId, 'complaints_officer')[0]?.id ?? duty.localAuthorityId;
      ombudsmanCases.push(ombudsmanCase(context, complaint, decidedOn, owner));
    }
  }
  return { complaints, ombudsmanCases };
}

function ombudsmanCase(context: GenerationContext, complaint: Complaint, finalDecisionOn: CivilDate, ownerId: string): OmbudsmanCase {
  const { rng, asOf, ids } = context;
  const year = Number(complaint.receivedOn.slice(2, 4));
  const reference = `${String(year).padStart(2, '0')} ${String(rng.int(0, 999)).padStart(3, '0')} ${String(rng.int(0, 999)).padStart(3, '0')}`;
  const chosen = new Set<number>();
  for (let n = rng.int(1, 3); chosen.size < n; ) chosen.add(rng.int(0, remedyTemplates.length - 1));
  const remedies = [...chosen].map((index) => {
    const template = remedyTemplates[index] as (typeof remedyTemplates)[number];
    const months = Number(template.dueWithin.slice(1, 2));
    const remedy: OmbudsmanCase['remedies'][number] = { id: ids.next('rem'), text: template.text, kind: template.kind, dueWithin: template.dueWithin, ownerId };
    if ('amountPence' in template) remedy.amountPence = template.amountPence;
    const completedOn = addDays(addMonths(finalDecisionOn, months), rng.weighted([[-rng.int(1, 25), 8], [rng.int(1, 40), 2]]));
    if (completedOn <= asOf && rng.chance(0.85)) {
      remedy.completedOn = completedOn;
      remedy.evidence = 'Copy sent to the Ombudsman';
      const sent = addDays(completedOn, rng.weighted([[rng.int(0, 10), 9], [rng.int(15, 40), 1]]));
      if (sent <= asOf) remedy.evidenceSentOn = sent;
    }
    return remedy;
  });
  return { id: ids.next('omb'), body: 'LGSCO', reference, complaintId: complaint.id, finalDecisionOn, findings: rng.pick([['fault', 'injustice'], ['fault'], ['service_failure', 'injustice']] as const).slice(), remedies };
}
