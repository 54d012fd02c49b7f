/**
 * Everything beyond the register for one person: per recorded duty the care plans, services and money,
 * payment offers, meetings and correspondence; per person the communication plan, complaints and
 * ombudsman cases.
 */
import { addDays, addMonths } from '../../domain/calendar/civil-date.ts';
import type { Allocation, CaseFile, CommunicationPlan, Contact, Decision, Duty, PaymentOffer, Person, Residence } from '../../domain/case-file/schema.ts';
import type { GenerationContext } from './context.ts';
import { generateCarePlans } from './care-plans.ts';
import { generateComplaints } from './complaints.ts';
import { generateContactActivity } from './contact-activity.ts';
import { generateServices } from './services.ts';

export interface ActivitySetting {
  person: Person;
  contacts: readonly Contact[];
  residences: readonly Residence[];
  duties: readonly Duty[];
  allocations: readonly Allocation[];
}

type ActivitySections = Pick<
  CaseFile,
  | 'carePlans' | 'services' | 'charges' | 'paymentOffers' | 'panelRequests' | 'placementSearches' | 'meetings' | 'decisions'
  | 'actions' | 'communicationPlans' | 'communications' | 'appointments' | 'complaints' | 'ombudsmanCases'
>;

export function generateCaseActivity(context: GenerationContext, setting: ActivitySetting): ActivitySections {
  const out: ActivitySections = {
    carePlans: [], services: [], charges: [], paymentOffers: [], panelRequests: [], placementSearches: [], meetings: [], decisions: [],
    actions: [], communicationPlans: [], communications: [], appointments: [], complaints: [], ombudsmanCases: [],
  };
  for (const duty of setting.duties) {
    const plans = generateCarePlans(context, duty);
    out.carePlans.push(...plans.plans);
    const services = generateServices(context, duty, plans);
    out.services.push(...services.services);
    out.charges.push(...services.charges);
    out.panelRequests.push(...services.panelRequests);
    out.placementSearches.push(...services.placementSearches);
    if (plans.firstAgreedOn) out.paymentOffers.push(...paymentOffers(context, duty, plans.firstAgreedOn));
    const agreedPlans = plans.plans.flatMap((plan) => (plan.agreedOn ? [{ id: plan.id, agreedOn: plan.agreedOn }] : []));
    const contact = generateContactActivity(context, { duty, allocations: setting.allocations, contacts: setting.contacts, agreedPlans });
    out.meetings.push(...contact.meetings);
    out.decisions.push(...contact.decisions);
    out.actions.push(...contact.actions);
    out.communications.push(...contact.communications);
    out.appointments.push(...contact.appointments);
  }
  communicationPlans(context, setting, out);
  const complaints = generateComplaints(context, setting.duties, setting.contacts);
  out.complaints.push(...complaints.complaints);
  out.ombudsmanCases.push(...complaints.ombudsmanCases);
  out.communications.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

function paymentOffers(context: GenerationContext, duty: Duty, firstAgreedOn: string): PaymentOffer[] {
  const { rng, asOf, ids } = context;
  if (!rng.chance(0.8)) return [];
  const offers: PaymentOffer[] = [];
  const offeredOn = addDays(firstAgreedOn, rng.weighted([[rng.int(0, 27), 8], [rng.int(29, 120), 2]]));
  if (offeredOn > asOf) return offers;
  const offer: PaymentOffer = { id: ids.next('po'), dutyId: duty.id, kind: rng.chance(0.8) ? 'direct_payment' : 'personal_health_budget', offeredOn, weeklyPence: rng.int(100, 600) * 100, response: 'pending' };
  const respondedOn = addDays(offeredOn, rng.int(1, 30));
  if (respondedOn <= asOf && rng.chance(0.85)) {
    offer.response = rng.chance(0.5) ? 'accepted' : 'declined';
    offer.respondedOn = respondedOn;
    if (offer.response === 'declined') offer.reviewOn = addMonths(respondedOn, rng.int(6, 12));
  }
  offers.push(offer);
  if (offer.reviewOn && offer.reviewOn < asOf && rng.chance(0.6)) {
    offers.push({ id: ids.next('po'), dutyId: duty.id, kind: offer.kind, offeredOn: addDays(offer.reviewOn, -rng.int(0, 20)), response: 'pending' });
  }
  return offers;
}

/** Most people are contacted directly; some through their representative; a few asked for no contact. */
function communicationPlans(context: GenerationContext, setting: ActivitySetting, out: ActivitySections): void {
  const { rng, asOf, ids } = context;
  const first = setting.duties[0];
  if (!first || !rng.chance(0.85)) return;
  const representative = setting.contacts.find((contact) => contact.actsForPerson && contact.consent?.given);
  const route = representative && rng.chance(0.3) ? 'via_contact' : rng.chance(0.97) ? 'direct' : 'no_contact_requested';
  const plan: CommunicationPlan = { id: ids.next('cpl'), from: first.start, route, agreedWithPerson: rng.chance(0.9) };
  if (route === 'via_contact' && representative) {
    plan.viaContactId = representative.id;
    if (rng.chance(0.5)) {
      // The arrangement was decided at a meeting and rests on a premise (which sometimes fails).
      const meeting = out.meetings.find((m) => m.status === 'held' && m.date >= first.start);
      if (meeting) {
        const decision: Decision = { id: ids.next('dec'), date: meeting.date, text: `Contact ${setting.person.givenName} through ${representative.name}`, meetingId: meeting.id, dutyId: first.id, kind: 'communication_arrangement', affectsPerson: true, premise: 'The person asked for letters to go to their representative' };
        const failed = addDays(meeting.date, rng.int(30, 400));
        if (rng.chance(0.3) && failed <= asOf) decision.premiseFailedOn = failed;
        out.decisions.push(decision);
        plan.from = meeting.date;
        plan.decisionId = decision.id;
        const told = addDays(meeting.date, rng.int(0, 5));
        if (told <= asOf && rng.chance(0.85)) out.communications.push({ id: ids.next('com'), date: told, direction: 'outbound', channel: 'letter', with: ['person', representative.id], aboutDecisionIds: [decision.id], summary: 'Letter explaining how we will keep in touch' });
      }
    }
  }
  if (rng.chance(0.3)) plan.reviewBy = addMonths(plan.from, rng.int(6, 18));
  out.communicationPlans.push(plan);
}
