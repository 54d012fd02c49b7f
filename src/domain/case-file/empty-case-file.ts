/**
 * A case file with every section present and empty: the one place that lists the contract's sections, for
 * builders (the demo generator, the legacy-register import, tests) that fill in only what they have.
 */
import { CASE_FILE_SCHEMA_ID, type CaseFile } from './schema.ts';

export function emptyCaseFile(parts: Pick<CaseFile, 'person'> & Partial<Omit<CaseFile, 'schema'>>): CaseFile {
  const { person, ...sections } = parts;
  // Keys in the contract's order: a section given later keeps its place.
  return {
    schema: CASE_FILE_SCHEMA_ID,
    organisations: [],
    staff: [],
    person,
    contacts: [],
    detentions: [],
    ctos: [],
    residences: [],
    gpRegistrations: [],
    duties: [],
    disputes: [],
    allocations: [],
    carePlans: [],
    services: [],
    charges: [],
    paymentOffers: [],
    panelRequests: [],
    placementSearches: [],
    meetings: [],
    decisions: [],
    actions: [],
    communicationPlans: [],
    communications: [],
    appointments: [],
    complaints: [],
    ombudsmanCases: [],
    ...sections,
  };
}
