/**
 * Exporting one person's case as a case file: the register sections as stored (ids as imported), empty
 * arrays for the sections the register does not hold yet, and exactly the organisations and staff the case
 * refers to (with the successors those organisations name), so that an exported file imported elsewhere
 * and exported again is unchanged.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { OrganisationRow } from '../../platform/organisations/tables.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { CASE_FILE_SCHEMA_ID, type CaseFile, type Organisation } from '../../domain/case-file/schema.ts';
import * as map from './case-file-mapping.ts';
import { unstoredSectionsOf } from './case-references.ts';
import { registerSectionStore, type SectionStore } from './register-section-store.ts';
import { organisationExtsOf, organisationsByIds, staffByIds } from './repository.ts';
import { organisationsWithSuccessorsOfMany, peopleOfIds, staffOfIds } from './case-rows-of-many.ts';
import type { IdRange } from '../../platform/db/rows-by-ids.ts';
import { requireVisiblePerson } from './use-case.ts';
import { people } from './tables.ts';

export function organisationFromRow(row: Omit<OrganisationRow, 'createdAt' | 'updatedAt' | 'version'>, ext?: Record<string, unknown>): Organisation {
  const { id, name, kind, code, nation, cqc, validFrom, validTo, successorId } = row;
  return map.compact({ id, name, kind, code, nation, cqc, validFrom, validTo, successorId, ext }) as Organisation;
}

export async function exportCaseFile(tx: DbOrTx, ctx: ServiceContext, personId: string, otherStores: readonly SectionStore[] = []): Promise<CaseFile> {
  assertPermission(ctx.actor, 'case:read');
  await requireVisiblePerson(tx, ctx.actor, personId);
  const file = await readCaseFile(tx, personId, otherStores);
  await recordAudit(tx, ctx, { action: 'case.export', recordType: 'person', recordId: personId, personId });
  return file;
}

/**
 * A person's case file for the system's own use (recomputing alerts, the sweep): no permission check, no
 * visibility filter and no audit event. Never hand its result to a user; `exportCaseFile` is for them.
 */
export async function readCaseFile(tx: DbOrTx, personId: string, otherStores: readonly SectionStore[] = []): Promise<CaseFile> {
  const [person] = await tx.select().from(people).where(eq(people.id, personId)).limit(1);
  if (!person) throw new NotFoundError('No such person');
  const stores = [registerSectionStore, ...otherStores];
  const empty = Object.fromEntries(unstoredSectionsOf(stores.flatMap((s) => s.sections)).map((section) => [section, []]));
  let sections: Partial<CaseFile> = { ...empty };
  const organisationIds: string[] = [];
  const staffIds: string[] = [];
  for (const store of stores) {
    const owned = await store.exportSections(tx, personId);
    sections = { ...sections, ...owned };
    const referenced = store.referencedIds(owned);
    organisationIds.push(...referenced.organisationIds);
    staffIds.push(...referenced.staffIds);
  }
  const staff = (await staffByIds(tx, [...new Set(staffIds)])).map(map.staffFromRow);
  const organisations = await withSuccessors(tx, [...organisationIds, ...staff.map((s) => s.organisationId)]);
  const organisationExts = await organisationExtsOf(tx, organisations.map((o) => o.id));
  return {
    schema: CASE_FILE_SCHEMA_ID,
    organisations: organisations.map((row) => organisationFromRow(row, organisationExts.get(row.id))),
    staff,
    person: map.personFromRow(person),
    ...sections,
    ...(person.caseFileExt ? { ext: person.caseFileExt } : {}),
  } as CaseFile;
}

/**
 * `readCaseFile` for many people at once, with a few set-based statements instead of ~30 a person (the sweep):
 * by person id, each file equal to what `readCaseFile` gives. Ids with no person are left out. A store without
 * `exportSectionsOfMany` is read person by person. Rows are read without the timestamps and versions no case
 * file holds, and without Drizzle's row mapping (`rowsByIds`): most of the sweep's Node CPU was reading.
 * `range`: the ids are every person from its first to its last id (a sweep batch), read as index ranges.
 */
