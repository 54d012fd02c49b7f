/**
 * Importing a case file (`../shared/contracts/case-file.md`, "Import records history as it was").
 * Organisations are matched by code, else by id; staff by id within their organisation; what matches
 * nothing is created (with a fresh id when the file's id is taken by a different record). The person keeps
 * their id; an id already on the register is a conflict whoever holds it. Each section goes to the store
 * that owns it (the register's, and those other capabilities pass in); a non-empty section no store owns
 * is refused by name, never dropped.
 */
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { organisations } from '../../platform/organisations/tables.ts';
import { users } from '../../platform/users/tables.ts';
import { assertAnyPermission } from '../../platform/permissions.ts';
import type { CaseFile } from '../../domain/case-file/schema.ts';
import { validateCaseFile } from '../../domain/case-file/validate.ts';
import * as map from './case-file-mapping.ts';
import { contractSections, unstoredSectionIssues } from './case-references.ts';
import { registerSectionStore, type ImportIds, type SectionStore } from './register-section-store.ts';
import { forgetCachedOrganisations } from '../../platform/organisations/directory.ts';
import { organisationsByCodes, organisationsByIds, personIdExists, personIdWithNhsNumber, staffByIds } from './repository.ts';
import { organisationExt, people, staff } from './tables.ts';

export interface ImportResult {
  personId: string;
  createdOrganisations: number;
  createdStaff: number;
}

const ownedBy = (stores: readonly SectionStore[]) => [...new Set(stores.flatMap((store) => store.sections))];

/**
 * Checks a case file against the contract (schema and references, `domain/case-file/validate.ts`) and
 * refuses sections no store can keep; throws one ValidationError naming every problem.
 */
export function checkCaseFile(input: unknown, stores: readonly SectionStore[] = [registerSectionStore]): CaseFile {
  const result = validateCaseFile(input);
  const unstored = typeof input === 'object' && input !== null ? unstoredSectionIssues(input as Record<string, unknown>, ownedBy(stores)) : [];
  if (!result.ok) throw new ValidationError([...unstored, ...result.errors], 'The case file is not valid');
  if (unstored.length > 0) throw new ValidationError(unstored, 'The case file holds sections Aftercare cannot store yet');
  return result.caseFile;
}

export async function importCaseFile(tx: DbOrTx, ctx: ServiceContext, input: unknown, otherStores: readonly SectionStore[] = []): Promise<ImportResult> {
  // A practitioner imports a case; an administrator moving a council's legacy register in holds register:import.
  assertAnyPermission(ctx.actor, 'case:write', 'register:import');
  const stores = [registerSectionStore, ...otherStores];
  const file = checkCaseFile(input, stores);
  const personId = file.person.id;
  if (await personIdExists(tx, personId)) {
    throw new ConflictError({ personId }, { personId }, `A person with the id "${personId}" is already on the register`);
  }
  if (file.person.nhsNumber && (await personIdWithNhsNumber(tx, file.person.nhsNumber))) {
    throw new ConflictError({ nhsNumber: file.person.nhsNumber }, { nhsNumber: file.person.nhsNumber }, 'A person with this NHS number is already on the register');
  }

  const { organisationIds, created: createdOrganisations } = await matchOrganisations(tx, file);
  const { staffIds, created: createdStaff } = await matchStaff(tx, file, organisationIds);
  const ids: ImportIds = {
    organisation: (id) => organisationIds.get(id) ?? id,
    staff: (id) => staffIds.get(id) ?? id,
    ref: (ref) => staffIds.get(ref) ?? organisationIds.get(ref) ?? ref,
  };

  await tx.insert(people).values({ ...map.personToRow(file.person, ctx.actor.organisationId), caseFileExt: file.ext ?? null });
  for (const store of stores) await store.importSections(tx, ctx, personId, file, ids);

  const counts = Object.fromEntries(contractSections.filter((s) => file[s].length > 0).map((s) => [s, file[s].length]));
  await recordAudit(tx, ctx, { action: 'case.import', recordType: 'person', recordId: personId, personId, after: { ...counts, createdOrganisations, createdStaff } });
  return { personId, createdOrganisations, createdStaff };
}

