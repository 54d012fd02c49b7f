/**
 * The stored alerts' SQL: a case's current rows, raising and clearing them, the register's current alerts
 * for the people an actor may see, acknowledgements, and a case's history (for the chronology).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { rowsOf, type DbOrTx } from '../../platform/db/client.ts';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import { inTextList } from '../../platform/db/in-list.ts';
import { pickedRowsByIds, type IdRange } from '../../platform/db/rows-by-ids.ts';
import { COUNT_LIMIT, decodeCursor, encodeCursor, keysetCondition, keysetOrder, keysetSelect, sortKeyOf, type KeysetKey } from '../../platform/db/keyset.ts';
import type { Alert } from '../../domain/rules/evaluation.ts';
import { resolvedVisibility, visiblePeople } from '../register/repository.ts';
import { people } from '../register/tables.ts';
import { diffAlerts, type AlertDiff } from './alert-diff.ts';
import { alertAcknowledgements, storedAlerts, type AlertAcknowledgementRow, type StoredAlertRow } from './tables.ts';

export async function currentAlertsOf(db: DbOrTx, personId: string): Promise<StoredAlertRow[]> {
  return db
    .select()
    .from(storedAlerts)
    .where(and(eq(storedAlerts.personId, personId), isNull(storedAlerts.clearedAt)))
    .orderBy(asc(storedAlerts.since), asc(storedAlerts.ruleId), asc(storedAlerts.subjectId));
}

/** Every stored row of a case, raised and cleared, oldest first. */
export async function alertHistoryOf(db: DbOrTx, personId: string): Promise<StoredAlertRow[]> {
  return db.select().from(storedAlerts).where(eq(storedAlerts.personId, personId)).orderBy(asc(storedAlerts.raisedAt), asc(storedAlerts.id));
}

export interface StoreResult {
  raised: number;
  cleared: number;
  updated: number;
}

/** Brings a case's stored alerts in line with an evaluation made for `asOf` at `now`. */
export async function storeEvaluatedAlerts(tx: DbOrTx, personId: string, alerts: readonly Alert[], asOf: string, now: Date): Promise<StoreResult> {
  return storeEvaluatedAlertsOfMany(tx, new Map([[personId, alerts]]), asOf, now);
}

/** What the comparison with an evaluation needs of a current stored alert (not when it was raised, nor its version). */
const currentAlertsOfMany = pickedRowsByIds(storedAlerts, {
  by: (t) => t.personId,
  whereNull: (t) => [t.clearedAt],
  orderBy: () => [], // the comparison is by key, so the order is not needed
  pick: ['id', 'personId', 'ruleId', 'subjectKind', 'subjectId', 'severity', 'since', 'message'],
});
type CurrentRow = Awaited<ReturnType<typeof currentAlertsOfMany.read>>[number];

/**
 * `storeEvaluatedAlerts` for many cases at once (the sweep): one read of their current alerts, one update
 * for every alert that clears, one insert for every alert raised; the rare changed alert is updated alone.
 * `range`: the cases are every person from its first to its last id (a sweep batch).
 */
export async function storeEvaluatedAlertsOfMany(tx: DbOrTx, evaluated: ReadonlyMap<string, readonly Alert[]>, asOf: string, now: Date, range?: IdRange): Promise<StoreResult> {
  const personIds = [...evaluated.keys()];
  if (personIds.length === 0) return { raised: 0, cleared: 0, updated: 0 };
  const currentByPerson = new Map<string, CurrentRow[]>();
  for (const row of await currentAlertsOfMany.read(tx, personIds, range)) {
    const own = currentByPerson.get(row.personId);
    if (own) own.push(row);
    else currentByPerson.set(row.personId, [row]);
  }
  const diff = { clear: [] as CurrentRow[], update: [] as AlertDiff<CurrentRow>['update'], raise: [] as { personId: string; alert: Alert }[] };
  for (const [personId, alerts] of evaluated) {
    const own = diffAlerts(currentByPerson.get(personId) ?? [], alerts);
    for (const row of own.clear) diff.clear.push(row);
    for (const change of own.update) diff.update.push(change);
    for (const alert of own.raise) diff.raise.push({ personId, alert });
  }
  if (diff.clear.length > 0) {
    await tx
      .update(storedAlerts)
      .set({ clearedAt: now, clearedOn: asOf, version: sql`${storedAlerts.version} + 1` })
      .where(inTextList(storedAlerts.id, diff.clear.map((row) => row.id)));
  }
  for (const { row, alert } of diff.update) {
    await tx
      .update(storedAlerts)
      .set({ severity: alert.severity, since: alert.since, message: alert.message, version: sql`${storedAlerts.version} + 1` })
      .where(eq(storedAlerts.id, row.id));
  }
  // One insert statement however many are raised (the first sweep, a batch of imported files).
  await bulkInsert(
    tx,
    storedAlerts,
    diff.raise.map(({ personId, alert }) => ({
      id: randomUUID(),
      personId,
      ruleId: alert.id,
      subjectKind: alert.subject.kind,
      subjectId: alert.subject.id,
      severity: alert.severity,
      since: alert.since,
      message: alert.message,
      raisedOn: asOf,
      raisedAt: now,
    })),
  );
  return { raised: diff.raise.length, cleared: diff.clear.length, updated: diff.update.length };
}

