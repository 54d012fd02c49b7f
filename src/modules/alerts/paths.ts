/** Typed path builders for the alerts: every URL of this capability is written once, here. */
const e = encodeURIComponent;

export const alertsPaths = {
  list: () => '/alerts',
  csv: () => '/alerts/alerts.csv',
  person: (personId: string) => `/people/${e(personId)}/alerts`,
  acknowledge: (personId: string) => `/people/${e(personId)}/alerts/acknowledge`,
  api: { list: () => '/api/v1/alerts' },
} as const;

/** Route patterns (Fastify syntax) for the same URLs. */
export const alertsRoutes = {
  list: '/alerts',
  csv: '/alerts/alerts.csv',
  person: '/people/:personId/alerts',
  acknowledge: '/people/:personId/alerts/acknowledge',
  api: '/api/v1/alerts',
} as const;
