/** A small valid case file that touches every kind of reference, for validation and as-of tests. */
import type { CaseFile } from '../../../../src/domain/case-file/schema.ts';

export function validCaseFile(): CaseFile {
  return {
    schema: 'aftercare.case-file/v1',
    organisations: [
      { id: 'la1', name: 'Worcestershire County Council', kind: 'local_authority', code: 'E10000034', nation: 'england' },
      { id: 'icb1', name: 'NHS Herefordshire and Worcestershire ICB', kind: 'icb', code: 'QGH', successorId: 'icb2', validTo: '2030-01-01' },
      { id: 'icb2', name: 'NHS Successor ICB', kind: 'icb', validFrom: '2030-01-01' },
      { id: 'prov1', name: 'Riverside Care', kind: 'provider' },
    ],
    staff: [
      { id: 'st1', name: 'Sam Social', organisationId: 'la1', role: 'social_worker' },
      { id: 'st2', name: 'Chris Commissioner', organisationId: 'icb1', role: 'commissioner' },
    ],
    person: { id: 'p1', givenName: 'Alex', familyName: 'Example', dateOfBirth: '1980-02-29' },
    contacts: [{ id: 'c1', name: 'Jo Example', role: 'representative', actsForPerson: true, consent: { given: true, date: '2024-01-05' } }],
    detentions: [
      { id: 'd1', section: '2', start: '2024-01-01', end: '2024-01-20' },
      { id: 'd2', section: '3', start: '2024-01-20', end: '2024-06-01', leftHospital: '2024-06-03', continuesFrom: 'd1', leave: [{ from: '2024-05-01', to: '2024-05-03', kind: 'overnight' }] },
    ],
    ctos: [{ id: 'cto1', detentionId: 'd2', start: '2024-06-01', end: '2024-12-01' }],
    residences: [
      { from: '2023-01-01', to: '2024-01-01', nation: 'england', localAuthorityId: 'la1', healthBodyId: 'icb1', kind: 'own_home', ordinarilyResident: 'yes' },
      { from: '2024-01-01', to: '2024-06-03', nation: 'england', kind: 'hospital_detained' },
      { from: '2024-06-03', nation: 'england', localAuthorityId: 'la1', kind: 'supported_living', placedById: 'la1', placedUnder: 's117' },
    ],
    gpRegistrations: [{ from: '2020-01-01', healthBodyId: 'icb1' }],
    duties: [
      {
        id: 'du1', detentionId: 'd2', start: '2024-06-03', localAuthorityId: 'la1', healthBodyId: 'icb1', end: '2025-06-01', endReason: 'joint_decision',
        ending: {
          localAuthoritySignOff: { staffId: 'st1', date: '2025-05-20' },
          healthBodySignOff: { staffId: 'st2', date: '2025-05-25' },
          grounds: ['needs_no_longer_arise'], reviewMeetingId: 'm1', personInvolved: true, writtenReasonsSentOn: '2025-06-02',
        },
      },
    ],
    disputes: [{ id: 'dis1', dutyId: 'du1', withOrganisationId: 'icb1', openedOn: '2024-07-01', leadOrganisationId: 'la1', resolvedOn: '2024-09-01' }],
    allocations: [{ dutyId: 'du1', staffId: 'st1', from: '2024-06-03' }],
    carePlans: [
      { id: 'cp1', dutyId: 'du1', status: 'superseded', agreedOn: '2024-06-10', needs: [{ id: 'n1', description: 'Somewhere safe to live', relatedToMentalDisorder: true, category: 'accommodation' }] },
      { id: 'cp2', dutyId: 'du1', status: 'agreed', agreedOn: '2024-12-10', reviewDue: '2025-06-10', reviewedOn: ['2025-03-01'], needs: [{ id: 'n2', description: 'Support with medication', relatedToMentalDisorder: true }] },
      { id: 'cp3', dutyId: 'du1', status: 'draft', needs: [] },
    ],
    services: [
      {
        id: 's1', dutyId: 'du1', needIds: ['n1'], description: 'Supported living flat', kind: 'supported_living', providerId: 'prov1', start: '2024-06-03', status: 'active',
        weeklyCostPence: 120000, aftercare: true, accommodationPlus: { enhancedSpecialised: true, relatedToOriginalCondition: true, reducesRisk: true },
        funding: [{ from: '2024-06-03', localAuthorityPercent: 50, healthBodyPercent: 50, panelRequestId: 'pr2' }],
        topUp: { payer: 'c1', weeklyPence: 5000, from: '2024-07-01', preferredAccommodationChosen: true, suitableAlternativeOffered: true },
      },
    ],
    charges: [{ id: 'ch1', serviceId: 's1', payer: 'person', kind: 'rent', from: '2024-06-03', to: '2024-08-01', weeklyPence: 1000, refund: { date: '2024-09-01', pence: 8000 } }],
    paymentOffers: [{ id: 'po1', dutyId: 'du1', kind: 'direct_payment', offeredOn: '2024-06-20', response: 'declined', respondedOn: '2024-06-25', reviewOn: '2024-12-25' }],
    panelRequests: [
      { id: 'pr1', dutyId: 'du1', submittedOn: '2024-05-01', proposal: 'Care home', decision: 'rejected', decidedOn: '2024-05-08', reasons: 'Too far away' },
      { id: 'pr2', dutyId: 'du1', submittedOn: '2024-05-15', proposal: 'Supported living', providerId: 'prov1', decision: 'approved', decidedOn: '2024-05-22', reasons: 'Meets needs', resubmissionOf: 'pr1' },
    ],
    placementSearches: [{ id: 'ps1', dutyId: 'du1', providerId: 'prov1', approachedOn: '2024-05-10', outcome: 'accepted', outcomeOn: '2024-05-20' }],
    meetings: [{ id: 'm1', dutyId: 'du1', date: '2025-05-15', status: 'held', kind: 'review', invited: ['person', 'c1', 'st1', 'icb1'], attended: ['person', 'st1'] }],
    decisions: [{ id: 'dec1', date: '2025-05-15', text: 'End the duty', meetingId: 'm1', dutyId: 'du1', kind: 'ending', affectsPerson: true }],
    actions: [{ id: 'a1', text: 'Send the letter', ownerId: 'st1', due: '2025-05-20', completedOn: '2025-05-19', meetingId: 'm1', decisionId: 'dec1' }],
    communicationPlans: [{ id: 'cpl1', from: '2024-06-03', route: 'via_contact', viaContactId: 'c1', agreedWithPerson: true, decisionId: 'dec1' }],
    communications: [{ id: 'com1', date: '2025-05-16', direction: 'outbound', channel: 'letter', with: ['person', 'c1'], staffId: 'st1', aboutDecisionIds: ['dec1'], aboutCarePlanIds: ['cp2'], summary: 'Letter about ending' }],
    appointments: [{ id: 'ap1', date: '2025-01-10', staffId: 'st1', with: ['person'], outcome: 'attended' }],
    complaints: [
      {
        id: 'cmp1', receivedOn: '2025-02-01', complainant: 'c1', organisationIds: ['la1', 'icb1'], leadOrganisationId: 'la1', procedure: 'statutory_2009',
        points: [{ id: 'pt1', text: 'No plan', answered: true }], acknowledgedOn: '2025-02-03', responseDue: '2025-03-31', respondedOn: '2025-03-20', outcome: 'upheld',
      },
    ],
    ombudsmanCases: [
      {
        id: 'om1', body: 'LGSCO', reference: '24 014 179', complaintId: 'cmp1', finalDecisionOn: '2025-04-01', findings: ['fault', 'injustice'],
        remedies: [{ id: 'r1', text: 'Apologise', kind: 'apology', dueWithin: 'P1M', ownerId: 'la1', completedOn: '2025-04-20', evidenceSentOn: '2025-04-25' }],
      },
    ],
  };
}
