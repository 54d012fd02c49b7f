/**
 * The register's use cases (ADR 0001, "Services"): reads filtered by case visibility, writes in one
 * transaction each with their audit event, and the case-file import and export of the register sections.
 */
import type { ServiceContext } from '../../platform/context.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/client.ts';
import type { CaseFile } from '../../domain/case-file/schema.ts';
import { exportCaseFile, readCaseFile, readCaseFiles } from './case-file-export.ts';
import type { IdRange } from '../../platform/db/rows-by-ids.ts';
import { checkCaseFile, importCaseFile, matchOrganisations, type ImportResult } from './case-file-import.ts';
import { importCaseFiles, type ImportOutcome } from './case-file-batch-import.ts';
import { forgetCachedOrganisations, withOrganisationsChanging } from '../../platform/organisations/directory.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { Detention, Organisation } from '../../domain/case-file/schema.ts';
import { createPersonWrites } from './person-writes.ts';
import { createRecordWrites } from './record-writes.ts';
import { createRegisterReads } from './register-reads.ts';
import { anyPeople } from './repository.ts';
import { registerSectionStore, type CaseFileSection, type SectionStore } from './register-section-store.ts';

/** Runs inside every transaction that changes a case, after the change (the stored alerts are recomputed so). */
export type CaseChangedHook = (tx: Tx, ctx: ServiceContext, personId: string) => Promise<void>;
/** The same for many cases changed together (a batch of imported files). */
export type CasesChangedHook = (tx: Tx, ctx: ServiceContext, personIds: readonly string[]) => Promise<void>;

export interface RegisterServiceDeps {
  db: Db;
  /** The stores of other capabilities' case-file sections, so import and export carry them too. */
  sectionStores?: readonly SectionStore[];
  /** Told of every change to a case in the changing transaction; a hook that throws rolls the change back. */
  caseChanged?: CaseChangedHook;
  /** Told of a batch of imported cases at once (default: `caseChanged` for each). */
  casesChanged?: CasesChangedHook;
  /**
   * Told when a user records a detention, in the same transaction (a qualifying detention ends the open
   * duty: END-05). Not called on import, which records history as it was.
   */
  detentionRecorded?: DetentionRecordedHook;
}

export type DetentionRecordedHook = (tx: Tx, ctx: ServiceContext, personId: string, detention: Detention) => Promise<unknown>;

export function createRegisterService(deps: RegisterServiceDeps) {
  const { db } = deps;
  const stores = deps.sectionStores ?? [];
  const caseChanged: CaseChangedHook = deps.caseChanged ?? (async () => {});
  const casesChanged: CasesChangedHook =
    deps.casesChanged ??
    (async (tx, ctx, personIds) => {
      for (const personId of personIds) await caseChanged(tx, ctx, personId);
    });
  const importAndTell = async (tx: DbOrTx, ctx: ServiceContext, caseFile: unknown) => {
    const result = await importCaseFile(tx, ctx, caseFile, stores);
    await caseChanged(tx as Tx, ctx, result.personId);
    return result;
  };
  return {
    ...createRegisterReads(deps),
    ...createPersonWrites({ db, caseChanged }),
    ...createRecordWrites({ db, caseChanged, detentionRecorded: deps.detentionRecorded ?? (async () => {}) }),
    /** The case-file sections import and export carry (the register's and those of the stores passed in). */
    storedSections: (): CaseFileSection[] => [...new Set([...registerSectionStore.sections, ...stores.flatMap((s) => s.sections)])],
    checkCaseFile: (caseFile: unknown): CaseFile => checkCaseFile(caseFile, [registerSectionStore, ...stores]),
    /** Imports within the caller's transaction (the CLI imports several files, one transaction each). */
    importCaseFile: (tx: DbOrTx, ctx: ServiceContext, caseFile: unknown): Promise<ImportResult> => importAndTell(tx, ctx, caseFile),
    /** Imports in a transaction of its own: a file that fails changes nothing. */
    importCaseFileAlone: (ctx: ServiceContext, caseFile: unknown): Promise<ImportResult> => withOrganisationsChanging(() => db.transaction((tx) => importAndTell(tx, ctx, caseFile))),
    /**
     * Imports many files in one transaction with a few statements a batch (`aftercare import`), each file
     * wholly in or wholly out as if imported alone: every file's outcome, in order.
     */
    importCaseFiles: async (ctx: ServiceContext, caseFiles: readonly unknown[]): Promise<ImportOutcome[]> => {
      const outcomes = await importCaseFiles(db, ctx, caseFiles, { stores, importOne: importAndTell, casesChanged });
      if (outcomes.some((outcome) => outcome.ok && outcome.result.createdOrganisations > 0)) forgetCachedOrganisations();
      return outcomes;
    },
    exportCaseFile: (ctx: ServiceContext, personId: string): Promise<CaseFile> => db.transaction((tx) => exportCaseFile(tx, ctx, personId, stores)),
    /** The whole case file for the system's own use (alert recompute, the sweep): unaudited, unfiltered. */
    readCaseFile: (tx: DbOrTx, personId: string): Promise<CaseFile> => readCaseFile(tx, personId, stores),
    /** Many people's whole case files with a few set-based reads (the sweep): unaudited, unfiltered, by person id. */
    readCaseFiles: (tx: DbOrTx, personIds: readonly string[], range?: IdRange): Promise<Map<string, CaseFile>> => readCaseFiles(tx, personIds, stores, range),
    hasPeople: (): Promise<boolean> => anyPeople(db),
    /** Adds the organisations the register lacks (matched as an import matches them); returns how many were new. */
    ensureOrganisations: async (ctx: ServiceContext, organisations: Organisation[]): Promise<number> => {
      assertPermission(ctx.actor, 'organisations:manage');
      return withOrganisationsChanging(() =>
        db.transaction(async (tx) => {
          const { createdIds } = await matchOrganisations(tx, { organisations });
          for (const id of createdIds) await recordAudit(tx, ctx, { action: 'organisation.create', recordType: 'organisation', recordId: id });
          return createdIds.length;
        }),
      );
    },
  };
}

export type RegisterService = ReturnType<typeof createRegisterService>;
