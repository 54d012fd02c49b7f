/**
 * The organisations as pages show them (name, kind, code, nation, dates, successor), held in memory for a
 * minute. They are reference data (~250 rows: councils, ICBs, health boards, providers) that nearly every
 * page reads — the register filter lists them all, a person's page names those on the case — and reading
 * them was one of a person page's round trips and 244 mapped rows on every register page
 * (docs/performance.md, "Person page: 3 statements").
 *
 * Freshness: a change made through this process's services (reference data load, provider directory, a
 * case-file import creating one) forgets the cache once its transaction has ended (`withOrganisationsChanging`:
 * forgotten earlier, a page could re-read the rows as they were before the commit); an id not held (created on
 * another node) reloads it; a change made on another node shows here within ORGANISATION_CACHE_MS. Visibility never reads
 * this: who may see a case is decided in SQL on the table itself.
 */
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { organisations } from './tables.ts';

export const ORGANISATION_CACHE_MS = 60_000;

export interface OrganisationSummary {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  nation: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorId: string | null;
}

interface Loaded {
  /** By name, then id (the register filter's order). */
  sorted: OrganisationSummary[];
  byId: Map<string, OrganisationSummary>;
  loadedAt: number;
}

/** One cache a database handle (each test world has its own); a transaction is its own handle, so reads inside one are not cached across requests. */
let loadedFor = new WeakMap<object, Loaded>();

/** Forget every cached list (after a change to organisations). */
export function forgetCachedOrganisations(): void {
  loadedFor = new WeakMap();
}

/**
 * Runs `work`, a transaction that may change organisations, and forgets the cached lists once it has
 * ended. Forgetting only where the change is made (inside the transaction) left a gap until the commit, in
 * which a concurrent page of this process could read the rows as they were and keep them for a minute.
 */
export async function withOrganisationsChanging<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    forgetCachedOrganisations();
  }
}

async function load(db: DbOrTx): Promise<Loaded> {
  const { id, name, kind, code, nation, validFrom, validTo, successorId } = organisations;
  const sorted = await db.select({ id, name, kind, code, nation, validFrom, validTo, successorId }).from(organisations).orderBy(asc(organisations.name), asc(organisations.id));
  const loaded = { sorted, byId: new Map(sorted.map((org) => [org.id, org])), loadedAt: Date.now() };
  loadedFor.set(db, loaded);
  return loaded;
}

async function current(db: DbOrTx): Promise<Loaded> {
  const loaded = loadedFor.get(db);
  return loaded && Date.now() - loaded.loadedAt < ORGANISATION_CACHE_MS ? loaded : load(db);
}

/** Every organisation, by name. */
export async function allOrganisations(db: DbOrTx): Promise<OrganisationSummary[]> {
  return (await current(db)).sorted;
}

/**
 * The organisations asked for and then every successor they name in turn (so a page can say who answers
 * now): each round in id order, as the table read it. An id not held reloads the list once (an organisation
 * created since it was read, perhaps on another node).
 */
export async function organisationsWithSuccessors(db: DbOrTx, ids: readonly string[]): Promise<OrganisationSummary[]> {
  let loaded = await current(db);
  if (ids.some((id) => !loaded.byId.has(id))) loaded = await load(db);
  const found = new Map<string, OrganisationSummary>();
  let wanted = [...new Set(ids)];
  while (wanted.length > 0) {
    const round = wanted.flatMap((id) => {
      const org = loaded.byId.get(id);
      return org && !found.has(id) ? [org] : [];
    });
    round.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const org of round) found.set(org.id, org);
    wanted = [...new Set(round.flatMap((org) => (org.successorId && !found.has(org.successorId) ? [org.successorId] : [])))];
  }
  return [...found.values()];
}
