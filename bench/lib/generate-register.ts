/**
 * A national-scale register for the benchmark, written in bulk through the app's own tables.
 *
 * People come from the demo generator with every section (`generateDemoCaseFiles`, `sections: 'all'`:
 * detentions and re-detentions, moves between councils, GP registrations, duties, plans with needs and
 * services, charges, panel requests, placement searches, meetings with decisions and actions,
 * communications, appointments, complaints, ombudsman remedies — about 45 records a person), spread over
 * every council, ICB and Welsh health board in `reference-data/organisations.json` as well as the demo
 * organisations, and one person in 2,500 is a long, busy case of about a thousand records
 * (`largeCaseFile`). Deterministic for a seed: person n depends only on the seed and n.
 *
 * Each file is mapped to rows by the section stores the import uses (the register's, care records',
 * coordination's and complaints'), called with a recording transaction that keeps the rows each store
 * would insert instead of sending them; a batch's rows are then written table by table with
 * `bulkInsert` (one JSON parameter a table) in one transaction. So the rows are exactly what `aftercare import` writes,
 * without its per-row round trips. Batches are generated, written and dropped in turn, so memory stays flat
 * at any size. Alerts are not computed here: the sweep scenario computes them.
 */
import { getTableName, sql } from 'drizzle-orm';
import pg from 'pg';
import type { PgTable } from 'drizzle-orm/pg-core';
import { generateDemoCaseFiles, largeCaseFile } from '../../src/demo/case-file-generator.ts';
import { demoAreas, demoOrganisations, type DemoArea } from '../../src/demo/organisations.ts';
import type { CaseFile, Organisation } from '../../src/domain/case-file/schema.ts';
import { careRecordsSectionStore } from '../../src/modules/care-records/section-store.ts';
import type { CaseFileSectionStore, ImportIdMap } from '../../src/modules/case-files/section-store.ts';
import { complaintsSectionStore } from '../../src/modules/complaints/section-store.ts';
import { coordinationSectionStore } from '../../src/modules/coordination/section-store.ts';
import { readReferenceOrganisations } from '../../src/modules/interop/reference-file.ts';
import * as map from '../../src/modules/register/case-file-mapping.ts';
import { registerSectionStore } from '../../src/modules/register/register-section-store.ts';
import { people, staff } from '../../src/modules/register/tables.ts';
import { auditEvents } from '../../src/platform/audit/tables.ts';
import { systemContext } from '../../src/platform/context.ts';
import type { Db, DbOrTx } from '../../src/platform/db/client.ts';
import { organisations } from '../../src/platform/organisations/tables.ts';
import { bulkInsert } from '../../src/platform/db/bulk-insert.ts';

export interface GenerateRegisterOptions {
  people: number;
  seed: number;
  asOf: string;
  /** People per generated batch and per transaction (default 1,000). */
  batch?: number;
  /** One person in this many is a ~1,000-record case (default 2,500; 0 for none). */
  largeEvery?: number;
  /** Skip synchronous WAL flushes for the loader's own transactions (PostgreSQL; default true). */
  asynchronousCommit?: boolean;
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
  /** People and rows per second of the whole load (generation included). */
  totalSeconds: number;
  rowsByTable: Record<string, number>;
}

const stores: readonly CaseFileSectionStore[] = [registerSectionStore, careRecordsSectionStore, coordinationSectionStore, complaintsSectionStore];
const sameIds: ImportIdMap = { organisation: (id) => id, staff: (id) => id, ref: (ref) => ref };

/**
 * The organisations of the generated register: the demo ones (the demo users' councils) and every
 * reference council, ICB and LHB whose code the demo ones do not already hold.
 */
export async function benchOrganisations(): Promise<Organisation[]> {
  const demo = demoOrganisations();
  const codes = new Set(demo.flatMap((o) => (o.code ? [o.code] : [])));
  const reference = (await readReferenceOrganisations()).filter((o) => !o.code || !codes.has(o.code));
  return [...demo, ...reference];
}

/**
 * Areas for generated residences: the demo areas, then each current reference council paired with a
 * health body of its nation in turn (the reference data does not say which ICB covers which council; for
 * load, any stable pairing spreads people and duties over every organisation).
 */
export function benchAreas(all: readonly Organisation[]): DemoArea[] {
  const current = all.filter((o) => o.id.startsWith('gss-') || o.id.startsWith('ods-')).filter((o) => !o.validTo);
  const councils = current.filter((o) => o.kind === 'local_authority');
  const icbs = current.filter((o) => o.kind === 'icb');
  const lhbs = current.filter((o) => o.kind === 'lhb');
  const areas: DemoArea[] = [...demoAreas];
  councils.forEach((council, i) => {
    const nation = council.nation === 'wales' ? 'wales' : 'england';
    const bodies = nation === 'wales' ? lhbs : icbs;
    const body = bodies[i % bodies.length];
    if (!body) return;
    areas.push({ localAuthorityId: council.id, healthBodyId: body.id, nation, towns: [council.name], practicePrefix: `${nation === 'wales' ? 'W' : 'Y'}${String(10 + (i % 90))}` });
  });
  return areas;
}

/** A transaction look-alike that keeps what `insert(table).values(rows)` would write, by table, in first-seen order. */
function recordingTx(rowsByTable: Map<PgTable, Record<string, unknown>[]>): DbOrTx {
  return {
    insert: (table: PgTable) => ({
      values: async (rows: Record<string, unknown> | Record<string, unknown>[]) => {
        const list = rowsByTable.get(table) ?? [];
        rowsByTable.set(table, list);
        for (const row of Array.isArray(rows) ? rows : [rows]) list.push(row);
      },
    }),
  } as unknown as DbOrTx;
}

