/** GOV.UK pagination for the audit search: previous, next and nearby page numbers, keeping the filters. */
import type { AuditQuery } from './audit-query.ts';

export function auditPagination(query: AuditQuery, result: { page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (key !== 'page' && typeof value === 'string' && value !== '') params.set(key, value);
    params.set('page', String(page));
    return `/audit?${params.toString()}`;
  };
  if (pages <= 1) return null;
  const items = [];
  for (let page = 1; page <= pages; page++) {
    if (page === 1 || page === pages || Math.abs(page - result.page) <= 2) items.push({ number: page, href: href(page), current: page === result.page });
    else if (items.at(-1)?.ellipsis !== true) items.push({ ellipsis: true });
  }
  return {
    previous: result.page > 1 ? { href: href(result.page - 1) } : undefined,
    next: result.page < pages ? { href: href(result.page + 1) } : undefined,
    items,
  };
}
