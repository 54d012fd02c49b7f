/**
 * Mr B's communication timeline from the reference decision (LGSCO 24 014 179, Worcestershire), as case-file
 * records. Dates the decision leaves vague are assumed: consent to act through his representative with the
 * August 2024 complaint; the representative route agreed on 20 September 2024; the 8 October 2024 meeting's
 * decision to talk to him only through charity 2's worker; the change of social worker on 21 October 2024; and
 * a letter to him and his representative on 1 October 2025 (the agreed remedy).
 */
import type { CaseFile } from '../../../../src/domain/case-file/schema.ts';

export function mrBCaseFile(): CaseFile {
  return {
    schema: 'aftercare.case-file/v1',
    organisations: [
      { id: 'worcs', name: 'Worcestershire County Council', kind: 'local_authority', nation: 'england' },
      { id: 'charity2', name: 'Charity 2', kind: 'voluntary' },
    ],
    staff: [{ id: 'sw1', name: 'Social worker', organisationId: 'worcs', role: 'social_worker' }],
    person: { id: 'mr-b', givenName: 'Mr', familyName: 'B', communicationNeeds: [] },
    contacts: [
      { id: 'c-rep', name: "Mr B's representative", role: 'representative', actsForPerson: true, consent: { given: true, date: '2024-08-01' } },
      { id: 'c-charity2', name: "Charity 2's worker", organisationId: 'charity2', role: 'support_worker', actsForPerson: false },
    ],
    detentions: [], ctos: [], residences: [], gpRegistrations: [], duties: [], disputes: [], allocations: [], carePlans: [],
    services: [], charges: [], paymentOffers: [], panelRequests: [], placementSearches: [],
    meetings: [
      { id: 'm-oct', date: '2024-10-08', status: 'held', kind: 'mdt', invited: ['sw1', 'c-charity2'], attended: ['sw1', 'c-charity2'], minutes: 'Communicate via charity 2 worker.' },
    ],
    decisions: [
      {
        id: 'd-oct', date: '2024-10-08', kind: 'communication_arrangement', affectsPerson: true, meetingId: 'm-oct',
        text: "Communication with Mr B to continue via charity 2's worker",
        premise: "Mr B will soon move into charity 2's accommodation",
      },
      { id: 'd-sw', date: '2024-10-21', kind: 'allocation', affectsPerson: true, text: 'Allocate a new social worker' },
      { id: 'd-internal', date: '2024-10-21', kind: 'other', affectsPerson: false, text: 'Team rota' },
    ],
    actions: [],
    communicationPlans: [
      { id: 'cp1', from: '2024-09-20', to: '2024-10-08', route: 'via_contact', viaContactId: 'c-rep', agreedWithPerson: true },
      { id: 'cp2', from: '2024-10-08', route: 'via_contact', viaContactId: 'c-charity2', agreedWithPerson: false, decisionId: 'd-oct' },
    ],
    communications: [
      { id: 'k1', date: '2024-10-09', direction: 'outbound', channel: 'meeting', with: ['c-charity2'], aboutDecisionIds: ['d-oct'], summary: 'Asked the worker to keep Mr B informed' },
      { id: 'k2', date: '2024-10-22', direction: 'outbound', channel: 'email', with: ['c-charity2'], aboutDecisionIds: ['d-sw'], summary: 'New social worker' },
      { id: 'k0', date: '2024-10-23', direction: 'inbound', channel: 'phone', with: ['c-rep'], aboutDecisionIds: ['d-sw'], summary: 'Representative asked what is happening' },
      { id: 'k3', date: '2025-10-01', direction: 'outbound', channel: 'letter', with: ['person', 'c-rep'], aboutDecisionIds: ['d-oct', 'd-sw'], summary: 'Apology and offer to communicate via the representative' },
    ],
    appointments: [], complaints: [], ombudsmanCases: [],
  };
}
