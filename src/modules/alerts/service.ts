/**
 * The alerts' use cases: the register's alerts on a date (stored rows for today, a fresh evaluation for any
 * other date), acknowledging an alert, the sweep, and the case-change listener that keeps stored alerts
 * equal to a fresh evaluation.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../platform/context.ts';

import type { Db } from '../../platform/db/client.ts';
import type { IdRange } from '../../platform/db/rows-by-ids.ts';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import { ValidationError } from '../../platform/errors.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import { defaultRulesConfig, type RulesConfig } from '../../domain/rules/config.ts';
import { evaluate } from '../../domain/rules/evaluate.ts';
import { parseInput, requireVisiblePerson } from '../register/use-case.ts';
import { acknowledgedOn, alertKey } from './alert-diff.ts';
import { ALERTS_SCHEMA_ID, acknowledgeInput, type AlertsDocument, type ListedAlert } from './api-schemas.ts';
import type { CaseFile } from '../../domain/case-file/schema.ts';
import { readCaseFilesUnaudited, readCaseFileUnaudited, type CaseFileSource, type CaseFilesSource } from './case-file-source.ts';
import { createAlertRecomputer } from './recompute.ts';
import { acknowledgementsOf, alertHistoryOf, currentAlertsOf, currentAlertsWithAcknowledgement, insertAcknowledgement, currentAlertCounts, storedAlertsPage, visiblePersonIds, type PagedStoredAlert } from './repository.ts';
import { decodeCursor, encodeCursor } from '../../platform/db/keyset.ts';
import { runSweep, type SweepOptions, type SweepResult } from './sweep.ts';
import type { AlertAcknowledgementRow, StoredAlertRow } from './tables.ts';

export interface AlertsServiceDeps {
  db: Db;
  rulesConfig?: RulesConfig;
  /** How a case file is read for evaluation (the whole export, without its audit event). */
  readCaseFile?: CaseFileSource;
  /** The same for many people with set-based reads (`register.readCaseFiles`); without it they are read one by one. */
  readCaseFiles?: CaseFilesSource;
}

const severityRank = { high: 0, medium: 1, low: 2 } as const;

/** Person, since, rule, subject, in code-unit order (the order of the stored alerts' keyset); no arrays a comparison. */
function byPersonThenEngineOrder(a: ListedAlert, b: ListedAlert): number {
  if (a.personId !== b.personId) return a.personId < b.personId ? -1 : 1;
  if (a.since !== b.since) return a.since < b.since ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  if (a.subject.id !== b.subject.id) return a.subject.id < b.subject.id ? -1 : 1;
  return 0;
}

function groupAcks(acks: readonly AlertAcknowledgementRow[]): Map<string, AlertAcknowledgementRow[]> {
  const grouped = new Map<string, AlertAcknowledgementRow[]>();
  for (const ack of acks) {
    const key = `${ack.personId}\u0000${alertKey(ack)}`;
    grouped.set(key, [...(grouped.get(key) ?? []), ack]);
  }
  return grouped;
}

/** A stored alert (current or paged) in the listed shape; only the fields both rows carry are read. */
export function listedFromStored(
  row: Pick<StoredAlertRow, 'personId' | 'ruleId' | 'severity' | 'since' | 'subjectKind' | 'subjectId' | 'message'>,
  acknowledged: boolean,
): ListedAlert {
  return {
    personId: row.personId,
    id: row.ruleId,
    severity: row.severity as ListedAlert['severity'],
    since: row.since,
    subject: { kind: row.subjectKind, id: row.subjectId },
    message: row.message,
    acknowledged,
  };
}

const listedFromPaged = (row: PagedStoredAlert): ListedAlert => listedFromStored(row, row.acknowledged);

/** Keys compared element by element in code-unit order (as `collate "C"` orders the stored ones). */
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

export interface AlertsPageQuery {
  show?: 'open' | 'all' | undefined;
  severity?: string | undefined;
  rule?: string | undefined;
  after?: string | undefined;
  before?: string | undefined;
  pageSize?: number | undefined;
}

