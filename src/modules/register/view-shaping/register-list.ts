/**
 * The register list page's view: the sortable column headings (links that keep the filters), the rows,
 * the selected-filter tags with their remove links, and the pagination. Pure, so it is tested alone.
 */
import type { RegisterPage, RegisterQuery } from '../api-schemas.ts';
import { registerPaths } from '../paths.ts';
import { formatCivilDate, formatNhsNumber, fullName } from './format.ts';
import { paginationView, type PaginationView } from './pagination.ts';
import { statusTag, type TagView } from './status-tags.ts';

const defaults: Partial<RegisterQuery> = { status: 'all', sort: 'name', order: 'asc', page: 1, pageSize: 25 };

/** `/people?…` with only the parameters that differ from the defaults, in a stable order. */
export function registerHref(query: Partial<RegisterQuery>): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'organisation', 'worker', 'status', 'sort', 'order', 'page', 'pageSize', 'after', 'before'] as const) {
    const value = query[key];
    if (value !== undefined && value !== '' && value !== defaults[key]) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${registerPaths.people.list()}?${search}` : registerPaths.people.list();
}

export interface ColumnView {
  label: string;
  href?: string;
  ariaSort?: 'ascending' | 'descending' | 'none';
}

export interface RegisterRowView {
  href: string;
  name: string;
  nhsNumber: string;
  dateOfBirth: string;
  council: string;
  healthBody: string;
  workers: string;
  dutyStart: string;
  status: TagView;
}

export interface RegisterListView {
  columns: ColumnView[];
  rows: RegisterRowView[];
  resultCount: string;
  pagination: PaginationView | null;
  selected: { heading: string; items: { text: string; href: string }[] }[];
  clearHref: string;
}

const sortable: Record<string, RegisterQuery['sort'] | undefined> = {
  Name: 'name',
  'NHS number': 'nhsNumber',
  'Date of birth': 'dateOfBirth',
  'Responsible council': undefined,
  'Health body': undefined,
  Worker: undefined,
  'Duty began': 'dutyStart',
  Status: undefined,
};

/**
 * Previous and next follow the page's keyset cursors (each page costs what the first does, however deep);
 * page numbers (OFFSET links) are shown only while the count is exact, that is up to 10,000 people.
 */
export function registerPagination(page: RegisterPage, query: RegisterQuery): PaginationView | null {
  const base = { ...query, after: undefined, before: undefined };
  const view = page.totalExact ? paginationView(page.page, page.pages, (n) => registerHref({ ...base, page: n })) : null;
  if (!view && !page.nextCursor && !page.previousCursor) return null;
  const { previous: _previous, next: _next, ...rest } = view ?? { items: [] };
  return {
    ...rest,
    ...(page.previousCursor ? { previous: { href: registerHref({ ...base, page: undefined, before: page.previousCursor }) } } : {}),
    ...(page.nextCursor ? { next: { href: registerHref({ ...base, page: undefined, after: page.nextCursor }) } } : {}),
  };
}

export function registerListView(page: RegisterPage, query: RegisterQuery, names: { organisations: Map<string, string>; workers: Map<string, string> }): RegisterListView {
  query = { ...query, after: undefined, before: undefined };
  const columns = Object.entries(sortable).map(([label, sort]): ColumnView => {
    if (!sort) return { label };
    const active = query.sort === sort;
    const order = active && query.order === 'asc' ? 'desc' : 'asc';
    return { label, href: registerHref({ ...query, sort, order, page: 1 }), ariaSort: active ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none' };
  });
  const rows = page.people.map((person) => ({
    href: registerPaths.people.show(person.id),
    name: `${person.familyName}, ${person.givenName}`,
    nhsNumber: person.nhsNumber ? formatNhsNumber(person.nhsNumber) : 'Not recorded',
    dateOfBirth: person.dateOfBirth ? formatCivilDate(person.dateOfBirth) : 'Not recorded',
    // names.organisations carries the successor note for a body that has since ceased
    council: person.localAuthority ? (names.organisations.get(person.localAuthority.id) ?? person.localAuthority.name) : 'None recorded',
    healthBody: person.healthBody ? (names.organisations.get(person.healthBody.id) ?? person.healthBody.name) : 'None recorded',
    workers: person.workers.map((w) => w.name).join(', ') || 'Not allocated',
    dutyStart: person.latestDutyStart ? formatCivilDate(person.latestDutyStart) : 'No duty recorded',
    status: person.openDuties > 0 ? statusTag('open', 'Open') : person.latestDutyStart ? statusTag('ended', 'Ended') : statusTag('ended', 'No duty'),
  }));
  const selected: RegisterListView['selected'] = [];
  const without = (key: keyof RegisterQuery) => registerHref({ ...query, [key]: undefined, page: 1 });
  if (query.q) selected.push({ heading: 'Name or NHS number', items: [{ text: query.q, href: without('q') }] });
  if (query.organisation) selected.push({ heading: 'Organisation', items: [{ text: names.organisations.get(query.organisation) ?? query.organisation, href: without('organisation') }] });
  if (query.worker) selected.push({ heading: 'Worker', items: [{ text: names.workers.get(query.worker) ?? query.worker, href: without('worker') }] });
  if (query.status !== 'all') selected.push({ heading: 'Duty', items: [{ text: query.status === 'open' ? 'Open' : 'Ended', href: without('status') }] });
  return {
    columns,
    rows,
    resultCount: !page.totalExact ? `More than ${page.total.toLocaleString('en-GB')} people` : page.total === 1 ? '1 person' : `${page.total.toLocaleString('en-GB')} people`,
    pagination: registerPagination(page, query),
    selected,
    clearHref: registerHref({ sort: query.sort, order: query.order }),
  };
}

export { fullName };
