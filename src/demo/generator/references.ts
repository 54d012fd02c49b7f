/**
 * The organisations and staff a case file refers to, so that a generated file holds those and no others
 * (as an export does: ../shared/contracts/case-file.md, "Import keeps the file's ids").
 */
import type { CaseFile, Organisation } from '../../domain/case-file/schema.ts';

/** Every id the person's records refer to (organisations, staff, contacts and "person" mixed). */
export function referencedIds(file: Omit<CaseFile, 'organisations' | 'staff'>): Set<string> {
  const refs = new Set<string>();
  const add = (value: string | undefined): void => {
    if (value !== undefined) refs.add(value);
  };
  for (const contact of file.contacts) add(contact.organisationId);
  for (const residence of file.residences) {
    add(residence.localAuthorityId);
    add(residence.healthBodyId);
    add(residence.placedById);
  }
  for (const registration of file.gpRegistrations) add(registration.healthBodyId);
  for (const duty of file.duties) {
    add(duty.localAuthorityId);
    add(duty.healthBodyId);
    add(duty.ending?.localAuthoritySignOff?.staffId);
    add(duty.ending?.healthBodySignOff?.staffId);
  }
  for (const dispute of file.disputes) {
    add(dispute.withOrganisationId);
    add(dispute.leadOrganisationId);
  }
  for (const allocation of file.allocations) add(allocation.staffId);
  for (const service of file.services) {
    add(service.providerId);
    add(service.topUp?.payer);
  }
  for (const charge of file.charges) add(charge.payer);
  for (const request of file.panelRequests) add(request.providerId);
  for (const search of file.placementSearches) add(search.providerId);
  for (const meeting of file.meetings) [...meeting.invited, ...meeting.attended].forEach(add);
  for (const action of file.actions) add(action.ownerId);
  for (const communication of file.communications) {
    communication.with.forEach(add);
    add(communication.staffId);
  }
  for (const appointment of file.appointments) {
    appointment.with.forEach(add);
    add(appointment.staffId);
  }
  for (const complaint of file.complaints) {
    add(complaint.complainant);
    complaint.organisationIds.forEach(add);
    add(complaint.leadOrganisationId);
  }
  for (const ombudsmanCase of file.ombudsmanCases) for (const remedy of ombudsmanCase.remedies) add(remedy.ownerId);
  return refs;
}

/** The organisations referred to, plus the successors of any of them (a successor answers for them). */
export function referencedOrganisations(all: readonly Organisation[], refs: ReadonlySet<string>, staffOrganisationIds: Iterable<string>): Organisation[] {
  const wanted = new Set<string>([...refs, ...staffOrganisationIds]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const organisation of all) {
      if (wanted.has(organisation.id) && organisation.successorId && !wanted.has(organisation.successorId)) {
        wanted.add(organisation.successorId);
        grew = true;
      }
    }
  }
  return all.filter((organisation) => wanted.has(organisation.id));
}