export function createAlertsService(deps: AlertsServiceDeps) {
  const { db } = deps;
  const rulesConfig = deps.rulesConfig ?? defaultRulesConfig;
  const readCaseFile = deps.readCaseFile ?? readCaseFileUnaudited;
  const readCaseFiles = deps.readCaseFiles ?? (deps.readCaseFile ? undefined : readCaseFilesUnaudited);
  const recomputer = createAlertRecomputer(readCaseFile, rulesConfig, readCaseFiles);

  /**
   * Every alert of the cases the actor may see, on `asOf` (default today), acknowledged ones flagged; with
   * `paging` one page of them in the same order and the next page's cursor. Today's pages are read by keyset
   * from the stored alerts; another date's are cut from the fresh evaluation (no cheaper, but the same shape).
   */
  async function listAlerts(ctx: ServiceContext, asOf?: string, paging?: { limit?: number | undefined; after?: string | undefined }): Promise<AlertsDocument> {
    assertPermission(ctx.actor, 'case:read');
    const today = todayInLondon(ctx.now);
    const date = asOf ?? today;
    if (paging && (paging.limit !== undefined || paging.after !== undefined)) {
      const pageSize = paging.limit ?? 100;
      if (date === today) {
        const page = await storedAlertsPage(db, ctx.actor, { today, open: false, order: 'person', pageSize, after: paging.after });
        return { schema: ALERTS_SCHEMA_ID, asOf: date, alerts: page.alerts.map(listedFromPaged), nextCursor: page.nextCursor };
      }
      const whole = await listAlerts(ctx, date);
      const list = `alerts-on:${date}`;
      const keyOf = (a: ListedAlert) => [a.personId, a.since, a.id, a.subject.id, a.subject.kind];
      const cursor = paging.after === undefined ? undefined : decodeCursor(paging.after, list, 5, 'after');
      const rest = cursor ? whole.alerts.filter((a) => compareKeys(keyOf(a), cursor.key) > 0) : whole.alerts;
      const shown = rest.slice(0, pageSize);
      const last = shown.at(-1);
      return { ...whole, alerts: shown, nextCursor: rest.length > pageSize && last ? encodeCursor({ list, key: keyOf(last), page: (cursor?.page ?? 1) + 1 }) : null };
    }
    if (date === today) {
      // One statement (its own snapshot): the stored alerts with their acknowledgement, only the columns shown,
      // already in the document's order (person, since, rule, subject in code-unit order: no sort here).
      const rows = await currentAlertsWithAcknowledgement(db, ctx.actor, today);
      return { schema: ALERTS_SCHEMA_ID, asOf: date, alerts: rows.map(listedFromPaged) };
    }
    return db.transaction(async (tx) => {
      const personIds = await visiblePersonIds(tx, ctx.actor);
      const alerts: Omit<ListedAlert, 'acknowledged'>[] = [];
      for (let start = 0; start < personIds.length; start += 500) {
        const chunk = personIds.slice(start, start + 500);
        const files = readCaseFiles ? await readCaseFiles(tx, chunk) : new Map<string, CaseFile>();
        for (const personId of chunk) {
          const evaluation = evaluate(files.get(personId) ?? (await readCaseFile(tx, personId)), date, rulesConfig);
          for (const alert of evaluation.alerts) alerts.push({ personId, ...alert });
        }
      }
      const acks = groupAcks(await acknowledgementsOf(tx, personIds));
      const listed = alerts.map((alert) => ({
        ...alert,
        acknowledged: acknowledgedOn(acks.get(`${alert.personId}\u0000${alertKey({ ruleId: alert.id, subjectKind: alert.subject.kind, subjectId: alert.subject.id })}`) ?? [], date),
      }));
      return { schema: ALERTS_SCHEMA_ID, asOf: date, alerts: listed.sort(byPersonThenEngineOrder) };
    });
  }

  return {
    listAlerts,
    /**
     * The counts of today's open alerts by severity and by rule (the dashboards), counted in SQL with the
     * alerts page's filter: each count is the total of the page its link opens.
     */
    async openAlertCounts(ctx: ServiceContext) {
      assertPermission(ctx.actor, 'case:read');
      const rows = await currentAlertCounts(db, ctx.actor, { today: todayInLondon(ctx.now), open: true });
      const sum = (key: (row: (typeof rows)[number]) => string) => {
        const counts = new Map<string, number>();
        for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + row.n);
        return counts;
      };
      const bySeverity = sum((row) => row.severity);
      const byRule = sum((row) => row.ruleId);
      return {
        total: rows.reduce((n, row) => n + row.n, 0),
        bySeverity: (['high', 'medium', 'low'] as const).filter((key) => bySeverity.has(key)).map((key) => ({ key, count: bySeverity.get(key)! })),
        byRule: [...byRule.keys()].sort().map((key) => ({ key, count: byRule.get(key)! })),
      };
    },
    /** Today's open alerts of these people, highest severity then oldest first (a worker's own cases). */
    async openAlertsOf(ctx: ServiceContext, personIds: readonly string[]): Promise<ListedAlert[]> {
      assertPermission(ctx.actor, 'case:read');
      if (personIds.length === 0) return [];
      const page = await storedAlertsPage(db, ctx.actor, { today: todayInLondon(ctx.now), open: true, personIds, order: 'severity', pageSize: 1000 });
      return page.alerts.map(listedFromPaged);
    },
    /**
     * One page of today's alerts for the alerts page: open ones (acknowledged hidden) highest severity then
     * oldest first, or every one; filtered by severity and rule; by keyset, with the count stopped at 10,000.
     */
    async alertsPage(ctx: ServiceContext, query: AlertsPageQuery, countLimit?: number) {
      assertPermission(ctx.actor, 'case:read');
      const page = await storedAlertsPage(db, ctx.actor, {
        today: todayInLondon(ctx.now),
        open: query.show !== 'all',
        severity: query.severity,
        rule: query.rule,
        order: 'severity',
        pageSize: query.pageSize ?? 50,
        after: query.after,
        before: query.before,
        ...(countLimit === undefined ? {} : { countLimit }),
      });
      return { ...page, alerts: page.alerts.map(listedFromPaged) };
    },
    /** The default list: acknowledged alerts hidden until their look-again date; highest severity, then oldest first. */
    async openAlerts(ctx: ServiceContext): Promise<ListedAlert[]> {
      const document = await listAlerts(ctx);
      return document.alerts
        .filter((alert) => !alert.acknowledged)
        .sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) || byPersonThenEngineOrder(a, b));
    },
    /** A case's current alerts with their acknowledgements (the person's pages). */
    async caseAlerts(ctx: ServiceContext, personId: string) {
      assertPermission(ctx.actor, 'case:read');
      return db.transaction(async (tx) => {
        await requireVisiblePerson(tx, ctx.actor, personId);
        const today = todayInLondon(ctx.now);
        const acks = groupAcks(await acknowledgementsOf(tx, [personId]));
        return (await currentAlertsOf(tx, personId)).map((row) => {
          const own = acks.get(`${personId}\u0000${alertKey(row)}`) ?? [];
          return { ...listedFromStored(row, acknowledgedOn(own, today)), acknowledgements: own };
        });
      });
    },
    /** Every stored alert of a case, raised and cleared (for the chronology). */
    alertHistory: (tx: Parameters<typeof alertHistoryOf>[0], personId: string) => alertHistoryOf(tx, personId),
    /** Acknowledges a current alert: audited, hidden from default lists until `lookAgainOn`, never deleted. */
    async acknowledge(ctx: ServiceContext, personId: string, input: unknown): Promise<{ id: string }> {
      assertPermission(ctx.actor, 'case:write');
      const parsed = parseInput(acknowledgeInput, input);
      const today = todayInLondon(ctx.now);
      if (parsed.lookAgainOn <= today) throw new ValidationError([{ path: 'lookAgainOn', message: 'The date to look again must be in the future' }]);
      return db.transaction(async (tx) => {
        await requireVisiblePerson(tx, ctx.actor, personId);
        const current = (await currentAlertsOf(tx, personId)).find((row) => alertKey(row) === alertKey(parsed));
        if (!current) throw new ValidationError([{ path: 'ruleId', message: 'This alert no longer holds, so there is nothing to acknowledge' }]);
        const row: AlertAcknowledgementRow = {
          id: randomUUID(),
          personId,
          ruleId: parsed.ruleId,
          subjectKind: parsed.subjectKind,
          subjectId: parsed.subjectId,
          reason: parsed.reason,
          acknowledgedOn: today,
          lookAgainOn: parsed.lookAgainOn,
          acknowledgedBy: ctx.actor.id,
          acknowledgedByName: ctx.actor.name,
          acknowledgedAt: ctx.now,
        };
        await insertAcknowledgement(tx, row);
        await recordAudit(tx, ctx, { action: 'alert.acknowledge', recordType: 'alert', recordId: row.id, personId, after: { ...parsed, storedAlertId: current.id } });
        return { id: row.id };
      });
    },
    /** Recomputes every case as of a date; `{ status: 'busy' }` when another sweep holds the lock. */
    sweep: (options: SweepOptions): Promise<SweepResult> => runSweep(db, recomputer, options),
    /** Recomputes one case now, in its own transaction (after a write that bypassed the case writer). */
    recomputeCase: (personId: string, asOf: string, now = new Date()) => db.transaction((tx) => recomputer.recomputeCase(tx, personId, asOf, now)),
    /** Recomputes a batch of cases in its own transaction: what the sweep does with each batch (and a sweep worker thread with those it is handed). */
    recomputeCases: (personIds: readonly string[], asOf: string, now = new Date(), range?: IdRange) => db.transaction((tx) => recomputer.recomputeCases(tx, personIds, asOf, now, range)),
    /** Register with the shared case writer: `caseWriter.addListener(services.alerts.onCaseChanged)`. */
    onCaseChanged: recomputer.onCaseChanged,
    /** Its batch form: `caseWriter.addListener(alerts.onCaseChanged, alerts.onCasesChanged)`. */
    onCasesChanged: recomputer.onCasesChanged,
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
