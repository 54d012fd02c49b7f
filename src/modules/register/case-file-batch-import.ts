/**
 * Importing many case files at once (`aftercare import`): the same outcome, file by file, as importing each
 * in its own transaction (`case-file-import.ts`), in a handful of statements a batch instead of ~70 a file.
 *
 * Each file is validated alone (every problem with its path). The batch's transaction then reads once what
 * the files' checks need (which person ids and NHS numbers are taken, the organisations by code and id, the
 * staff and users by id), and checks and matches the files in order in memory, as one file after another
 * would see the register: a file whose person id or NHS number is taken (also by an earlier file of the
 * batch) is refused with the same conflict, and an organisation or worker an earlier file created is
 * matched, not created again. The section stores are called with a recording transaction, so every table's
 * rows for the whole batch and the `case.import` events are written with one statement (`bulkInsertAll`),
 * then the case-change listeners run once for the batch (the alerts recomputed set-based).
 *
 * The writes run in a savepoint: should the database refuse any of them (a concurrent importer took an id
 * or an NHS number after the reads), it is rolled back and the batch's files are imported one by one, each
 * in a savepoint of its own through the single-file import, so a file is still wholly in or wholly out.
 *
 * Batches handed over for the same database run one after another, in the order given; a caller may hand
 * over the next batch before the previous one has finished (`aftercare import` keeps one batch ahead). That
 * batch's files are checked while the previous batch's writes are in the database (Node and PostgreSQL at
 * work at once instead of in turn), and its transaction begins when the previous one has ended, so it sees
 * what that batch wrote. Should the previous batch fail, this one is not begun.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import { auditRow } from '../../platform/audit/audit-trail.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/client.ts';
import { bulkInsertAll } from '../../platform/db/bulk-insert.ts';
import { inTextList } from '../../platform/db/in-list.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { organisations } from '../../platform/organisations/tables.ts';
import { assertAnyPermission } from '../../platform/permissions.ts';
import { users } from '../../platform/users/tables.ts';
import type { CaseFile } from '../../domain/case-file/schema.ts';
import * as map from './case-file-mapping.ts';
import { checkCaseFile, planOrganisations, planStaff, type ImportResult } from './case-file-import.ts';
import { contractSections } from './case-references.ts';
import { registerSectionStore, type ImportIds, type SectionStore } from './register-section-store.ts';
import { organisationsByCodes, organisationsByIds, staffByIds } from './repository.ts';
import { organisationExt, people, staff } from './tables.ts';

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; error: ValidationError | ConflictError };

export interface BatchImportDeps {
  /** The other capabilities' section stores (the register's own is always first). */
  stores: readonly SectionStore[];
  /** The single-file import with its listeners, inside the given transaction (the fallback). */
  importOne(tx: Tx, ctx: ServiceContext, file: CaseFile): Promise<ImportResult>;
  /** The case-change listeners for the batch's imported people, inside the batch's transaction. */
  casesChanged(tx: Tx, ctx: ServiceContext, personIds: readonly string[]): Promise<void>;
}

type Rows = Record<string, unknown>[];

/** A transaction look-alike that keeps what `insert(table).values(rows)` would write, by table, in first-seen order. */
function recordingTx(rowsByTable: Map<PgTable, Rows>): DbOrTx {
  return {
    insert: (table: PgTable) => ({
      values: async (rows: Record<string, unknown> | Rows) => {
        const list = rowsByTable.get(table) ?? [];
        rowsByTable.set(table, list);
        for (const row of Array.isArray(rows) ? rows : [rows]) list.push(row);
      },
    }),
  } as unknown as DbOrTx;
}

const unique = (values: readonly string[]) => [...new Set(values)];

