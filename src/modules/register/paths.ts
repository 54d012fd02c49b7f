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
    contacts: (id: string) => `/api/v1/people/${e(id)}/contacts`,
    contact: (id: string, contactId: string) => `/api/v1/people/${e(id)}/contacts/${e(contactId)}`,
    detentions: (id: string) => `/api/v1/people/${e(id)}/detentions`,
    detention: (id: string, detentionId: string) => `/api/v1/people/${e(id)}/detentions/${e(detentionId)}`,
    ctos: (id: string) => `/api/v1/people/${e(id)}/ctos`,
    residences: (id: string) => `/api/v1/people/${e(id)}/residences`,
    gpRegistrations: (id: string) => `/api/v1/people/${e(id)}/gp-registrations`,
    duties: (id: string) => `/api/v1/people/${e(id)}/duties`,
    duty: (id: string, dutyId: string) => `/api/v1/people/${e(id)}/duties/${e(dutyId)}`,
    allocations: (id: string) => `/api/v1/people/${e(id)}/allocations`,
    allocation: (id: string, allocationId: string) => `/api/v1/people/${e(id)}/allocations/${e(allocationId)}`,
    shares: (id: string) => `/api/v1/people/${e(id)}/shares`,
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
