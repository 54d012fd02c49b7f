/**
 * The GOV.UK pagination component's parameters for a register page: previous and next links, the first
 * and last pages, the current page with one either side, and ellipses between.
 */
export interface PaginationView {
  previous?: { href: string };
  next?: { href: string };
  items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[];
}

export function paginationView(page: number, pages: number, hrefFor: (page: number) => string): PaginationView | null {
  if (pages <= 1) return null;
  const wanted = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: PaginationView['items'] = [];
  let last = 0;
  for (const n of wanted) {
    if (n - last > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: hrefFor(n), current: n === page });
    last = n;
  }
  return {
    ...(page > 1 ? { previous: { href: hrefFor(page - 1) } } : {}),
    ...(page < pages ? { next: { href: hrefFor(page + 1) } } : {}),
    items,
  };
}
