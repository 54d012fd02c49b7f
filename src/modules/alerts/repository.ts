/**
 * The stored alerts' SQL: a case's current rows, raising and clearing them, the register's current alerts
 * for the people an actor may see, acknowledgements, and a case's history (for the chronology).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Alert } from '../../domain/rules/evaluation.ts';
import { organisationIdsAnsweredFor, visiblePeople, visiblePeopleAmong } from '../register/repository.ts';
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

/**
 * `storeEvaluatedAlerts` for many cases at once (the sweep): one read of their current alerts, one update
 * for every alert that clears, one insert for every alert raised; the rare changed alert is updated alone.
 */
export async function storeEvaluatedAlertsOfMany(tx: DbOrTx, evaluated: ReadonlyMap<string, readonly Alert[]>, asOf: string, now: Date): Promise<StoreResult> {
  const personIds = [...evaluated.keys()];
  if (personIds.length === 0) return { raised: 0, cleared: 0, updated: 0 };
  const current = await tx
    .select()
    .from(storedAlerts)
    .where(and(personIds.length === 1 ? eq(storedAlerts.personId, personIds[0] as string) : inArray(storedAlerts.personId, personIds), isNull(storedAlerts.clearedAt)))
    .orderBy(asc(storedAlerts.since), asc(storedAlerts.ruleId), asc(storedAlerts.subjectId));
  const currentByPerson = new Map<string, StoredAlertRow[]>();
  for (const row of current) currentByPerson.set(row.personId, [...(currentByPerson.get(row.personId) ?? []), row]);
  const diff = { clear: [] as StoredAlertRow[], update: [] as AlertDiff<StoredAlertRow>['update'], raise: [] as { personId: string; alert: Alert }[] };
  for (const [personId, alerts] of evaluated) {
    const own = diffAlerts(currentByPerson.get(personId) ?? [], alerts);
    diff.clear.push(...own.clear);
    diff.update.push(...own.update);
    diff.raise.push(...own.raise.map((alert) => ({ personId, alert })));
  }
  if (diff.clear.length > 0) {
    await tx
      .update(storedAlerts)
      .set({ clearedAt: now, clearedOn: asOf, version: sql`${storedAlerts.version} + 1` })
      .where(inArray(storedAlerts.id, diff.clear.map((row) => row.id)));
  }
  for (const { row, alert } of diff.update) {
    await tx
      .update(storedAlerts)
      .set({ severity: alert.severity, since: alert.since, message: alert.message, version: sql`${storedAlerts.version} + 1` })
      .where(eq(storedAlerts.id, row.id));
  }
  if (diff.raise.length > 0) {
    await tx.insert(storedAlerts).values(
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
  }
  return { raised: diff.raise.length, cleared: diff.clear.length, updated: diff.update.length };
}

/** The current stored alerts of every case the actor may see. */
export async function currentAlertsVisibleTo(db: DbOrTx, actor: Actor): Promise<StoredAlertRow[]> {
  const visible = actor.kind === 'system' || !actor.organisationId ? visiblePeople(actor) : visiblePeopleAmong(actor, await organisationIdsAnsweredFor(db, actor.organisationId));
  const rows = await db
    .select({ alert: storedAlerts })
    .from(storedAlerts)
    .innerJoin(people, eq(people.id, storedAlerts.personId))
    .where(and(isNull(storedAlerts.clearedAt), visible))
    .orderBy(asc(storedAlerts.personId), asc(storedAlerts.since), asc(storedAlerts.ruleId), asc(storedAlerts.subjectId));
  return rows.map((row) => row.alert);
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
