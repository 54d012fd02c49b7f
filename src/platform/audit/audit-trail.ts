/**
 * Writes and reads the audit trail. `recordAudit` is called inside the transaction of the change it
 * records, so the event and the change commit or fail together. The table refuses UPDATE, DELETE and
 * TRUNCATE (migration 0001), so nothing written here can be altered afterwards.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { preparedStatement } from '../db/prepared.ts';
import type { ServiceContext } from '../context.ts';
import { auditEvents, type AuditEventRow } from './tables.ts';

export interface AuditEntry {
  /** `case.view`, `person.create`, `duty.update`, `auth.sign_in`… (noun.verb). */
  action: string;
  recordType?: string | undefined;
  recordId?: string | undefined;
  personId?: string | undefined;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: DbOrTx, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  const row = auditRow(ctx, entry);
  // Each value as Drizzle's insert sends it: the column's own mapping (the moment as ISO text, JSON as text), absent as NULL.
  const values = Object.fromEntries(
    auditColumns.map((key) => {
      const value = row[key];
      return [key, value === null || value === undefined ? null : (auditEvents[key].mapToDriverValue(value as never) as string)];
    }),
  );
  await insertAuditEvent.execute(tx, values);
}

/**
 * One audit event, as a prepared statement built once (src/platform/db/prepared.ts): every page view writes
 * one, and Drizzle's insert builder cost ~40 µs a call to build the same text again.
 */
const auditColumns = ['at', 'actorId', 'actorKind', 'actorName', 'organisationId', 'action', 'recordType', 'recordId', 'personId', 'before', 'after', 'requestId'] as const;
const insertAuditEvent = preparedStatement<Record<string, string | null>>(
  () => sql`insert into ${auditEvents} (${sql.join(auditColumns.map((key) => sql.identifier(auditEvents[key].name)), sql`, `)})
    values (${sql.join(auditColumns.map((key) => sql`${sql.placeholder(key)}::${sql.raw(auditEvents[key].getSQLType())}`), sql`, `)})`,
);

/** The row `recordAudit` writes, for callers that write many events with one statement (a batch of imported files). */
export function auditRow(ctx: ServiceContext, entry: AuditEntry): typeof auditEvents.$inferInsert {
  return {
    at: ctx.now,
    actorId: ctx.actor.id,
    actorKind: ctx.actor.kind,
    actorName: ctx.actor.name,
    organisationId: ctx.actor.organisationId,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    personId: entry.personId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
  };
}

export interface AuditSearch {
  personId?: string | undefined;
  actorId?: string | undefined;
  /** Inclusive start moment. */
  from?: Date | undefined;
  /** Exclusive end moment. */
  to?: Date | undefined;
  page?: number;
  pageSize?: number;
}

export interface AuditPage {
  events: AuditEventRow[];
  total: number;
  page: number;
  pageSize: number;
}

export async function searchAudit(db: DbOrTx, search: AuditSearch): Promise<AuditPage> {
  const conditions: SQL[] = [];
  if (search.personId) conditions.push(eq(auditEvents.personId, search.personId));
  if (search.actorId) conditions.push(eq(auditEvents.actorId, search.actorId));
  if (search.from) conditions.push(gte(auditEvents.at, search.from));
  if (search.to) conditions.push(lt(auditEvents.at, search.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const pageSize = Math.min(Math.max(search.pageSize ?? 50, 1), 200);
  const page = Math.max(search.page ?? 1, 1);
  const [events, counted] = await Promise.all([
    db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  return { events, total: counted[0]?.n ?? 0, page, pageSize };
}