/** Ids of the people the actor may see (every person for the system), in id order. */
export async function visiblePersonIds(db: DbOrTx, actor: Actor): Promise<string[]> {
  const rows = await db.select({ id: people.id }).from(people).where(visiblePeople(actor)).orderBy(asc(people.id));
  return rows.map((row) => row.id);
}

export async function acknowledgementsOf(db: DbOrTx, personIds: readonly string[] | 'all'): Promise<AlertAcknowledgementRow[]> {
  const query = db.select().from(alertAcknowledgements);
  const filtered = personIds === 'all' ? query : personIds.length === 0 ? undefined : query.where(inArray(alertAcknowledgements.personId, [...personIds]));
  if (!filtered) return [];
  return filtered.orderBy(asc(alertAcknowledgements.acknowledgedAt), asc(alertAcknowledgements.id));
}

export async function insertAcknowledgement(tx: DbOrTx, row: AlertAcknowledgementRow): Promise<void> {
  await tx.insert(alertAcknowledgements).values(row);
}

/** A page of the current stored alerts: open only (acknowledged ones hidden) or all, filtered, in one of two orders. */
export interface StoredAlertsPageQuery extends CurrentAlertsFilter {
  /** `person`: the contract's order (person, then since, rule and subject); `severity`: highest, then oldest first. */
  order: 'person' | 'severity';
  pageSize: number;
  after?: string | undefined;
  before?: string | undefined;
  countLimit?: number;
}

export interface PagedStoredAlert {
  personId: string;
  ruleId: string;
  subjectKind: string;
  subjectId: string;
  severity: string;
  since: string;
  message: string;
  acknowledged: boolean;
}

/** A listed alert's raw row (the columns `storedAlertsPage` and `currentAlertsWithAcknowledgement` read). */
interface PagedAlertRow {
  person_id: string;
  rule_id: string;
  subject_kind: string;
  subject_id: string;
  severity: string;
  since: string;
  message: string;
  acknowledged: boolean;
}

function pagedAlertOf(row: PagedAlertRow): PagedStoredAlert {
  return {
    personId: row.person_id,
    ruleId: row.rule_id,
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    severity: row.severity,
    since: row.since,
    message: row.message,
    // A boolean may arrive as its text ('t'), as the page read has always allowed.
    acknowledged: row.acknowledged === true || (row.acknowledged as unknown) === 't',
  };
}

const c = (column: SQL | AnyColumn) => sql`${column} collate "C"`;
const alertKeys: Record<StoredAlertsPageQuery['order'], KeysetKey> = {
  person: {
    exprs: [c(storedAlerts.personId), sql`${storedAlerts.since}`, c(storedAlerts.ruleId), c(storedAlerts.subjectId), c(storedAlerts.subjectKind)],
    types: ['text', 'date', 'text', 'text', 'text'],
  },
  severity: {
    exprs: [sql`(case ${storedAlerts.severity} when 'high' then 0 when 'medium' then 1 else 2 end)`, sql`${storedAlerts.since}`, c(storedAlerts.personId), c(storedAlerts.ruleId), c(storedAlerts.subjectId), c(storedAlerts.subjectKind)],
    types: ['int', 'date', 'text', 'text', 'text', 'text'],
  },
};

/** Filters of the current stored alerts, shared by a page, its count and the dashboard's counts so they agree. */
export interface CurrentAlertsFilter {
  today: string;
  open: boolean;
  severity?: string | undefined;
  rule?: string | undefined;
  /** Only these people's alerts (the dashboard's "my cases"). */
  personIds?: readonly string[] | undefined;
}

async function currentAlertsFilter(db: DbOrTx, actor: Actor, filter: CurrentAlertsFilter) {
  const acknowledged = sql`exists (select 1 from ${alertAcknowledgements} where ${alertAcknowledgements.personId} = ${storedAlerts.personId}
    and ${alertAcknowledgements.ruleId} = ${storedAlerts.ruleId} and ${alertAcknowledgements.subjectKind} = ${storedAlerts.subjectKind}
    and ${alertAcknowledgements.subjectId} = ${storedAlerts.subjectId}
    and ${alertAcknowledgements.acknowledgedOn} <= ${filter.today}::date and ${filter.today}::date < ${alertAcknowledgements.lookAgainOn})`;
  const where = and(
    isNull(storedAlerts.clearedAt),
    await resolvedVisibility(db, actor, storedAlerts.personId),
    filter.severity ? eq(storedAlerts.severity, filter.severity) : undefined,
    filter.rule ? eq(storedAlerts.ruleId, filter.rule) : undefined,
    filter.personIds ? (filter.personIds.length === 0 ? sql`false` : inArray(storedAlerts.personId, [...filter.personIds])) : undefined,
    filter.open ? sql`not ${acknowledged}` : undefined,
  );
  return { where, acknowledged };
}

