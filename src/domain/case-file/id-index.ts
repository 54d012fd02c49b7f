/**
 * Every id in a case file with the kind of record it names and where it is (contract "Conventions": ids
 * are unique within the whole file, nested records included, and "person" is reserved for `Ref`).
 */
import type { CaseFile } from './schema.ts';

export type IdKind =
  | 'organisation' | 'staff' | 'person' | 'contact' | 'detention' | 'cto' | 'duty' | 'dispute' | 'carePlan' | 'need'
  | 'service' | 'charge' | 'paymentOffer' | 'panelRequest' | 'placementSearch' | 'meeting' | 'decision' | 'action'
  | 'communicationPlan' | 'communication' | 'appointment' | 'complaint' | 'complaintPoint' | 'ombudsmanCase' | 'remedy';

export type IdIndex = ReadonlyMap<string, { kind: IdKind; path: string }>;

const descriptions: Record<IdKind, string> = {
  organisation: 'an organisation', staff: 'a staff member', person: 'the person', contact: 'a contact',
  detention: 'a detention', cto: 'a community treatment order', duty: 'a duty', dispute: 'a dispute',
  carePlan: 'a care plan', need: 'a need', service: 'a service', charge: 'a charge', paymentOffer: 'a payment offer',
  panelRequest: 'a panel request', placementSearch: 'a placement search', meeting: 'a meeting', decision: 'a decision',
  action: 'an action', communicationPlan: 'a communication plan', communication: 'a communication',
  appointment: 'an appointment', complaint: 'a complaint', complaintPoint: 'a complaint point',
  ombudsmanCase: 'an ombudsman case', remedy: 'an ombudsman remedy',
};

export function describeKind(kind: IdKind): string {
  return descriptions[kind];
}

/** Indexes every id; duplicates and misuse of the reserved id "person" are pushed onto `errors`. */
export function collectIds(file: CaseFile, errors: { path: string; message: string }[]): IdIndex {
  const index = new Map<string, { kind: IdKind; path: string }>();
  const add = (id: string, kind: IdKind, path: string): void => {
    // The person's own id may be "person": a Ref "person" names them either way.
    if (id === 'person' && kind !== 'person') {
      errors.push({ path, message: '"person" is reserved (it means the person) and cannot be the id of another record' });
      return;
    }
    const earlier = index.get(id);
    if (earlier) errors.push({ path, message: `"${id}" is already the id of ${describeKind(earlier.kind)} (${earlier.path}); ids must be unique in the file` });
    else index.set(id, { kind, path });
  };
  const each = <T extends { id: string }>(records: readonly T[], kind: IdKind, name: string): void => {
    records.forEach((record, i) => add(record.id, kind, `${name}[${i}].id`));
  };

  each(file.organisations, 'organisation', 'organisations');
  each(file.staff, 'staff', 'staff');
  add(file.person.id, 'person', 'person.id');
  each(file.contacts, 'contact', 'contacts');
  each(file.detentions, 'detention', 'detentions');
  each(file.ctos, 'cto', 'ctos');
  each(file.duties, 'duty', 'duties');
  each(file.disputes, 'dispute', 'disputes');
  file.carePlans.forEach((plan, i) => {
    add(plan.id, 'carePlan', `carePlans[${i}].id`);
    plan.needs.forEach((need, j) => add(need.id, 'need', `carePlans[${i}].needs[${j}].id`));
  });
  each(file.services, 'service', 'services');
  each(file.charges, 'charge', 'charges');
  each(file.paymentOffers, 'paymentOffer', 'paymentOffers');
  each(file.panelRequests, 'panelRequest', 'panelRequests');
  each(file.placementSearches, 'placementSearch', 'placementSearches');
  each(file.meetings, 'meeting', 'meetings');
  each(file.decisions, 'decision', 'decisions');
  each(file.actions, 'action', 'actions');
  each(file.communicationPlans, 'communicationPlan', 'communicationPlans');
  each(file.communications, 'communication', 'communications');
  each(file.appointments, 'appointment', 'appointments');
  file.complaints.forEach((complaint, i) => {
    add(complaint.id, 'complaint', `complaints[${i}].id`);
    complaint.points.forEach((point, j) => add(point.id, 'complaintPoint', `complaints[${i}].points[${j}].id`));
  });
  file.ombudsmanCases.forEach((ombudsmanCase, i) => {
    add(ombudsmanCase.id, 'ombudsmanCase', `ombudsmanCases[${i}].id`);
    ombudsmanCase.remedies.forEach((remedy, j) => add(remedy.id, 'remedy', `ombudsmanCases[${i}].remedies[${j}].id`));
  });
  return index;
}
