/**
 * The register's rows of many people's cases at once (the sweep's batches, the batch import's alert
 * recompute): one statement a table, each row what a case file is made of — not the timestamps and version
 * (a case file holds neither), nor the case's shares (a case file does not hold them) — read without
 * Drizzle's row mapping (`rowsByIds`). Each person's rows are `loadCaseRows`' rows for that person, in
 * its order, less those columns.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import { rowsByIds, type IdRange } from '../../platform/db/rows-by-ids.ts';
import { organisations } from '../../platform/organisations/tables.ts';
import { allocations, contacts, ctos, detentions, disputes, duties, gpRegistrations, organisationExt, people, residences, staff } from './tables.ts';

/** The columns no case file holds. */
export const auditColumns = ['createdAt', 'updatedAt', 'version'] as const;

const readers = {
  contacts: rowsByIds(contacts, { by: (t) => t.personId, orderBy: (t) => [t.createdAt, t.id], omit: auditColumns }),
  detentions: rowsByIds(detentions, { by: (t) => t.personId, orderBy: (t) => [t.start, t.id], omit: auditColumns }),
  ctos: rowsByIds(ctos, { by: (t) => t.personId, orderBy: (t) => [t.start, t.id], omit: auditColumns }),
  residences: rowsByIds(residences, { by: (t) => t.personId, orderBy: (t) => [t.from, t.id], omit: auditColumns }),
  gpRegistrations: rowsByIds(gpRegistrations, { by: (t) => t.personId, orderBy: (t) => [t.from, t.id], omit: auditColumns }),
  duties: rowsByIds(duties, { by: (t) => t.personId, orderBy: (t) => [t.start, t.id], omit: auditColumns }),
  disputes: rowsByIds(disputes, { by: (t) => t.personId, orderBy: (t) => [t.openedOn, t.id], omit: auditColumns }),
  allocations: rowsByIds(allocations, { by: (t) => t.personId, orderBy: (t) => [t.from, t.id], omit: auditColumns }),
};

type Section = keyof typeof readers;
const sections = Object.keys(readers) as Section[];

/** A case's register rows as a case file needs them. */
export type CaseFileRows = { [S in Section]: Awaited<ReturnType<(typeof readers)[S]['read']>> };

/** Many people's register rows by person id (every id given, with empty lists for a person without rows). */
export async function loadCaseRowsOfMany(db: DbOrTx, personIds: readonly string[], range?: IdRange): Promise<Map<string, CaseFileRows>> {
  const out = new Map<string, CaseFileRows>();
  for (const id of personIds) out.set(id, { contacts: [], detentions: [], ctos: [], residences: [], gpRegistrations: [], duties: [], disputes: [], allocations: [] });
  if (personIds.length === 0) return out;
  for (const section of sections) {
    // One statement after another: inside a transaction they share one connection.
    for (const row of await readers[section].read(db, personIds, range)) (out.get(row.personId)?.[section] as { personId: string }[] | undefined)?.push(row);
  }
  return out;
}

const peopleReader = rowsByIds(people, { by: (t) => t.id, orderBy: () => [], omit: auditColumns });
const staffReader = rowsByIds(staff, { by: (t) => t.id, orderBy: (t) => [t.id], omit: auditColumns });

/** The people of these ids (any order), without their timestamps and version. */
export const peopleOfIds = (db: DbOrTx, ids: readonly string[], range?: IdRange) => peopleReader.read(db, ids, range);

/** `staffByIds` without the timestamps and version, in id order. */
export const staffOfIds = (db: DbOrTx, ids: readonly string[]) => staffReader.read(db, ids);

const organisationReader = rowsByIds(organisations, { by: (t) => t.id, orderBy: () => [], omit: auditColumns });
const organisationExtReader = rowsByIds(organisationExt, { by: (t) => t.organisationId, orderBy: () => [], omit: [] });
export type OrganisationFileRow = Awaited<ReturnType<typeof organisationReader.read>>[number];

/**
 * The organisations named and every successor they name in turn, by id (as `withSuccessors` finds them),
 * with the case-file `ext` kept for each.
 */
export async function organisationsWithSuccessorsOfMany(db: DbOrTx, ids: readonly string[]): Promise<{ rows: Map<string, OrganisationFileRow>; exts: Map<string, Record<string, unknown>> }> {
  const rows = new Map<string, OrganisationFileRow>();
  const asked = new Set<string>();
  let wanted = [...new Set(ids)];
  while (wanted.length > 0) {
    for (const id of wanted) asked.add(id);
    const next = new Set<string>();
    for (const row of await organisationReader.read(db, wanted)) {
      rows.set(row.id, row);
      if (row.successorId && !asked.has(row.successorId)) next.add(row.successorId);
    }
    wanted = [...next];
  }
  const exts = new Map<string, Record<string, unknown>>();
  for (const row of await organisationExtReader.read(db, [...rows.keys()])) exts.set(row.organisationId, row.ext);
  return { rows, exts };
}