/** The next NHS number after `from` in the never-issued 999 range with a valid modulus-11 check digit and not in `used`. */
export function freeNhsNumber(from: string, used: Set<string>): string {
  for (let n = Number(from.slice(0, 9)) + 1; ; n++) {
    if (n >= 1_000_000_000) n = 999_000_000;
    const digits = String(n);
    const check = 11 - ([...digits].reduce((sum, d, i) => sum + Number(d) * (10 - i), 0) % 11);
    if (check === 10) continue;
    const candidate = `${digits}${check === 11 ? 0 : check}`;
    if (!used.has(candidate)) return candidate;
  }
}

function generateBatch(options: GenerateRegisterOptions, first: number, count: number, orgs: readonly Organisation[], areas: readonly DemoArea[], nhsNumbers: Set<string>): CaseFile[] {
  const idPrefix = `b-${options.seed}-`;
  const files = generateDemoCaseFiles({ seed: options.seed, people: count, firstPerson: first, asOf: options.asOf, sections: 'all', organisations: orgs, areas, idPrefix });
  const largeEvery = options.largeEvery ?? 2_500;
  if (largeEvery > 0) {
    for (let i = 0; i < files.length; i++) {
      const n = first + i;
      if (n % largeEvery !== largeEvery >> 1) continue;
      const large = largeCaseFile(options.seed * 100_003 + n, options.asOf);
      large.person = { ...large.person, id: `${idPrefix}${n}` };
      files[i] = large;
    }
  }
  // The generator keeps NHS numbers unique within one call; across batches a repeat gets the next free valid number.
  for (const file of files) {
    const nhs = file.person.nhsNumber;
    if (!nhs) continue;
    if (nhsNumbers.has(nhs)) file.person.nhsNumber = freeNhsNumber(nhs, nhsNumbers);
    nhsNumbers.add(file.person.nhsNumber as string);
  }
  return files;
}

export async function generateRegister(db: Db, options: GenerateRegisterOptions): Promise<LoadResult> {
  const ctx = systemContext('bench-load');
  const orgs = await benchOrganisations();
  const areas = benchAreas(orgs);
  const started = performance.now();
  await bulkInsert(
    db,
    organisations,
    orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind, code: o.code ?? null, nation: o.nation ?? null, cqc: o.cqc ?? null, validFrom: o.validFrom ?? null, validTo: o.validTo ?? null, successorId: o.successorId ?? null })),
    { onConflictDoNothing: true },
  );
  const knownStaff = new Set<string>();
  const nhsNumbers = new Set<string>();
  const batch = options.batch ?? 1_000;
  const rowsByTable: Record<string, number> = {};
  const onPostgres = (db as unknown as { $client?: unknown }).$client instanceof pg.Pool;
  let generateMs = 0;
  let writeMs = 0;
  for (let first = 1; first <= options.people; first += batch) {
    const count = Math.min(batch, options.people - first + 1);
    let mark = performance.now();
    const files = generateBatch(options, first, count, orgs, areas, nhsNumbers);
    const tables = new Map<PgTable, Record<string, unknown>[]>([[people, []]]);
    const recorder = recordingTx(tables);
    const newStaff: (typeof staff.$inferInsert)[] = [];
    const audit: (typeof auditEvents.$inferInsert)[] = [];
    const now = new Date();
    for (const file of files) {
      const id = file.person.id;
      const createdBy = file.duties[0]?.localAuthorityId ?? file.residences.at(-1)?.localAuthorityId ?? null;
      tables.get(people)?.push({ ...map.personToRow(file.person, createdBy), caseFileExt: file.ext ?? null });
      for (const store of stores) await store.importSections(recorder, ctx, id, file, sameIds);
      for (const s of file.staff) {
        if (knownStaff.has(s.id)) continue;
        knownStaff.add(s.id);
        newStaff.push({ id: s.id, name: s.name, organisationId: s.organisationId, role: s.role ?? null, ext: s.ext ?? null });
      }
      audit.push({ at: now, actorId: 'system', actorKind: 'system', actorName: 'Benchmark data', organisationId: createdBy, action: 'case.import', recordType: 'person', recordId: id, personId: id, after: { bench: true }, requestId: 'bench-load' });
    }
    generateMs += performance.now() - mark;
    mark = performance.now();
    await db.transaction(async (tx) => {
      if (onPostgres && options.asynchronousCommit !== false) await tx.execute(sql`set local synchronous_commit = off`);
      rowsByTable.staff = (rowsByTable.staff ?? 0) + (await bulkInsert(tx, staff, newStaff, { onConflictDoNothing: true }));
      for (const [table, rows] of tables) {
        const name = getTableName(table);
        rowsByTable[name] = (rowsByTable[name] ?? 0) + (await bulkInsert(tx, table, rows));
      }
      rowsByTable.audit_event = (rowsByTable.audit_event ?? 0) + (await bulkInsert(tx, auditEvents, audit));
    });
    writeMs += performance.now() - mark;
    options.onProgress?.(first + count - 1);
  }
  // As autovacuum leaves a live database: statistics, and the visibility map that lets a plan read an index
  // alone (the register search's duty checks: docs/performance.md, "Register search").
  await db.execute(sql`vacuum (analyze)`);
  const rows = Object.values(rowsByTable).reduce((a, b) => a + b, 0);
  const writeSeconds = writeMs / 1000;
  return {
    people: options.people,
    rows,
    generateSeconds: generateMs / 1000,
    writeSeconds,
    peoplePerSecond: options.people / writeSeconds,
    rowsPerSecond: rows / writeSeconds,
    totalSeconds: (performance.now() - started) / 1000,
    rowsByTable,
  };
}
