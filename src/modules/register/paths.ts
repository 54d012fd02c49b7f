/**
 * Typed path builders for the register: every URL of this capability is written once, here.
 * Ids are encoded, so a case-file id with odd characters cannot break out of its segment.
 */
const e = encodeURIComponent;

export type PersonSection = 'overview' | 'duties' | 'contacts' | 'residence' | 'allocation';

const person = (id: string) => `/people/${e(id)}`;

export const registerPaths = {
  people: {
    list: () => '/people',
    new: () => '/people/new',
    check: () => '/people/new/check',
    show: person,
    section: (id: string, section: PersonSection) => (section === 'overview' ? person(id) : `${person(id)}/${section}`),
    edit: (id: string) => `${person(id)}/edit`,
    detentions: { new: (id: string) => `${person(id)}/detentions/new` },
    duties: {
      new: (id: string) => `${person(id)}/duties/new`,
      end: (id: string, dutyId: string) => `${person(id)}/duties/${e(dutyId)}/end`,
    },
    contacts: { new: (id: string) => `${person(id)}/contacts/new` },
    residences: { new: (id: string) => `${person(id)}/residences/new` },
    gpRegistrations: { new: (id: string) => `${person(id)}/gp-registrations/new` },
    allocations: {
      new: (id: string) => `${person(id)}/allocations/new`,
      end: (id: string, allocationId: string) => `${person(id)}/allocations/${e(allocationId)}/end`,
    },
    shares: { new: (id: string) => `${person(id)}/shares/new` },
  },
  api: {
    people: () => '/api/v1/people',
    person: (id: string) => `/api/v1/people/${e(id)}`,
    caseFile: (id: string) => `/api/v1/people/${e(id)}/case-file`,
    caseFiles: () => '/api/v1/case-files',
  },
} as const;

/**
 * Route patterns for Fastify, kept beside the builders so a route and its links cannot drift apart.
 */
export const registerRoutes = {
  list: '/people',
  new: '/people/new',
  check: '/people/new/check',
  show: '/people/:personId',
  duties: '/people/:personId/duties',
  contacts: '/people/:personId/contacts',
  residence: '/people/:personId/residence',
  allocation: '/people/:personId/allocation',
  edit: '/people/:personId/edit',
  newDetention: '/people/:personId/detentions/new',
  newDuty: '/people/:personId/duties/new',
  endDuty: '/people/:personId/duties/:dutyId/end',
  newContact: '/people/:personId/contacts/new',
  newResidence: '/people/:personId/residences/new',
  newGpRegistration: '/people/:personId/gp-registrations/new',
  newAllocation: '/people/:personId/allocations/new',
  endAllocation: '/people/:personId/allocations/:allocationId/end',
  newShare: '/people/:personId/shares/new',
} as const;

/** The `/api/v1` route patterns; sub-records hang off `personRecords` (e.g. `/contacts/:contactId`). */
export const registerApiRoutes = {
  people: '/api/v1/people',
  person: '/api/v1/people/:personId',
  caseFile: '/api/v1/people/:personId/case-file',
  caseFiles: '/api/v1/case-files',
  shares: '/api/v1/people/:personId/shares',
  personRecords: '/api/v1/people/:personId',
} as const;
