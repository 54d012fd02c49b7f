/** Typed path builders for the chronology and the journey picture. */
const e = encodeURIComponent;

export const chronologyPaths = {
  chronology: (personId: string) => `/people/${e(personId)}/chronology`,
  pdf: (personId: string) => `/people/${e(personId)}/chronology/chronology.pdf`,
  caseFile: (personId: string) => `/people/${e(personId)}/chronology/case-file.json`,
  journey: (personId: string) => `/people/${e(personId)}/journey`,
} as const;

export const chronologyRoutes = {
  chronology: '/people/:personId/chronology',
  pdf: '/people/:personId/chronology/chronology.pdf',
  caseFile: '/people/:personId/chronology/case-file.json',
  journey: '/people/:personId/journey',
} as const;