/** The batch checked and matched in memory: each file's conflict, or its result and rows. */
async function planBatch(tx: DbOrTx, ctx: ServiceContext, files: readonly CaseFile[], stores: readonly SectionStore[]) {
  const personIds = unique(files.map((f) => f.person.id));
  const nhsNumbers = unique(files.flatMap((f) => (f.person.nhsNumber ? [f.person.nhsNumber] : [])));
  const codes = unique(files.flatMap((f) => f.organisations.flatMap((o) => (o.code ? [o.code] : []))));
  const staffIdsInFiles = unique(files.flatMap((f) => f.staff.map((s) => s.id)));
  const takenPeople = new Set(personIds.length ? (await tx.select({ id: people.id }).from(people).where(inTextList(people.id, personIds))).map((r) => r.id) : []);
  const takenNhs = new Set(
    nhsNumbers.length ? (await tx.select({ nhs: people.nhsNumber }).from(people).where(inTextList(people.nhsNumber, nhsNumbers))).map((r) => r.nhs as string) : [],
  );
  const byCode = new Map((await organisationsByCodes(tx, codes)).map((o) => [o.code as string, o.id]));
  const takenOrganisations = new Set((await organisationsByIds(tx, unique(files.flatMap((f) => f.organisations.map((o) => o.id))))).map((o) => o.id));
  const existingStaff = new Map((await staffByIds(tx, staffIdsInFiles)).map((s) => [s.id, s.organisationId]));
  const userOrganisations = new Map<string, string | null>(
    staffIdsInFiles.length ? (await tx.select({ id: users.id, organisationId: users.organisationId }).from(users).where(inTextList(users.id, staffIdsInFiles))).map((u) => [u.id, u.organisationId]) : [],
  );

  const tables = new Map<PgTable, Rows>([
    [organisations, []],
    [organisationExt, []],
    [staff, []],
    [people, []],
  ]);
  const recorder = recordingTx(tables);
  const audit: (typeof auditEvents.$inferInsert)[] = [];
  const outcomes: ImportOutcome[] = [];
  const imported: string[] = [];
  for (const file of files) {
    const personId = file.person.id;
    if (takenPeople.has(personId)) {
      outcomes.push({ ok: false, error: new ConflictError({ personId }, { personId }, `A person with the id "${personId}" is already on the register`) });
      continue;
    }
    const nhs = file.person.nhsNumber;
    if (nhs && takenNhs.has(nhs)) {
      outcomes.push({ ok: false, error: new ConflictError({ nhsNumber: nhs }, { nhsNumber: nhs }, 'A person with this NHS number is already on the register') });
      continue;
    }
    takenPeople.add(personId);
    if (nhs) takenNhs.add(nhs);
    // What this file creates is on the register for the files after it.
    const orgPlan = planOrganisations(file, byCode, takenOrganisations);
    for (const row of orgPlan.rows) {
      takenOrganisations.add(row.id);
      if (row.code) byCode.set(row.code, row.id);
    }
    const staffPlan = planStaff(file, orgPlan.organisationIds, existingStaff, userOrganisations);
    for (const row of staffPlan.rows) existingStaff.set(row.id, row.organisationId);
    const ids: ImportIds = {
      organisation: (id) => orgPlan.organisationIds.get(id) ?? id,
      staff: (id) => staffPlan.staffIds.get(id) ?? id,
      ref: (ref) => staffPlan.staffIds.get(ref) ?? orgPlan.organisationIds.get(ref) ?? ref,
    };
    await recorder.insert(organisations).values(orgPlan.rows);
    await recorder.insert(organisationExt).values(orgPlan.extRows);
    await recorder.insert(staff).values(staffPlan.rows);
    await recorder.insert(people).values({ ...map.personToRow(file.person, ctx.actor.organisationId), caseFileExt: file.ext ?? null });
    for (const store of stores) await store.importSections(recorder, ctx, personId, file, ids);
    const result = { personId, createdOrganisations: orgPlan.rows.length, createdStaff: staffPlan.rows.length };
    const counts = Object.fromEntries(contractSections.filter((s) => file[s].length > 0).map((s) => [s, file[s].length]));
    audit.push(auditRow(ctx, { action: 'case.import', recordType: 'person', recordId: personId, personId, after: { ...counts, createdOrganisations: result.createdOrganisations, createdStaff: result.createdStaff } }));
    outcomes.push({ ok: true, result });
    imported.push(personId);
  }
  return { outcomes, imported, tables, audit };
}