/** File organisation id → register organisation id, creating those that match nothing (by code, else by id). */
export async function matchOrganisations(tx: DbOrTx, file: Pick<CaseFile, 'organisations'>) {
  const byCode = new Map((await organisationsByCodes(tx, file.organisations.flatMap((o) => (o.code ? [o.code] : [])))).map((o) => [o.code as string, o.id]));
  const takenIds = new Set((await organisationsByIds(tx, file.organisations.map((o) => o.id))).map((o) => o.id));
  const plan = planOrganisations(file, byCode, takenIds);
  if (plan.rows.length > 0) {
    await tx.insert(organisations).values(plan.rows);
    if (plan.extRows.length > 0) await tx.insert(organisationExt).values(plan.extRows);
    // Also here: `importCaseFile` runs inside a caller's own transaction, which may not forget after it.
    forgetCachedOrganisations();
  }
  return { organisationIds: plan.organisationIds, created: plan.rows.length, createdIds: plan.rows.map((row) => row.id) };
}

/**
 * The matching itself, against what the register holds (organisation id by code, the ids taken): pure, so
 * a batch of files can be matched file after file in memory (`case-file-batch-import.ts`).
 */
export function planOrganisations(file: Pick<CaseFile, 'organisations'>, byCode: ReadonlyMap<string, string>, takenIds: ReadonlySet<string>) {
  const organisationIds = new Map<string, string>();
  const toCreate: CaseFile['organisations'] = [];
  for (const o of file.organisations) {
    const matched = o.code ? byCode.get(o.code) : takenIds.has(o.id) ? o.id : undefined;
    if (matched !== undefined) {
      organisationIds.set(o.id, matched);
      continue;
    }
    const id = takenIds.has(o.id) ? randomUUID() : o.id;
    organisationIds.set(o.id, id);
    toCreate.push(o);
  }
  const rows = toCreate.map((o) => ({
    id: organisationIds.get(o.id) ?? o.id,
    name: o.name,
    kind: o.kind,
    code: o.code ?? null,
    nation: o.nation ?? null,
    cqc: o.cqc ?? null,
    validFrom: o.validFrom ?? null,
    validTo: o.validTo ?? null,
    successorId: o.successorId === undefined ? null : (organisationIds.get(o.successorId) ?? o.successorId),
  })) satisfies (typeof organisations.$inferInsert)[];
  const extRows = toCreate.filter((o) => o.ext !== undefined).map((o) => ({ organisationId: organisationIds.get(o.id) ?? o.id, ext: o.ext ?? {} }));
  return { organisationIds, rows, extRows };
}

/** File staff id → register staff id: the same id when it is free or already this organisation's worker. */
async function matchStaff(tx: DbOrTx, file: CaseFile, organisationIds: Map<string, string>) {
  const ids = file.staff.map((s) => s.id);
  const existing = new Map((await staffByIds(tx, ids)).map((s) => [s.id, s.organisationId]));
  const userOrganisations = ids.length
    ? new Map((await tx.select({ id: users.id, organisationId: users.organisationId }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.organisationId]))
    : new Map<string, string>();
  const { staffIds, rows } = planStaff(file, organisationIds, existing, userOrganisations);
  if (rows.length > 0) await tx.insert(staff).values(rows);
  return { staffIds, created: rows.length };
}

/** The staff matching itself, against the staff (id → organisation) and users the register holds: pure, as `planOrganisations`. */
export function planStaff(file: Pick<CaseFile, 'staff'>, organisationIds: ReadonlyMap<string, string>, existing: ReadonlyMap<string, string>, userOrganisations: ReadonlyMap<string, string | null>) {
  const staffIds = new Map<string, string>();
  const rows: (typeof staff.$inferInsert & { id: string; organisationId: string })[] = [];
  for (const s of file.staff) {
    const organisationId = organisationIds.get(s.organisationId) ?? s.organisationId;
    const holder = existing.get(s.id);
    if (holder === organisationId) {
      staffIds.set(s.id, s.id);
      continue;
    }
    const userHolder = userOrganisations.get(s.id);
    const free = holder === undefined && (userHolder === undefined || userHolder === organisationId);
    const id = free ? s.id : randomUUID();
    staffIds.set(s.id, id);
    rows.push({ id, name: s.name, organisationId, role: s.role ?? null, ext: s.ext ?? null });
  }
  return { staffIds, rows };
}
