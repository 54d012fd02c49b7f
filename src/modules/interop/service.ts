/**
 * Interoperability use cases (issue 10): loading the organisation reference data, importing a council's legacy
 * register spreadsheet, and exporting a case as FHIR UK Core and a council's records as DHSC Client Level Data.
 * The mapping itself is pure code in `src/domain/interop/`; this service reads and writes the database around it.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { CaseFile, Organisation } from '../../domain/case-file/schema.ts';
import { withOrganisationsChanging } from '../../platform/organisations/directory.ts';
import { isCivilDate, todayInLondon } from '../../domain/calendar/civil-date.ts';
import { validateOrganisationReference } from '../../domain/interop/reference-data.ts';
import { parseCsv } from '../../domain/interop/legacy-register/csv.ts';
import { readRegisterMapping, suggestMapping, type RegisterMappingInput } from '../../domain/interop/legacy-register/mapping.ts';
import { planImport, type ImportPlan } from '../../domain/interop/legacy-register/plan.ts';
import { caseFilesFromPlan } from '../../domain/interop/legacy-register/case-files.ts';
import { caseFileToFhirBundle } from '../../domain/interop/fhir/bundle.ts';
import type { Bundle } from '../../domain/interop/fhir/types.ts';
import { cldExtract, isCldCouncilCode, type CldExtract } from '../../domain/interop/cld/extract.ts';
import { cldColumns } from '../../domain/interop/cld/layout.ts';
import { toDelimited } from '../../domain/interop/cld/delimited.ts';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { organisations } from '../../platform/organisations/tables.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { visiblePersonIds } from '../alerts/repository.ts';
import type { RegisterService } from '../register/service.ts';
import { readReferenceOrganisations } from './reference-file.ts';

export interface InteropServiceDeps {
  db: Db;
  register: Pick<RegisterService, 'importCaseFile' | 'exportCaseFile' | 'readCaseFile'>;
  /** The reference organisations (default: reference-data/organisations.json, read once). */
  referenceOrganisations?: () => Promise<Organisation[]>;
  /** Base of Aftercare's own FHIR identifier and code systems at this deployment. */
  fhirSystemBase?: string;
}

export interface OrganisationLoadResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Why a commit wrote nothing: the rows (spreadsheet lines) of the case file that failed, and the reasons. */
export class RegisterImportFailedError extends Error {
  readonly lines: number[];
  readonly reasons: string[];
  constructor(lines: number[], reasons: string[]) {
    super(`Nothing was imported: the case built from line${lines.length === 1 ? '' : 's'} ${lines.join(', ')} could not be written (${reasons.join('; ')})`);
    this.name = 'RegisterImportFailedError';
    this.lines = lines;
    this.reasons = reasons;
  }
}

export interface ImportCommitResult {
  people: number;
  rows: number;
  personIds: string[];
}

/** A cell that a spreadsheet would read as a formula (= + - @, or a leading tab or carriage return) is written with a leading apostrophe. */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const sameOrganisation = (row: typeof organisations.$inferSelect, wanted: Omit<typeof organisations.$inferInsert, 'id'>) =>
  row.name === wanted.name && row.kind === wanted.kind && (row.nation ?? null) === (wanted.nation ?? null) && (row.validFrom ?? null) === (wanted.validFrom ?? null) &&
  (row.validTo ?? null) === (wanted.validTo ?? null) && (row.successorId ?? null) === (wanted.successorId ?? null);

