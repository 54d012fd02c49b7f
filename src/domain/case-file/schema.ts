/**
 * The case file `aftercare.case-file/v1`: one person's whole aftercare record. This zod schema is the single
 * source of the format (`../shared/contracts/case-file.md`); field names and meanings are fixed by the
 * contract. Every object is strict (unknown fields are rejected) and may carry an `ext` object.
 * Cross-references between records are checked in `validate.ts`.
 */
import { z } from 'zod';
import { civilDateField as date, ext, id, nation, pence, rating, ref } from './primitives.ts';
import { isValidNhsNumber } from './nhs-number.ts';

const record = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ ...shape, ext });

export const organisationKinds = ['local_authority', 'icb', 'lhb', 'nhs_trust', 'provider', 'voluntary', 'ombudsman', 'other'] as const;
export const organisation = record({
  id,
  name: z.string().min(1),
  kind: z.enum(organisationKinds),
  code: z.string().min(1).optional(),
  nation: nation.optional(),
  cqc: z
    .strictObject({
      overall: rating.optional(),
      safe: rating.optional(),
      effective: rating.optional(),
      caring: rating.optional(),
      responsive: rating.optional(),
      wellLed: rating.optional(),
      reportDate: date.optional(),
    })
    .optional(),
  validFrom: date.optional(),
  validTo: date.optional(),
  successorId: id.optional(),
});

export const staffRoles = ['social_worker', 'care_coordinator', 'team_manager', 'commissioner', 'complaints_officer', 'panel_chair', 'other'] as const;
export const staff = record({ id, name: z.string().min(1), organisationId: id, role: z.enum(staffRoles).optional() });

