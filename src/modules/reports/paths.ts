/** Typed path builders for the dashboards and exports. */
export const reportsPaths = {
  dashboard: () => '/dashboard',
  dutyList: (list: string) => `/dashboard/duties/${encodeURIComponent(list)}`,
  registerCsv: () => '/reports/register.csv',
  /** The alerts held on a date, of a rule and/or a team: the list behind the organisation's counts. */
  heldAlerts: (on: string, filter: { rule?: string; team?: string } = {}) =>
    `/dashboard/alerts-held?${new URLSearchParams({ on, ...(filter.rule ? { rule: filter.rule } : {}), ...(filter.team ? { team: filter.team } : {}) })}`,
} as const;

export const reportsRoutes = {
  heldAlerts: '/dashboard/alerts-held',
  dashboard: '/dashboard',
  dutyList: '/dashboard/duties/:list',
  registerCsv: '/reports/register.csv',
} as const;