export async function readCaseFiles(tx: DbOrTx, personIds: readonly string[], otherStores: readonly SectionStore[] = [], range?: IdRange): Promise<Map<string, CaseFile>> {
  if (personIds.length === 0) return new Map();
  const personRows = await peopleOfIds(tx, personIds, range);
  const ids = personRows.map((row) => row.id);
  const stores = [registerSectionStore, ...otherStores];
  const empty = unstoredSectionsOf(stores.flatMap((s) => s.sections));
  // Each file is built in place, its keys in `readCaseFile`'s order (schema, organisations, staff, person,
  // the unstored sections, each store's sections, ext): no copy of a whole file a store.
  const files = new Map<string, Record<string, unknown>>();
  const referenced = new Map<string, { organisationIds: string[]; staffIds: string[] }>();
  for (const person of personRows) {
    const file: Record<string, unknown> = { schema: CASE_FILE_SCHEMA_ID, organisations: [], staff: [], person: map.personFromRow(person) };
    for (const section of empty) file[section] = [];
    files.set(person.id, file);
    referenced.set(person.id, { organisationIds: [], staffIds: [] });
  }
  for (const store of stores) {
    let owned: Map<string, Partial<CaseFile>>;
    // The range still holds the people found (ids with no person only shrink the list).
    if (store.exportSectionsOfMany) owned = await store.exportSectionsOfMany(tx, ids, range);
    else {
      owned = new Map();
      for (const id of ids) owned.set(id, await store.exportSections(tx, id)); // one query at a time on a client
    }
    for (const id of ids) {
      const own = owned.get(id) ?? {};
      Object.assign(files.get(id) as Record<string, unknown>, own);
      const refs = store.referencedIds(own);
      const mine = referenced.get(id) as { organisationIds: string[]; staffIds: string[] };
      for (const ref of refs.organisationIds) mine.organisationIds.push(ref);
      for (const ref of refs.staffIds) mine.staffIds.push(ref);
    }
  }
  const staffIds = new Set<string>();
  for (const refs of referenced.values()) for (const id of refs.staffIds) staffIds.add(id);
  const allStaff = (await staffOfIds(tx, [...staffIds])).map(map.staffFromRow);
  const organisationIds = new Set<string>(allStaff.map((s) => s.organisationId));
  for (const refs of referenced.values()) for (const id of refs.organisationIds) organisationIds.add(id);
  const { rows: allOrganisations, exts: organisationExts } = await organisationsWithSuccessorsOfMany(tx, [...organisationIds]);
  // The batch's staff (staffByIds' order, by id) and organisations (sorted by id, as withSuccessors gives
  // them) each read once; a person's are found by position, so their lists keep that order with a sort of
  // numbers. One organisation object serves every file that names it (the rules only read a file).
  const staffPosition = new Map(allStaff.map((s, i) => [s.id, i]));
  const organisationRows = [...allOrganisations.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const organisationPosition = new Map(organisationRows.map((row, i) => [row.id, i]));
  const organisationFiles = organisationRows.map((row) => organisationFromRow(row, organisationExts.get(row.id)));
  const byNumber = (a: number, b: number) => a - b;
  for (const person of personRows) {
    const refs = referenced.get(person.id) ?? { organisationIds: [], staffIds: [] };
    const staffAt = new Set<number>();
    for (const id of refs.staffIds) {
      const at = staffPosition.get(id);
      if (at !== undefined) staffAt.add(at);
    }
    const staff = [...staffAt].sort(byNumber).map((i) => allStaff[i] as (typeof allStaff)[number]);
    // The same closure as withSuccessors, over the rows already read.
    const named = new Set<number>();
    const wanted = [...refs.organisationIds];
    for (const s of staff) wanted.push(s.organisationId);
    while (wanted.length > 0) {
      const at = organisationPosition.get(wanted.pop() as string);
      if (at === undefined || named.has(at)) continue;
      named.add(at);
      const successor = organisationRows[at]?.successorId;
      if (successor) wanted.push(successor);
    }
    const file = files.get(person.id) as Record<string, unknown>;
    file.organisations = [...named].sort(byNumber).map((i) => organisationFiles[i]);
    file.staff = staff;
    if (person.caseFileExt) file.ext = person.caseFileExt;
  }
  return files as Map<string, CaseFile>;
}

/** The organisations named, and every successor they name in turn (a file must hold what it refers to). */
async function withSuccessors(tx: DbOrTx, ids: string[]): Promise<OrganisationRow[]> {
  const found = new Map<string, OrganisationRow>();
  const asked = new Set<string>();
  let wanted = [...new Set(ids)];
  while (wanted.length > 0) {
    for (const id of wanted) asked.add(id);
    for (const row of await organisationsByIds(tx, wanted)) found.set(row.id, row);
    wanted = [...new Set([...found.values()].flatMap((row) => (row.successorId && !asked.has(row.successorId) ? [row.successorId] : [])))];
  }
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
