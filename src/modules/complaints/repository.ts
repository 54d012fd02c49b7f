/**
 * The SQL of complaints and Ombudsman cases: one person's records, and across the organisation — always
 * filtered by who may see the person (the register's visibility rule, in SQL).
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Complaint, OmbudsmanCase } from '../../domain/case-file/schema.ts';
import { visiblePeople } from '../register/repository.ts';
import { people } from '../register/tables.ts';
import { complaintFromRow, ombudsmanCaseFromRow } from './mapping.ts';
import { complaintPoints, complaints, ombudsmanCases, ombudsmanRemedies } from './tables.ts';
import { inTextList } from '../../platform/db/in-list.ts';
import { rowsByIds, type IdRange } from '../../platform/db/rows-by-ids.ts';

export interface Versioned<T> {
  record: T;
  version: number;
  /** Versions of nested rows (points, remedies) by id. */
  versions: Record<string, number>;
}

export interface PersonName {
  id: string;
  givenName: string;
  familyName: string;
}

function groupBy<R extends { personId: string }>(rows: R[], key: (row: R) => string): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) {
    const k = `${row.personId}\u0000${key(row)}`;
    map.set(k, [...(map.get(k) ?? []), row]);
  }
  return map;
}

async function complaintsWhere(db: DbOrTx, where: SQL | undefined) {
  const rows = await db.select().from(complaints).where(where).orderBy(asc(complaints.receivedOn), asc(complaints.id));
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const points = personIds.length ? await db.select().from(complaintPoints).where(inTextList(complaintPoints.personId, personIds)) : [];
  const byComplaint = groupBy(points, (p) => p.complaintId);
  return rows.map((row) => {
    const own = byComplaint.get(`${row.personId}\u0000${row.id}`) ?? [];
    return { personId: row.personId, record: complaintFromRow(row, own), version: row.version, versions: Object.fromEntries(own.map((p) => [p.id, p.version])) };
  });
}

async function casesWhere(db: DbOrTx, where: SQL | undefined) {
  const rows = await db.select().from(ombudsmanCases).where(where).orderBy(asc(ombudsmanCases.finalDecisionOn), asc(ombudsmanCases.id));
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const remedies = personIds.length ? await db.select().from(ombudsmanRemedies).where(inTextList(ombudsmanRemedies.personId, personIds)) : [];
  const byCase = groupBy(remedies, (r) => r.caseId);
  return rows.map((row) => {
    const own = byCase.get(`${row.personId}\u0000${row.id}`) ?? [];
    return { personId: row.personId, record: ombudsmanCaseFromRow(row, own), version: row.version, versions: Object.fromEntries(own.map((r) => [r.id, r.version])) };
  });
}

export async function complaintsOf(db: DbOrTx, personId: string): Promise<Versioned<Complaint>[]> {
  return complaintsWhere(db, eq(complaints.personId, personId));
}

export async function ombudsmanCasesOf(db: DbOrTx, personId: string): Promise<Versioned<OmbudsmanCase>[]> {
  return casesWhere(db, eq(ombudsmanCases.personId, personId));
}

const auditColumns = ['createdAt', 'updatedAt', 'version'] as const;
const complaintsOfMany = rowsByIds(complaints, { by: (t) => t.personId, orderBy: (t) => [t.receivedOn, t.id], omit: auditColumns });
const pointsOfMany = rowsByIds(complaintPoints, { by: (t) => t.personId, orderBy: () => [], omit: auditColumns });
const casesOfMany = rowsByIds(ombudsmanCases, { by: (t) => t.personId, orderBy: (t) => [t.finalDecisionOn, t.id], omit: auditColumns });
const remediesOfMany = rowsByIds(ombudsmanRemedies, { by: (t) => t.personId, orderBy: () => [], omit: auditColumns });

/** Rows grouped by their person and parent record, in their order. */
function byParent<R extends { personId: string }>(rows: readonly R[], parent: (row: R) => string): Map<string, R[]> {
  const grouped = new Map<string, R[]>();
  for (const row of rows) {
    const key = `${row.personId}\u0000${parent(row)}`;
    const own = grouped.get(key);
    if (own) own.push(row);
    else grouped.set(key, [row]);
  }
  return grouped;
}

/**
 * Complaints and Ombudsman cases of many people (the sweep), four statements in all, by person id, each in
 * `complaintsOf`' and `ombudsmanCasesOf`' order: without the timestamps and versions a case file does not
 * hold, and without Drizzle's row mapping (`rowsByIds`).
 */
export async function complaintsAndCasesOfMany(db: DbOrTx, personIds: readonly string[], range?: IdRange) {
  const out = new Map<string, { complaints: Complaint[]; ombudsmanCases: OmbudsmanCase[] }>();
  for (const id of personIds) out.set(id, { complaints: [], ombudsmanCases: [] });
  if (personIds.length === 0) return out;
  const complaintRows = await complaintsOfMany.read(db, personIds, range);
  const points = complaintRows.length > 0 ? byParent(await pointsOfMany.read(db, personIds, range), (p) => p.complaintId) : new Map();
  for (const row of complaintRows) out.get(row.personId)?.complaints.push(complaintFromRow(row, points.get(`${row.personId}\u0000${row.id}`) ?? []));
  const caseRows = await casesOfMany.read(db, personIds, range);
  const remedies = caseRows.length > 0 ? byParent(await remediesOfMany.read(db, personIds, range), (r) => r.caseId) : new Map();
  for (const row of caseRows) out.get(row.personId)?.ombudsmanCases.push(ombudsmanCaseFromRow(row, remedies.get(`${row.personId}\u0000${row.id}`) ?? []));
  return out;
}

export async function findComplaint(db: DbOrTx, personId: string, complaintId: string) {
  return (await complaintsWhere(db, and(eq(complaints.personId, personId), eq(complaints.id, complaintId))))[0];
}

export async function findOmbudsmanCase(db: DbOrTx, personId: string, caseId: string) {
  return (await casesWhere(db, and(eq(ombudsmanCases.personId, personId), eq(ombudsmanCases.id, caseId))))[0];
}

/** Every complaint of the people the actor may see, with the person it is about. */
export async function visibleComplaints(db: DbOrTx, actor: Actor) {
  return complaintsWhere(db, inArray(complaints.personId, visiblePersonIds(db, actor)));
}

export async function visibleOmbudsmanCases(db: DbOrTx, actor: Actor) {
  return casesWhere(db, inArray(ombudsmanCases.personId, visiblePersonIds(db, actor)));
}

function visiblePersonIds(db: DbOrTx, actor: Actor) {
  return db.select({ id: people.id }).from(people).where(visiblePeople(actor));
}

export async function peopleNames(db: DbOrTx, actor: Actor, ids: string[]): Promise<Map<string, PersonName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(and(inArray(people.id, [...new Set(ids)]), visiblePeople(actor)));
  return new Map(rows.map((row) => [row.id, row]));
}
