/** Typed path builders for the interoperability pages and endpoints. */
export const interopPaths = {
  importRegister: () => '/admin/import-register',
  importRegisterCommit: () => '/admin/import-register/commit',
  cld: () => '/reports/cld',
  personFhir: (personId: string) => `/api/v1/people/${encodeURIComponent(personId)}/fhir`,
} as const;

export const interopRoutes = {
  importRegister: '/admin/import-register',
  importRegisterCommit: '/admin/import-register/commit',
  cld: '/reports/cld',
  personFhir: '/api/v1/people/:personId/fhir',
} as const;