export function createInteropService(deps: InteropServiceDeps) {
  const { db, register } = deps;
  let cached: Promise<Organisation[]> | undefined;
  const reference = () => (deps.referenceOrganisations ? deps.referenceOrganisations() : (cached ??= readReferenceOrganisations()));

  return {
    referenceOrganisations: reference,

    /**
     * Loads reference organisations: validated first (every problem at once, nothing written), then in one
     * transaction inserts the new ones and updates name, nation, validity and successor of those matched by code.
     */
    async loadOrganisations(ctx: ServiceContext, orgs?: readonly Organisation[]): Promise<OrganisationLoadResult> {
      assertPermission(ctx.actor, 'organisations:manage');
      const list = orgs ?? (await reference());
      const issues = validateOrganisationReference(list);
      if (issues.length > 0) throw new ValidationError(issues, 'The organisation reference data is not valid');
      return withOrganisationsChanging(() => db.transaction(async (tx) => {
        const codes = list.flatMap((o) => (o.code ? [o.code] : []));
        const existing = codes.length ? await tx.select().from(organisations).where(inArray(organisations.code, codes)) : [];
        const byCode = new Map(existing.map((row) => [row.code, row]));
        const takenIds = new Set((await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, list.map((o) => o.id)))).map((r) => r.id));
        // Reference id → register id: an organisation already on the register under another id keeps it.
        const idOf = new Map(list.map((o) => [o.id, byCode.get(o.code ?? '')?.id ?? o.id]));
        for (const o of list) {
          if (!byCode.has(o.code ?? '') && takenIds.has(o.id)) {
            throw new ConflictError({ id: o.id }, { id: o.id, code: o.code }, `The register already has an organisation with the id ${o.id} under another code`);
          }
        }
        const wanted = (o: Organisation) => ({
          name: o.name,
          kind: o.kind,
          code: o.code ?? null,
          nation: o.nation ?? null,
          validFrom: o.validFrom ?? null,
          validTo: o.validTo ?? null,
          successorId: o.successorId === undefined ? null : (idOf.get(o.successorId) ?? o.successorId),
        });
        const toCreate = list.filter((o) => !byCode.has(o.code ?? ''));
        if (toCreate.length > 0) await tx.insert(organisations).values(toCreate.map((o) => ({ id: idOf.get(o.id) ?? o.id, ...wanted(o) })));
        let updated = 0;
        for (const o of list) {
          const row = byCode.get(o.code ?? '');
          if (!row || sameOrganisation(row, wanted(o))) continue;
          const { code: _code, ...changes } = wanted(o);
          await tx.update(organisations).set({ ...changes, version: sql`${organisations.version} + 1`, updatedAt: ctx.now }).where(eq(organisations.id, row.id));
          updated++;
        }
        const result = { created: toCreate.length, updated, unchanged: list.length - toCreate.length - updated };
        await recordAudit(tx, ctx, { action: 'organisations.load', recordType: 'organisation', after: { ...result } });
        return result;
      }));
    },

    /** The suggested mapping for a spreadsheet's header row. */
    suggestMapping(csvText: string): { mapping: RegisterMappingInput; unmatched: string[] } {
      const parsed = parseCsv(csvText);
      if (!parsed.ok) throw new ValidationError([{ path: 'csv', message: `line ${parsed.line}: ${parsed.message}` }]);
      return suggestMapping(parsed.records[0]?.fields ?? []);
    },

    /** The dry run: what each row would create, or every reason it cannot. Throws ValidationError for an unreadable file or mapping. */
    async planRegisterImport(ctx: ServiceContext, csvText: string, mappingInput: unknown): Promise<ImportPlan> {
      assertPermission(ctx.actor, 'register:import');
      const issues: { path: string; message: string }[] = [];
      const parsed = parseCsv(csvText);
      if (!parsed.ok) issues.push({ path: 'csv', message: `line ${parsed.line}: ${parsed.message}` });
      else if (parsed.records.length === 0) issues.push({ path: 'csv', message: 'the file is empty' });
      const mapping = readRegisterMapping(mappingInput);
      if (!mapping.ok) issues.push(...mapping.issues.map((i) => ({ path: `mapping${i.path ? `.${i.path}` : ''}`, message: i.message })));
      if (issues.length > 0 || !parsed.ok || !mapping.ok) throw new ValidationError(issues, 'The spreadsheet or the mapping cannot be read');
      return planImport(parsed.records, mapping.mapping, { organisations: await reference(), today: todayInLondon(ctx.now) });
    },

    /**
     * Writes the ready rows of a plan in ONE transaction through the register's case-file import. If any
     * case fails at write time (a person already on the register, say) nothing is written and the lines are named.
     */
    async commitRegisterImport(ctx: ServiceContext, plan: ImportPlan): Promise<ImportCommitResult> {
      assertPermission(ctx.actor, 'register:import');
      if (plan.fileProblems.length > 0) throw new ValidationError(plan.fileProblems.map((message) => ({ path: 'csv', message })), 'The spreadsheet cannot be imported');
      // The plan names people by spreadsheet line (legacy-2); on the register a person id is unique for good,
      // so each imported person gets a fresh id (a second spreadsheet's line 2 is someone else).
      const files = caseFilesFromPlan(plan, await reference()).map((file) => ({ planned: file.person.id, file: { ...file, person: { ...file.person, id: randomUUID() } } }));
      const linesOf = (personId: string) => plan.rows.filter((r) => r.status === 'ready' && r.creates.person.id === personId).map((r) => r.line);
      return withOrganisationsChanging(() => db.transaction(async (tx) => {
        const personIds: string[] = [];
        for (const { planned, file } of files) {
          try {
            personIds.push((await register.importCaseFile(tx, ctx, file)).personId);
          } catch (error) {
            if (error instanceof ValidationError) throw new RegisterImportFailedError(linesOf(planned), error.issues.map((i) => `${i.path || '(file)'}: ${i.message}`));
            if (error instanceof ConflictError) throw new RegisterImportFailedError(linesOf(planned), [error.message]);
            throw error;
          }
        }
        const rows = plan.rows.filter((r) => r.status === 'ready').length;
        await recordAudit(tx, ctx, { action: 'register.import', recordType: 'register', after: { people: personIds.length, rows, rejected: plan.summary.rejected } });
        return { people: personIds.length, rows, personIds };
      }));
    },

    /** A person's case as a FHIR UK Core R4 Bundle (NotFoundError for people the caller may not see). */
    async fhirBundle(ctx: ServiceContext, personId: string): Promise<Bundle> {
      const caseFile = await register.exportCaseFile(ctx, personId);
      return caseFileToFhirBundle(caseFile, { generatedAt: ctx.now.toISOString(), ...(deps.fhirSystemBase ? { systemBase: deps.fhirSystemBase } : {}) });
    },

    /** The CLD rows of a council for a period, from every case the caller may see, as a CSV with formula cells escaped. */
    async cldExport(ctx: ServiceContext, input: { councilCode: string; from: string; to: string }): Promise<{ csv: string; extract: CldExtract }> {
      assertPermission(ctx.actor, 'case:read');
      const councilCode = input.councilCode.trim().toUpperCase();
      const issues: { path: string; message: string }[] = [];
      if (!isCldCouncilCode(councilCode)) issues.push({ path: 'council', message: 'Enter the GSS code of an English council with social services functions, like E10000034' });
      if (!isCivilDate(input.from)) issues.push({ path: 'from', message: 'Enter the first day of the period as YYYY-MM-DD' });
      if (!isCivilDate(input.to)) issues.push({ path: 'to', message: 'Enter the last day of the period as YYYY-MM-DD' });
      if (issues.length === 0 && input.to < input.from) issues.push({ path: 'to', message: 'The period must end on or after the day it starts' });
      if (issues.length > 0) throw new ValidationError(issues);
      return db.transaction(async (tx) => {
        const files: CaseFile[] = [];
        for (const personId of await visiblePersonIds(tx, ctx.actor)) files.push(await register.readCaseFile(tx, personId));
        const extract = cldExtract(files, { councilCode, period: { start: input.from, end: input.to } });
        const rows = extract.rows.map((row) => Object.fromEntries(cldColumns.map((c) => [c, escapeFormula(row[c])])) as typeof row);
        await recordAudit(tx, ctx, { action: 'cld.export', recordType: 'register', after: { councilCode, from: input.from, to: input.to, rows: rows.length, people: files.length } });
        return { csv: toDelimited(cldColumns, rows), extract };
      });
    },
  };
}

export type InteropService = ReturnType<typeof createInteropService>;
