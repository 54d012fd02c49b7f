/**
 * Loads generated people into the register in bulk: the demo organisations (through the register
 * service), then each batch of generated case files mapped to rows by the register's own case-file
 * mapping (`case-file-mapping.ts`, as its import does) and written with `bulkInsert`, one transaction per
 * batch, with a `case.import` audit event per person. Staff are written once (the generator shares a staff
 * pool across files). The person is visible to the council of their first duty, as the demo seed does.
 * Alerts are not computed (the bench measures reads; `aftercare sweep` would fill them).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Services } from '../../src/app/services.ts';
import { generateDemoCaseFiles } from '../../src/demo/case-file-generator.ts';
import { demoOrganisationIds, demoOrganisations } from '../../src/demo/organisations.ts';
import type { CaseFile } from '../../src/domain/case-file/schema.ts';
import { auditEvents } from '../../src/platform/audit/tables.ts';
import { systemContext } from '../../src/platform/context.ts';
import { rowsOf, type Db } from '../../src/platform/db/client.ts';
import { organisations } from '../../src/platform/organisations/tables.ts';
import * as map from '../../src/modules/register/case-file-mapping.ts';
import { allocations, contacts, ctos, detentions, disputes, duties, gpRegistrations, people, residences, staff } from '../../src/modules/register/tables.ts';
import { bulkInsert } from './bulk-insert.ts';

export interface LoadOptions {
  people: number;
  seed: number;
  asOf: string;
  /** People per transaction (and per generated batch, so memory stays flat at any size). */
  batch?: number;
  onProgress?: (loaded: number) => void;
}

export interface LoadResult {
  people: number;
  rows: number;
  generateSeconds: number;
  writeSeconds: number;
  /** People written per second of writing (generation excluded). */
  peoplePerSecond: number;
  rowsPerSecond: number;
  rowsByTable: Record<string, number>;
}

const council = demoOrganisationIds.worcestershire;

