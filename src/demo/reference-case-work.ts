/**
 * The work on Mr B's duty in the reference case (LGSCO 24 014 179): care plans, services, the direct
 * payment offer, the two panel rejections of agency 1, the placement search, the meetings, the October 2024
 * decision to communicate only through charity 2's worker, the letters and calls, the appointment with no
 * outcome, the complaint and the Ombudsman's remedies. Invented dates are listed on the person's `ext`.
 */
import type { CaseFile } from '../domain/case-file/schema.ts';

type Work = Pick<
  CaseFile,
  | 'carePlans' | 'services' | 'charges' | 'paymentOffers' | 'panelRequests' | 'placementSearches' | 'meetings' | 'decisions'
  | 'actions' | 'communicationPlans' | 'communications' | 'appointments' | 'complaints' | 'ombudsmanCases'
>;

const accommodationNeed = 'Supported housing with 24-hour support, specialised in complex cases, meeting his mental health, trauma and substance addiction needs';

export function referenceCaseWork(): Work {
  return {
    carePlans: [
      {
        id: 'cp-2024-04',
        dutyId: 'du-1',
        status: 'superseded',
        agreedOn: '2024-04-16',
        needs: [
          { id: 'n-apr-accommodation', description: accommodationNeed, relatedToMentalDisorder: true, category: 'accommodation' },
          { id: 'n-apr-mental-health', description: 'Secondary (community) mental health input', relatedToMentalDisorder: true, category: 'mental_health' },
          { id: 'n-apr-substance', description: 'Support with alcohol and substance misuse', relatedToMentalDisorder: true, category: 'substance_misuse' },
          { id: 'n-apr-daily', description: 'Daily support to manage day to day', relatedToMentalDisorder: true, category: 'daily_living' },
        ],
        ext: { note: 'Care plan of April 2024, including the direct payment entitlement of £370 a week.' },
      },
      {
        id: 'cp-2024-05',
        dutyId: 'du-1',
        status: 'agreed',
        agreedOn: '2024-05-24',
        needs: [
          { id: 'n-may-accommodation', description: accommodationNeed, relatedToMentalDisorder: true, category: 'accommodation' },
          { id: 'n-may-mental-health', description: 'Community mental health input through s117 aftercare', relatedToMentalDisorder: true, category: 'mental_health' },
          { id: 'n-may-substance', description: 'Support with alcohol and substance misuse', relatedToMentalDisorder: true, category: 'substance_misuse' },
        ],
        ext: { note: 'May 2024 update: agency 3 wants secondary mental health input first; the care agency was discontinued; another placement declined him.' },
      },
    ],
    services: [
      {
        id: 'svc-care-agency', dutyId: 'du-1', needIds: ['n-apr-daily'], description: 'Daily support from a care agency, funded by the Council', kind: 'care_at_home',
        providerId: 'org-care-agency', start: '2024-04-05', end: '2024-05-17', status: 'ended', aftercare: true,
        funding: [{ from: '2024-04-05', to: '2024-05-17', localAuthorityPercent: 100, healthBodyPercent: 0 }],
        ext: { note: 'Discontinued because Mr B struggled to engage with it (May 2024 care plan); start and end dates invented.' },
      },
      {
        id: 'svc-substance', dutyId: 'du-1', needIds: ['n-apr-substance', 'n-may-substance'], description: 'Support from a charity for adults with alcohol and substance misuse concerns',
        kind: 'substance_misuse', providerId: 'org-substance-charity', start: '2024-01-08', status: 'active', aftercare: false,
        ext: { note: 'Receiving this support at the April 2024 meeting; start date invented. Not commissioned by the Council.' },
      },
      {
        id: 'svc-charity2-support', dutyId: 'du-1', needIds: [], description: 'Housing support from charity 2', kind: 'other', providerId: 'org-charity-2', start: '2024-01-08', status: 'active', aftercare: false,
        ext: { note: 'Receiving this support at the April 2024 meeting; start date invented.' },
      },
      {
        id: 'svc-chips', dutyId: 'du-1', needIds: [], description: "The Council's Complex Homeless Intervention Prevention Service (CHIPS)", kind: 'other', providerId: 'org-worcestershire', start: '2024-01-08', status: 'active', aftercare: false,
        ext: { note: 'Receiving this support at the April 2024 meeting; start date invented.' },
      },
      {
        id: 'svc-charity2-accommodation', dutyId: 'du-1', needIds: ['n-may-accommodation'], description: "Charity 2's accommodation (the place offered provisionally in September 2024)", kind: 'supported_living',
        providerId: 'org-charity-2', start: '2025-02-17', end: '2025-06-09', status: 'ended', aftercare: true,
        ext: { note: 'Broke down in June 2025. Who funded it and how it was classified are not in the decision.' },
      },
    ],
    charges: [],
    paymentOffers: [
      {
        id: 'po-direct-payment', dutyId: 'du-1', kind: 'direct_payment', offeredOn: '2024-04-18', weeklyPence: 37_000, response: 'declined', respondedOn: '2024-04-18',
        ext: { note: 'He agreed to direct payments in principle but said he would struggle to manage them in his current circumstances ("unable to take up the offer at the time").' },
      },
    ],
    panelRequests: [
      {
        id: 'pr-agency1', dutyId: 'du-1', submittedOn: '2023-12-04', providerId: 'org-agency-1', decision: 'rejected', decidedOn: '2023-12-14',
        proposal: "Move to agency 1's new, empty property in council K: 5 hours of 1 to 1 support a day, sleep-in support and 10 hours of shared support (24-hour support available)",
        reasons: "Not satisfied it would meet Mr B's needs; possibly proposed because it was the only option, with little longevity; a shared service where matching residents and staff skills are a concern; CQC amber on well-led and amber on staff knowledge; provider unknown to the Council and council K: obtain more information and bring it back.",
      },
      {
        id: 'pr-agency1-again', dutyId: 'du-1', submittedOn: '2024-03-19', providerId: 'org-agency-1', decision: 'rejected', decidedOn: '2024-03-21', resubmissionOf: 'pr-agency1',
        proposal: "The agency 1 placement, returned to the panel with further information",
        reasons: "Agency 1 does not have the expertise to support Mr B's extremely complex needs, and the provider is untested.",
      },
    ],
    placementSearches: [
      { id: 'ps-provider-a', dutyId: 'du-1', providerId: 'org-provider-a', approachedOn: '2023-10-02', outcome: 'declined_by_provider', outcomeOn: '2023-10-20', reason: 'Did not offer Mr B a place' },
      { id: 'ps-provider-b', dutyId: 'du-1', providerId: 'org-provider-b', approachedOn: '2023-10-09', outcome: 'declined_by_provider', outcomeOn: '2023-11-03', reason: 'Did not offer Mr B a place' },
      { id: 'ps-agency1', dutyId: 'du-1', providerId: 'org-agency-1', approachedOn: '2023-11-06', outcome: 'offered', outcomeOn: '2023-11-20', reason: 'One of the few agencies willing to accept Mr B; the panel did not fund it' },
      { id: 'ps-agency3', dutyId: 'du-1', providerId: 'org-agency-3', approachedOn: '2024-04-11', outcome: 'pending', reason: 'Assessed Mr B; needs secondary mental health input before progressing the application' },
      { id: 'ps-placement-may', dutyId: 'du-1', providerId: 'org-placement-may', approachedOn: '2024-04-29', outcome: 'declined_by_provider', outcomeOn: '2024-05-16', reason: 'Declined the application' },
      { id: 'ps-provider-c', dutyId: 'du-1', providerId: 'org-provider-c', approachedOn: '2024-06-11', outcome: 'declined_by_provider', outcomeOn: '2024-06-20', reason: 'Complexity of needs and history of evictions' },
      { id: 'ps-provider-d', dutyId: 'du-1', providerId: 'org-provider-d', approachedOn: '2024-07-01', outcome: 'declined_by_provider', outcomeOn: '2024-07-18', reason: 'Complexity of needs and alleged offending' },
      {
        id: 'ps-charity2', dutyId: 'du-1', providerId: 'org-charity-2', approachedOn: '2024-06-24', outcome: 'accepted', outcomeOn: '2025-02-17',
        reason: 'Assessed in September 2024 and offered a provisional place with no vacancy; moved in when a space came up',
      },
    ],
    meetings: [
      { id: 'm-2024-01-18', dutyId: 'du-1', date: '2024-01-18', status: 'held', kind: 'planning', invited: ['person', 'st-ref-sw1', 'c-agency1-manager'], attended: ['person', 'st-ref-sw1', 'c-agency1-manager'], minutes: 'Mr B met the manager of agency 1.' },
      {
        id: 'm-2024-04-11', dutyId: 'du-1', date: '2024-04-11', status: 'held', kind: 'professionals',
        invited: ['st-ref-sw1', 'org-charity-2', 'org-substance-charity', 'org-care-agency'], attended: ['st-ref-sw1', 'org-charity-2', 'org-substance-charity', 'org-care-agency'],
        minutes: 'Difficulty finding accommodation given evictions; Mr B wants to stay in council K. Agency 3 assessing him urgently.',
      },
      ...['2024-06-10', '2024-06-24', '2024-07-23', '2024-08-13'].map((date) => ({
        id: `m-${date}`, dutyId: 'du-1', date, status: 'held' as const, kind: 'mdt' as const,
        invited: ['st-ref-sw1', 'org-charity-2', 'org-substance-charity'], attended: ['st-ref-sw1', 'org-charity-2', 'org-substance-charity'],
        minutes: 'Mr B still homeless. He would not cope in an HMO; only a self-contained supported flat near his support services would do.',
      })),
      {
        id: 'm-2024-10-08', dutyId: 'du-1', date: '2024-10-08', status: 'held', kind: 'mdt',
        invited: ['st-ref-sw1', 'c-charity2-worker', 'org-substance-charity'], attended: ['st-ref-sw1', 'c-charity2-worker', 'org-substance-charity'],
        minutes: "Charity 2's worker is routinely in contact with Mr B and will keep him informed. Considered inviting his representative to future meetings; agreed charity 2's worker could update Mr B.",
      },
      { id: 'm-2025-06-19', dutyId: 'du-1', date: '2025-06-19', status: 'held', kind: 'mdt', invited: ['person', 'st-ref-sw2', 'org-charity-2'], attended: ['person', 'st-ref-sw2', 'org-charity-2'], minutes: 'Placement broke down. Further assessment offered; Mr B does not want to engage with the Council.' },
    ],
    decisions: [
      {
        id: 'dec-via-charity2', date: '2024-10-08', meetingId: 'm-2024-10-08', dutyId: 'du-1', kind: 'communication_arrangement', affectsPerson: true,
        text: "Communication with Mr B will continue only via charity 2's worker",
        premise: "Mr B will soon move into charity 2's accommodation, so charity 2's worker will be in regular contact with him",
        premiseFailedOn: '2024-12-02',
      },
      { id: 'dec-new-social-worker', date: '2024-10-21', dutyId: 'du-1', kind: 'allocation', affectsPerson: true, text: "Allocate a different social worker, as Mr B asked in his complaint" },
      { id: 'dec-no-worker', date: '2025-06-19', meetingId: 'm-2025-06-19', dutyId: 'du-1', kind: 'allocation', affectsPerson: true, text: 'No allocated social worker while Mr B does not want to engage; the referral will be re-opened if he does' },
    ],
    actions: [
      { id: 'act-cmht-referral', text: 'Refer Mr B to the Community Mental Health Team', ownerId: 'st-ref-sw1', due: '2024-05-09', meetingId: 'm-2024-04-11' },
      { id: 'act-homelessness', text: 'Challenge the decision that Mr B was intentionally homeless', ownerId: 'org-charity-2', due: '2024-05-09', meetingId: 'm-2024-04-11' },
      { id: 'act-legal', text: 'Support Mr B to obtain legal representation', ownerId: 'st-ref-sw1', due: '2024-05-09', meetingId: 'm-2024-04-11', ext: { note: 'Due dates invented (four weeks); whether these were done is not in the decision.' } },
    ],
    communicationPlans: [
      {
        id: 'cpl-via-representative', from: '2024-09-20', to: '2024-10-08', route: 'via_contact', viaContactId: 'c-rep', agreedWithPerson: true,
        ext: { note: 'Mr B agreed with the complaint investigator that the social worker could write via his representative; the Council and the representative recall the arrangement differently and nothing was recorded.' },
      },
      { id: 'cpl-via-charity2', from: '2024-10-08', route: 'via_contact', viaContactId: 'c-charity2-worker', agreedWithPerson: false, decisionId: 'dec-via-charity2' },
    ],
    communications: [
      { id: 'com-2023-11-13', date: '2023-11-13', direction: 'outbound', channel: 'visit', with: ['person'], staffId: 'st-ref-sw1', summary: "Proposed the move to agency 1's new accommodation; Mr B was willing to go (date invented)" },
      { id: 'com-2024-01-08', date: '2024-01-08', direction: 'outbound', channel: 'visit', with: ['person'], staffId: 'st-ref-sw1', summary: 'The social worker met Mr B' },
      { id: 'com-2024-01-18', date: '2024-01-18', direction: 'outbound', channel: 'meeting', with: ['person', 'c-agency1-manager'], staffId: 'st-ref-sw1', summary: 'Meeting with Mr B and the manager of agency 1' },
      { id: 'com-2024-03-25', date: '2024-03-25', direction: 'outbound', channel: 'phone', with: ['person'], staffId: 'st-ref-sw1', summary: 'Told Mr B that the panel had again not approved agency 1 (date invented)' },
      { id: 'com-2024-04-18', date: '2024-04-18', direction: 'outbound', channel: 'phone', with: ['person'], staffId: 'st-ref-sw1', aboutCarePlanIds: ['cp-2024-04'], summary: 'Direct payments of £370 a week: Mr B agreed but said he would struggle to manage them now' },
      { id: 'com-2024-05-03', date: '2024-05-03', direction: 'outbound', channel: 'phone', with: ['person'], staffId: 'st-ref-sw1', summary: 'Found a different hotel and gave Mr B the address; he was frustrated and became somewhat abusive' },
      { id: 'com-2024-05-07', date: '2024-05-07', direction: 'outbound', channel: 'email', with: ['org-charity-2', 'org-substance-charity'], staffId: 'st-ref-sw1', summary: 'The hotel refused Mr B access; asked the agencies whether they had heard from him' },
      { id: 'com-2024-09-16', date: '2024-09-16', direction: 'outbound', channel: 'phone', with: ['person'], staffId: 'st-ref-co', summary: 'The complaint investigator spoke to Mr B' },
      { id: 'com-2024-09-20', date: '2024-09-20', direction: 'outbound', channel: 'phone', with: ['person'], staffId: 'st-ref-co', summary: 'Mr B wants no further contact from the social worker, declined a meeting with him and his line manager, agreed letters via his representative' },
      { id: 'com-2024-10-25', date: '2024-10-25', direction: 'outbound', channel: 'letter', with: ['c-rep'], staffId: 'st-ref-co', aboutDecisionIds: ['dec-new-social-worker'], summary: 'Complaint response: new social worker agreed; s117 responsibility explained; funding for agency 1 was refused' },
      { id: 'com-2024-11-14', date: '2024-11-14', direction: 'outbound', channel: 'email', with: ['c-charity2-worker'], staffId: 'st-ref-sw2', summary: "Update for Mr B on the accommodation search, through charity 2's worker (date invented)" },
      { id: 'com-2025-06-19', date: '2025-06-19', direction: 'outbound', channel: 'meeting', with: ['person'], staffId: 'st-ref-sw2', summary: 'Offered a further assessment; Mr B said he did not want to engage with the Council any more' },
    ],
    appointments: [
      { id: 'apt-2024-01-08', date: '2024-01-08', staffId: 'st-ref-sw1', with: ['person'], purpose: 'Meet Mr B', outcome: 'attended' },
      {
        id: 'apt-representative', date: '2024-10-15', staffId: 'st-ref-sw1', with: ['c-rep'], purpose: "Meeting with Mr B's representative",
        ext: { note: 'The representative says the social worker did not attend; the Council found no record of the appointment.' },
      },
    ],
    complaints: [
      {
        id: 'cmp-2024-08', receivedOn: '2024-08-12', complainant: 'c-rep', organisationIds: ['org-worcestershire'], leadOrganisationId: 'org-worcestershire', procedure: 'statutory_2009',
        points: [
          { id: 'pt-best-interests', text: 'The social worker was not working in his best interests and refused to transfer his care package to council K', answered: true },
          { id: 'pt-communication', text: 'Poor communication: the social worker acted as a gatekeeper and did not let Mr B give his views', answered: true },
          { id: 'pt-remedy-sought', text: 'He wants a new social worker and his care package transferred to council K', answered: true },
        ],
        acknowledgedOn: '2024-08-14', respondedOn: '2024-10-25', outcome: 'partly_upheld',
      },
    ],
    ombudsmanCases: [
      {
        id: 'omb-24-014-179', body: 'LGSCO', reference: '24 014 179', complaintId: 'cmp-2024-08', finalDecisionOn: '2025-09-10', findings: ['service_failure', 'fault', 'injustice'],
        remedies: [
          { id: 'rem-apology', text: 'Apologise in writing to Mr B for the fault', kind: 'apology', dueWithin: 'P1M', ownerId: 'org-worcestershire' },
          { id: 'rem-meeting-assessment', text: 'Offer Mr B a meeting and a further assessment to re-start engagement with the Council, if he agrees', kind: 'reassessment', dueWithin: 'P1M', ownerId: 'org-worcestershire' },
          { id: 'rem-representative', text: "Offer to communicate via Mr B's representative if Mr B and his representative agree", kind: 'other', dueWithin: 'P1M', ownerId: 'org-worcestershire' },
        ],
        ext: { note: 'The Council should send the Ombudsman evidence that it has done all three.' },
      },
    ],
  };
}