export const person = record({
  id,
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  nhsNumber: z.string().refine(isValidNhsNumber, { message: 'must be 10 digits with a valid check digit' }).optional(),
  dateOfBirth: date.optional(),
  dateOfDeath: date.optional(),
  communicationNeeds: z.array(z.string()).optional(),
  address: z.array(z.string()).optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

export const contactRoles = ['representative', 'advocate', 'nearest_relative', 'carer', 'family', 'support_worker', 'deputy', 'attorney', 'other'] as const;
export const contact = record({
  id,
  name: z.string().min(1),
  organisationId: id.optional(),
  role: z.enum(contactRoles),
  actsForPerson: z.boolean(),
  consent: z.strictObject({ given: z.boolean(), date }).optional(),
  address: z.array(z.string()).optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});

export const sections = ['2', '3', '4', '5(2)', '5(4)', '35', '36', '37', '37/41', '38', '45A', '47', '47/49', '48', '48/49', '135', '136', 'other'] as const;
export const detentionKinds = ['new', 'cto_recall', 'cto_revocation', 'conditional_discharge_recall', 'part6_transfer'] as const;
export const detention = record({
  id,
  section: z.enum(sections),
  start: date,
  end: date.optional(),
  leftHospital: date.optional(),
  continuesFrom: id.optional(),
  hospital: z.string().optional(),
  kind: z.enum(detentionKinds).optional(),
  leave: z.array(z.strictObject({ from: date, to: date.optional(), kind: z.enum(['escorted', 'overnight', 'community_trial']) })).optional(),
});

export const cto = record({ id, detentionId: id, start: date, end: date.optional() });

export const residenceKinds = [
  'own_home', 'family', 'care_home', 'supported_living', 'shared_lives', 'hostel', 'temporary', 'hotel',
  'rough_sleeping', 'no_fixed_abode', 'prison', 'hospital_detained', 'hospital_informal', 'approved_premises', 'other',
] as const;
export const placementPowers = ['care_act', 's117', 'children_act', 'sswba', 'nhs_chc', 'other'] as const;
export const residence = record({
  from: date,
  to: date.optional(),
  nation,
  localAuthorityId: id.optional(),
  healthBodyId: id.optional(),
  kind: z.enum(residenceKinds),
  ordinarilyResident: z.enum(['yes', 'no', 'unknown']).optional(),
  placedById: id.optional(),
  placedUnder: z.enum(placementPowers).optional(),
  legalCondition: z.enum(['cto', 'conditional_discharge', 'guardianship', 'licence']).optional(),
});

export const gpRegistration = record({ from: date, to: date.optional(), practiceCode: z.string().optional(), healthBodyId: id });

export const endingGrounds = [
  'needs_no_longer_arise', 'disengaged', 'refused_services', 'time_elapsed', 'discharged_from_specialist_services',
  'deprived_of_liberty', 'readmitted_informally_or_s2', 'cto_or_leave_ended', 'moved_area', 'in_prison', 'other',
] as const;
const signOff = z.strictObject({ staffId: id, date });
export const endingDecision = z.strictObject({
  localAuthoritySignOff: signOff.optional(),
  healthBodySignOff: signOff.optional(),
  grounds: z.array(z.enum(endingGrounds)),
  reviewMeetingId: id.optional(),
  personInvolved: z.boolean(),
  writtenReasonsSentOn: date.optional(),
  moveOnPlanInPlace: z.boolean().optional(),
  ext,
});

export const dutyEndReasons = ['joint_decision', 'redetained', 'death', 'other'] as const;
export const duty = record({
  id,
  detentionId: id,
  start: date,
  localAuthorityId: id,
  healthBodyId: id,
  end: date.optional(),
  endReason: z.enum(dutyEndReasons).optional(),
  ending: endingDecision.optional(),
});

export const dispute = record({
  id,
  dutyId: id,
  withOrganisationId: id,
  openedOn: date,
  leadOrganisationId: id.optional(),
  referredOn: date.optional(),
  resolvedOn: date.optional(),
});

export const allocation = record({ dutyId: id, staffId: id, from: date, to: date.optional() });

export const needCategories = ['accommodation', 'personal_care', 'mental_health', 'substance_misuse', 'daily_living', 'social', 'employment', 'other'] as const;
export const carePlan = record({
  id,
  dutyId: id,
  status: z.enum(['draft', 'agreed', 'superseded']),
  agreedOn: date.optional(),
  reviewDue: date.optional(),
  reviewedOn: z.array(date).optional(),
  needs: z.array(
    record({ id, description: z.string().min(1), relatedToMentalDisorder: z.boolean(), category: z.enum(needCategories).optional() }),
  ),
});

export const serviceKinds = [
  'accommodation', 'supported_living', 'residential_care', 'nursing_care', 'care_at_home', 'day_service',
  'community_mental_health', 'substance_misuse', 'employment', 'other',
] as const;
const percent = z.number().min(0).max(100);
export const service = record({
  id,
  dutyId: id,
  needIds: z.array(id),
  description: z.string().min(1),
  kind: z.enum(serviceKinds),
  providerId: id.optional(),
  start: date.optional(),
  end: date.optional(),
  status: z.enum(['planned', 'active', 'ended']),
  weeklyCostPence: pence.optional(),
  aftercare: z.boolean(),
  accommodationPlus: z
    .strictObject({ enhancedSpecialised: z.boolean().optional(), relatedToOriginalCondition: z.boolean().optional(), reducesRisk: z.boolean().optional() })
    .optional(),
  funding: z
    .array(z.strictObject({ from: date, to: date.optional(), localAuthorityPercent: percent, healthBodyPercent: percent, panelRequestId: id.optional() }))
    .optional(),
  topUp: z
    .strictObject({
      payer: ref,
      weeklyPence: pence,
      from: date,
      to: date.optional(),
      preferredAccommodationChosen: z.boolean(),
      suitableAlternativeOffered: z.boolean(),
    })
    .optional(),
});

export const chargeKinds = ['contribution', 'rent', 'service_charge', 'housing_benefit_claim', 'other'] as const;
export const charge = record({
  id,
  serviceId: id.optional(),
  payer: ref,
  kind: z.enum(chargeKinds),
  from: date,
  to: date.optional(),
  weeklyPence: pence.optional(),
  refund: z.strictObject({ date, pence, interestPence: pence.optional() }).optional(),
});

export const paymentOffer = record({
  id,
  dutyId: id.optional(),
  kind: z.enum(['direct_payment', 'personal_health_budget']),
  offeredOn: date,
  weeklyPence: pence.optional(),
  response: z.enum(['pending', 'accepted', 'declined']),
  respondedOn: date.optional(),
  reviewOn: date.optional(),
});

export const panelDecisions = ['approved', 'approved_with_conditions', 'rejected', 'deferred'] as const;
export const panelRequest = record({
  id,
  dutyId: id,
  submittedOn: date,
  proposal: z.string().min(1),
  providerId: id.optional(),
  weeklyCostPence: pence.optional(),
  decision: z.enum(panelDecisions).optional(),
  decidedOn: date.optional(),
  reasons: z.string().optional(),
  resubmissionOf: id.optional(),
});

export const placementOutcomes = ['pending', 'offered', 'accepted', 'declined_by_provider', 'declined_by_person', 'no_vacancy', 'waiting_list'] as const;
export const placementSearch = record({
  id,
  dutyId: id,
  providerId: id.optional(),
  approachedOn: date,
  outcome: z.enum(placementOutcomes),
  outcomeOn: date.optional(),
  reason: z.string().optional(),
});

export const meetingKinds = ['mdt', 'professionals', 'planning', 'review', 'discharge_planning', 'panel', 'other'] as const;
export const meeting = record({
  id,
  dutyId: id.optional(),
  date,
  status: z.enum(['planned', 'held', 'cancelled']),
  kind: z.enum(meetingKinds),
  invited: z.array(ref),
  attended: z.array(ref),
  minutes: z.string().optional(),
});

export const decisionKinds = ['communication_arrangement', 'placement', 'funding', 'allocation', 'plan', 'ending', 'other'] as const;
export const decision = record({
  id,
  date,
  text: z.string().min(1),
  meetingId: id.optional(),
  dutyId: id.optional(),
  kind: z.enum(decisionKinds),
  affectsPerson: z.boolean(),
  premise: z.string().optional(),
  premiseFailedOn: date.optional(),
  reviewBy: date.optional(),
});

export const action = record({
  id,
  text: z.string().min(1),
  ownerId: ref,
  due: date,
  completedOn: date.optional(),
  evidence: z.string().optional(),
  meetingId: id.optional(),
  decisionId: id.optional(),
  complaintId: id.optional(),
});

export const communicationPlan = record({
  id,
  from: date,
  to: date.optional(),
  route: z.enum(['direct', 'via_contact', 'no_contact_requested']),
  viaContactId: id.optional(),
  agreedWithPerson: z.boolean(),
  decisionId: id.optional(),
  reviewBy: date.optional(),
});

export const channels = ['letter', 'email', 'phone', 'visit', 'meeting', 'text', 'other'] as const;
export const communication = record({
  id,
  date,
  direction: z.enum(['outbound', 'inbound']),
  channel: z.enum(channels),
  with: z.array(ref),
  staffId: id.optional(),
  aboutDecisionIds: z.array(id).optional(),
  aboutCarePlanIds: z.array(id).optional(),
  summary: z.string(),
});

export const appointmentOutcomes = ['attended', 'did_not_attend', 'cancelled_by_person', 'cancelled_by_staff', 'staff_did_not_attend'] as const;
export const appointment = record({
  id,
  date,
  staffId: id,
  with: z.array(ref),
  purpose: z.string().optional(),
  outcome: z.enum(appointmentOutcomes).optional(),
});

export const complaint = record({
  id,
  receivedOn: date,
  complainant: ref,
  organisationIds: z.array(id),
  leadOrganisationId: id.optional(),
  procedure: z.enum(['statutory_2009', 'corporate', 'other']),
  points: z.array(z.strictObject({ id, text: z.string().min(1), answered: z.boolean(), ext })),
  acknowledgedOn: date.optional(),
  responseDue: date.optional(),
  respondedOn: date.optional(),
  outcome: z.enum(['upheld', 'partly_upheld', 'not_upheld', 'withdrawn']).optional(),
});

export const remedyKinds = ['apology', 'payment', 'refund', 'meeting', 'reassessment', 'service_improvement', 'other'] as const;
export const remedy = record({
  id,
  text: z.string().min(1),
  kind: z.enum(remedyKinds),
  dueWithin: z.enum(['P1M', 'P2M', 'P3M', 'P6M']).optional(),
  due: date.optional(),
  amountPence: pence.optional(),
  ownerId: ref.optional(),
  completedOn: date.optional(),
  evidence: z.string().optional(),
  evidenceSentOn: date.optional(),
});
export const ombudsmanCase = record({
  id,
  body: z.enum(['LGSCO', 'PHSO', 'joint', 'PSOW']),
  reference: z.string().min(1),
  complaintId: id.optional(),
  finalDecisionOn: date.optional(),
  findings: z.array(z.enum(['fault', 'service_failure', 'no_fault', 'injustice'])),
  remedies: z.array(remedy),
});

export const CASE_FILE_SCHEMA_ID = 'aftercare.case-file/v1';

export const caseFileSchema = z.strictObject({
  schema: z.literal(CASE_FILE_SCHEMA_ID),
  organisations: z.array(organisation),
  staff: z.array(staff),
  person,
  contacts: z.array(contact),
  detentions: z.array(detention),
  ctos: z.array(cto),
  residences: z.array(residence),
  gpRegistrations: z.array(gpRegistration),
  duties: z.array(duty),
  disputes: z.array(dispute),
  allocations: z.array(allocation),
  carePlans: z.array(carePlan),
  services: z.array(service),
  charges: z.array(charge),
  paymentOffers: z.array(paymentOffer),
  panelRequests: z.array(panelRequest),
  placementSearches: z.array(placementSearch),
  meetings: z.array(meeting),
  decisions: z.array(decision),
  actions: z.array(action),
  communicationPlans: z.array(communicationPlan),
  communications: z.array(communication),
  appointments: z.array(appointment),
  complaints: z.array(complaint),
  ombudsmanCases: z.array(ombudsmanCase),
  ext,
});

export type CaseFile = z.infer<typeof caseFileSchema>;
export type Organisation = CaseFile['organisations'][number];
export type Staff = CaseFile['staff'][number];
export type Person = CaseFile['person'];
export type Contact = CaseFile['contacts'][number];
export type Section = (typeof sections)[number];
export type Detention = CaseFile['detentions'][number];
export type CommunityTreatmentOrder = CaseFile['ctos'][number];
export type Residence = CaseFile['residences'][number];
export type GpRegistration = CaseFile['gpRegistrations'][number];
export type Duty = CaseFile['duties'][number];
export type EndingDecision = NonNullable<Duty['ending']>;
export type ResponsibilityDispute = CaseFile['disputes'][number];
export type Allocation = CaseFile['allocations'][number];
export type CarePlan = CaseFile['carePlans'][number];
export type Need = CarePlan['needs'][number];
export type Service = CaseFile['services'][number];
export type Charge = CaseFile['charges'][number];
export type PaymentOffer = CaseFile['paymentOffers'][number];
export type PanelRequest = CaseFile['panelRequests'][number];
export type PlacementSearch = CaseFile['placementSearches'][number];
export type Meeting = CaseFile['meetings'][number];
export type Decision = CaseFile['decisions'][number];
export type Action = CaseFile['actions'][number];
export type CommunicationPlan = CaseFile['communicationPlans'][number];
export type Communication = CaseFile['communications'][number];
export type Appointment = CaseFile['appointments'][number];
export type Complaint = CaseFile['complaints'][number];
export type OmbudsmanCase = CaseFile['ombudsmanCases'][number];
export type Remedy = OmbudsmanCase['remedies'][number];