/** A batch's progress, which the batch after it waits on: its writes sent, then its transaction ended (false: it failed). */
interface BatchProgress {
  written: Promise<void>;
  done: Promise<boolean>;
}

/** Per database, the batch handed over last (what the next one waits for). */
const lastBatch = new WeakMap<Db, BatchProgress>();

function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Files checked between two turns of the event loop, so that the batch in the database gets its replies in between. */
const CHECK_SLICE = 20;

type Checked = { outcomes: (ImportOutcome | undefined)[]; checked: { index: number; file: CaseFile }[] };

/** Each input checked alone, once the batch before has sent its writes (so while the database works on them), a slice at a time. */
async function checkBatch(inputs: readonly unknown[], stores: readonly SectionStore[], previous: BatchProgress | undefined): Promise<Checked> {
  const outcomes: (ImportOutcome | undefined)[] = inputs.map(() => undefined);
  const checked: Checked['checked'] = [];
  await previous?.written;
  for (let index = 0; index < inputs.length; index++) {
    if (index % CHECK_SLICE === 0) await new Promise(setImmediate);
    try {
      checked.push({ index, file: checkCaseFile(inputs[index], stores) });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      outcomes[index] = { ok: false, error };
    }
  }
  return { outcomes, checked };
}

/** The checked files written in one transaction (`written` is told once the writes are sent); each file's outcome set. */
async function writeBatch(db: Db, ctx: ServiceContext, { outcomes, checked }: Checked, stores: readonly SectionStore[], deps: BatchImportDeps, written: () => void) {
  await db.transaction(async (tx) => {
    const plan = await planBatch(tx, ctx, checked.map((c) => c.file), stores);
    try {
      await tx.transaction(async (savepoint) => {
        const writing = bulkInsertAll(savepoint, [...plan.tables, [auditEvents, plan.audit]]);
        written();
        await writing;
        await deps.casesChanged(savepoint, ctx, plan.imported);
      });
      checked.forEach(({ index }, i) => (outcomes[index] = plan.outcomes[i]));
    } catch {
      // The database refused the batch's writes: import file by file, each in a savepoint of its own.
      for (const { index, file } of checked) {
        try {
          outcomes[index] = { ok: true, result: await tx.transaction((savepoint) => deps.importOne(savepoint, ctx, file)) };
        } catch (error) {
          if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
          outcomes[index] = { ok: false, error };
        }
      }
    }
  });
}

/**
 * Imports `inputs` (parsed JSON) in one transaction, each file wholly in or wholly out; the outcome of each
 * in order. Errors other than a file's validation or conflict (the database gone) are thrown, and then
 * nothing of the batch is kept.
 */
export async function importCaseFiles(db: Db, ctx: ServiceContext, inputs: readonly unknown[], deps: BatchImportDeps): Promise<ImportOutcome[]> {
  assertAnyPermission(ctx.actor, 'case:write', 'register:import');
  const stores = [registerSectionStore, ...deps.stores];
  const previous = lastBatch.get(db);
  const written = signal();
  const done = signal<boolean>();
  const progress = { written: written.promise, done: done.promise };
  lastBatch.set(db, progress);
  let finished = false;
  try {
    const batch = await checkBatch(inputs, stores, previous);
    // Should the batch before have failed (the database gone), this one is not begun: nothing of it is kept.
    if (previous && !(await previous.done)) throw new Error('The import stopped: the batch before this one failed');
    if (batch.checked.length > 0) await writeBatch(db, ctx, batch, stores, deps, () => written.resolve());
    finished = true;
    return batch.outcomes as ImportOutcome[];
  } finally {
    written.resolve();
    done.resolve(finished);
    if (lastBatch.get(db) === progress) lastBatch.delete(db);
  }
}