/** The next NHS number after `from` in the never-issued 999 range with a valid modulus-11 check digit and not in `used`. */
function freeNhsNumber(from: string, used: Set<string>): string {
  for (let n = Number(from.slice(0, 9)) + 1; ; n++) {
    const digits = String(n).padStart(9, '0');
    if (!digits.startsWith('999')) n = 999_000_000 - 1;
    const check = 11 - ([...digits].reduce((sum, d, i) => sum + Number(d) * (10 - i), 0) % 11);
    if (check === 10 || !digits.startsWith('999')) continue;
    const candidate = `${digits}${check === 11 ? 0 : check}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * The generator keeps NHS numbers unique within one call; across batches a few repeat, so a repeat gets
 * the next free valid number (still deterministic for a seed and batch size).
 */
function uniqueNhsNumbers(files: CaseFile[], used: Set<string>): void {
  for (const file of files) {
    const nhs = file.person.nhsNumber;
    if (!nhs) continue;
    if (used.has(nhs)) file.person.nhsNumber = freeNhsNumber(nhs, used);
    used.add(file.person.nhsNumber as string);
  }
}

function rowsOf_(files: CaseFile[], now: Date) {
  const out = {
    people: [] as (typeof people.$inferInsert)[],
    contacts: [] as (typeof contacts.$inferInsert)[],
    detentions: [] as (typeof detentions.$inferInsert)[],
    ctos: [] as (typeof ctos.$inferInsert)[],
    residences: [] as (typeof residences.$inferInsert)[],
    gpRegistrations: [] as (typeof gpRegistrations.$inferInsert)[],
    duties: [] as (typeof duties.$inferInsert)[],
    disputes: [] as (typeof disputes.$inferInsert)[],
    allocations: [] as (typeof allocations.$inferInsert)[],
    staff: new Map<string, typeof staff.$inferInsert>(),
    organisations: new Map<string, CaseFile['organisations'][number]>(),
    audit: [] as (typeof auditEvents.$inferInsert)[],
  };
  for (const file of files) {
    const id = file.person.id;
    const createdBy = file.duties[0]?.localAuthorityId ?? file.residences.at(-1)?.localAuthorityId ?? council;
    out.people.push({ ...map.personToRow(file.person, createdBy), caseFileExt: file.ext ?? null });
    for (const c of file.contacts) out.contacts.push(map.contactToRow(id, c));
    for (const d of file.detentions) out.detentions.push(map.detentionToRow(id, d));
    for (const c of file.ctos) out.ctos.push(map.ctoToRow(id, c));
    for (const r of file.residences) out.residences.push(map.residenceToRow(id, randomUUID(), r));
    for (const g of file.gpRegistrations) out.gpRegistrations.push(map.gpRegistrationToRow(id, randomUUID(), g));
    for (const d of file.duties) out.duties.push(map.dutyToRow(id, d));
    for (const d of file.disputes) out.disputes.push(map.disputeToRow(id, d));
    for (const a of file.allocations) out.allocations.push(map.allocationToRow(id, randomUUID(), a));
    for (const s of file.staff) out.staff.set(s.id, { id: s.id, name: s.name, organisationId: s.organisationId, role: s.role ?? null, ext: s.ext ?? null });
    for (const o of file.organisations) out.organisations.set(o.id, o);
    out.audit.push({
      at: now,
      actorId: 'system',
      actorKind: 'system',
      actorName: 'Benchmark data',
      organisationId: createdBy,
      action: 'case.import',
      recordType: 'person',
      recordId: id,
      personId: id,
      after: { bench: true },
      requestId: 'bench-load',
    });
  }
  return out;
}

export async function loadRegister(services: Pick<Services, 'db' | 'register'>, options: LoadOptions): Promise<LoadResult> {
  const { db } = services;
  const ctx = systemContext('bench-load');
  await services.register.ensureOrganisations(ctx, demoOrganisations());
  const known = new Set(rowsOf<{ id: string }>(await db.execute(sql`select id from ${organisations}`)).map((r) => r.id));
  const knownStaff = new Set<string>();
  const nhsNumbers = new Set<string>();
  const batch = options.batch ?? 2_000;
  const rowsByTable: Record<string, number> = {};
  let generateMs = 0;
  let writeMs = 0;
  for (let first = 1; first <= options.people; first += batch) {
    const count = Math.min(batch, options.people - first + 1);
    let started = performance.now();
    const files = generateDemoCaseFiles({ seed: options.seed, people: count, firstPerson: first, asOf: options.asOf, sections: 'register', idPrefix: `b-${options.seed}-` });
    uniqueNhsNumbers(files, nhsNumbers);
    const rows = rowsOf_(files, new Date());
    generateMs += performance.now() - started;
    started = performance.now();
    await (db as Db).transaction(async (tx) => {
      const newOrganisations = [...rows.organisations.values()].filter((o) => !known.has(o.id));
      if (newOrganisations.length > 0) {
        await bulkInsert(tx, organisations, newOrganisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind, code: o.code ?? null, nation: o.nation ?? null })), { onConflictDoNothing: true });
        for (const o of newOrganisations) known.add(o.id);
      }
      const newStaff = [...rows.staff.values()].filter((s) => !knownStaff.has(s.id));
      await bulkInsert(tx, staff, newStaff, { onConflictDoNothing: true });
      for (const s of newStaff) knownStaff.add(s.id);
      const tables = [
        ['people', people, rows.people],
        ['contacts', contacts, rows.contacts],
        ['detentions', detentions, rows.detentions],
        ['ctos', ctos, rows.ctos],
        ['residences', residences, rows.residences],
        ['gp_registrations', gpRegistrations, rows.gpRegistrations],
        ['duties', duties, rows.duties],
        ['disputes', disputes, rows.disputes],
        ['allocations', allocations, rows.allocations],
        ['audit_event', auditEvents, rows.audit],
      ] as const;
      for (const [name, table, tableRows] of tables) {
        rowsByTable[name] = (rowsByTable[name] ?? 0) + (await bulkInsert(tx, table, tableRows as never[]));
      }
      rowsByTable.staff = (rowsByTable.staff ?? 0) + newStaff.length;
    });
    writeMs += performance.now() - started;
    options.onProgress?.(first + count - 1);
  }
  await db.execute(sql`analyze`);
  const rows = Object.values(rowsByTable).reduce((a, b) => a + b, 0);
  const writeSeconds = writeMs / 1000;
  return {
    people: options.people,
    rows,
    generateSeconds: generateMs / 1000,
    writeSeconds,
    peoplePerSecond: options.people / writeSeconds,
    rowsPerSecond: rows / writeSeconds,
    rowsByTable,
  };
}
