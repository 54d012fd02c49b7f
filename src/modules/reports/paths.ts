/** Typed path builders for the dashboards and exports. */
export const reportsPaths = {
  dashboard: () => '/dashboard',
  dutyList: (list: string) => `/dashboard/duties/${encodeURIComponent(list)}`,
  registerCsv: () => '/reports/register.csv',
} as const;

export const reportsRoutes = {
  dashboard: '/dashboard',
  dutyList: '/dashboard/duties/:list',
  registerCsv: '/reports/register.csv',
} as const;
