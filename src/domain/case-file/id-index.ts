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

/**
 * Indexes every id; duplicates and misuse of the reserved id "person" are pushed onto `errors`. `complete`
 * is false when some record or id could not be read (a file that failed the schema): a reference that
 * finds nothing may then point at that record, so it cannot be called dangling.
 */
export function collectIds(file: CaseFile, errors: { path: string; message: string }[]): { ids: IdIndex; complete: boolean } {
  const index = new Map<string, { kind: IdKind; path: string }>();
  let complete = true;
  const records = <T>(list: readonly T[], visit: (record: T, i: number) => void): void => {
    if (!Array.isArray(list)) complete = false;
    else list.forEach((record: T, i) => (typeof record === 'object' && record !== null ? visit(record, i) : (complete = false)));
  };
  const add = (id: string, kind: IdKind, path: string): void => {
    if (typeof id !== 'string') {
      complete = false; // a schema error, reported by the schema
      return;
    }
    // The person's own id may be "person": a Ref "person" names them either way.
    if (id === 'person' && kind !== 'person') {
      errors.push({ path, message: '"person" is reserved (it means the person) and cannot be the id of another record' });
      return;
    }
    const earlier = index.get(id);
    if (earlier) errors.push({ path, message: `"${id}" is already the id of ${describeKind(earlier.kind)} (${earlier.path}); ids must be unique in the file` });
    else index.set(id, { kind, path });
  };
  const each = <T extends { id: string }>(list: readonly T[], kind: IdKind, name: string): void => {
    records(list, (record, i) => add(record.id, kind, `${name}[${i}].id`));
  };

  each(file.organisations, 'organisation', 'organisations');
  each(file.staff, 'staff', 'staff');
  add((file.person as Partial<CaseFile['person']> | null)?.id as string, 'person', 'person.id');
  each(file.contacts, 'contact', 'contacts');
  each(file.detentions, 'detention', 'detentions');
  each(file.ctos, 'cto', 'ctos');
  each(file.duties, 'duty', 'duties');
  each(file.disputes, 'dispute', 'disputes');
  records(file.carePlans, (plan, i) => {
    add(plan.id, 'carePlan', `carePlans[${i}].id`);
    records(plan.needs, (need, j) => add(need.id, 'need', `carePlans[${i}].needs[${j}].id`));
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
  records(file.complaints, (complaint, i) => {
    add(complaint.id, 'complaint', `complaints[${i}].id`);
    records(complaint.points, (point, j) => add(point.id, 'complaintPoint', `complaints[${i}].points[${j}].id`));
  });
  records(file.ombudsmanCases, (ombudsmanCase, i) => {
    add(ombudsmanCase.id, 'ombudsmanCase', `ombudsmanCases[${i}].id`);
    records(ombudsmanCase.remedies, (remedy, j) => add(remedy.id, 'remedy', `ombudsmanCases[${i}].remedies[${j}].id`));
  });
  return { ids: index, complete };
}