/**
 * How many current alerts of each severity and rule the actor may see (open ones: acknowledged hidden),
 * counted in SQL with the alerts page's own filter, so a dashboard count equals the total of the page its
 * link opens, without reading the alerts into memory.
 */
export async function currentAlertCounts(db: DbOrTx, actor: Actor, filter: CurrentAlertsFilter): Promise<{ severity: string; ruleId: string; n: number }[]> {
  const { where } = await currentAlertsFilter(db, actor, filter);
  const rows = rowsOf<{ severity: string; rule_id: string; n: number }>(
    await db.execute(sql`select ${storedAlerts.severity} as severity, ${storedAlerts.ruleId} as rule_id, count(*)::int as n
      from ${storedAlerts} where ${where} group by ${storedAlerts.severity}, ${storedAlerts.ruleId}`),
  );
  return rows.map((row) => ({ severity: row.severity, ruleId: row.rule_id, n: Number(row.n) }));
}

/**
 * One page of the current stored alerts of the cases the actor may see, by keyset from a cursor (`after` /
 * `before`), with the count of the whole list stopped at `countLimit` (past it `totalExact` is false).
 * Visibility is resolved first and the acknowledgement check is a correlated NOT EXISTS on its index, so a
 * page reads only the alerts it shows (and the count only what it counts), never every alert in memory.
 */
export async function storedAlertsPage(db: DbOrTx, actor: Actor, query: StoredAlertsPageQuery) {
  const countLimit = query.countLimit ?? COUNT_LIMIT;
  const list = `alerts:${query.order}:${query.open ? 'open' : 'all'}:${query.severity ?? ''}:${query.rule ?? ''}`;
  const key = alertKeys[query.order];
  const backwards = query.before !== undefined;
  const cursorText = query.before ?? query.after;
  const cursor = cursorText === undefined ? undefined : decodeCursor(cursorText, list, key.exprs.length, backwards ? 'before' : 'after');
  const { where, acknowledged } = await currentAlertsFilter(db, actor, query);
  const rows = rowsOf<PagedAlertRow & { sort_key: unknown }>(
    await db.execute(sql`select ${storedAlerts.personId} as person_id, ${storedAlerts.ruleId} as rule_id, ${storedAlerts.subjectKind} as subject_kind,
        ${storedAlerts.subjectId} as subject_id, ${storedAlerts.severity} as severity, ${storedAlerts.since}::text as since, ${storedAlerts.message} as message,
        ${acknowledged} as acknowledged, ${keysetSelect(key)} as sort_key
      from ${storedAlerts}
      where ${and(where, cursor ? keysetCondition(key, cursor.key, !backwards) : undefined)}
      order by ${keysetOrder(key, !backwards)}
      limit ${query.pageSize + 1}`),
  );
  const more = rows.length > query.pageSize;
  const shown = rows.slice(0, query.pageSize);
  if (backwards) shown.reverse();
  const page = cursor?.page ?? 1;
  const hasNext = backwards ? true : more;
  const hasPrevious = backwards ? more : cursor !== undefined;
  const counted = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (select 1 from ${storedAlerts} where ${where} limit ${countLimit + 1}) matching`));
  const n = Number(counted[0]?.n ?? 0);
  const first = shown[0];
  const last = shown.at(-1);
  return {
    alerts: shown.map(pagedAlertOf),
    total: Math.min(n, countLimit),
    totalExact: n <= countLimit,
    page,
    nextCursor: hasNext && last ? encodeCursor({ list, key: sortKeyOf(last.sort_key), page: page + 1 }) : null,
    previousCursor: hasPrevious && first && page > 1 ? encodeCursor({ list, key: sortKeyOf(first.sort_key), page: page - 1 }) : null,
  };
}

/**
 * Today's current alerts of every case the actor may see, with their acknowledgement on `today`, in the
 * contract's order (person, since, rule, subject): the whole `aftercare.alerts/v1` document in one statement.
 * Only the columns the document shows are read, as text, and the acknowledgement is the alerts page's
 * correlated EXISTS: at 250,000 people (6,204 alerts for one council) the whole rows read through Drizzle
 * and a second statement for the acknowledgements allocated ~30 MB a request, which a loaded server kept
 * in its old generation (docs/performance.md, "App memory under load").
 */
export async function currentAlertsWithAcknowledgement(db: DbOrTx, actor: Actor, today: string): Promise<PagedStoredAlert[]> {
  const { where, acknowledged } = await currentAlertsFilter(db, actor, { today, open: false });
  const rows = rowsOf<PagedAlertRow>(
    await db.execute(sql`select ${storedAlerts.personId} as person_id, ${storedAlerts.ruleId} as rule_id, ${storedAlerts.subjectKind} as subject_kind,
        ${storedAlerts.subjectId} as subject_id, ${storedAlerts.severity} as severity, ${storedAlerts.since}::text as since, ${storedAlerts.message} as message,
        ${acknowledged} as acknowledged
      from ${storedAlerts}
      where ${where}
      order by ${keysetOrder(alertKeys.person, true)}`),
  );
  return rows.map(pagedAlertOf);
}
