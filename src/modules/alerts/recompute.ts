/**
 * Recomputing a case's stored alerts: read its whole case file, evaluate it as of a date (today in
 * Europe/London for a change; the sweep's date for a sweep) and store the difference. As a case-change
 * listener it runs inside the changing transaction, so a change and its alerts land together.
 */
import type { Tx, DbOrTx } from '../../platform/db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import { defaultRulesConfig, type RulesConfig } from '../../domain/rules/config.ts';
import { evaluate } from '../../domain/rules/evaluate.ts';
import type { CaseFile } from '../../domain/case-file/schema.ts';
import type { Alert } from '../../domain/rules/evaluation.ts';
import type { CaseFileSource, CaseFilesSource } from './case-file-source.ts';
import { storeEvaluatedAlerts, storeEvaluatedAlertsOfMany, type StoreResult } from './repository.ts';
import type { IdRange } from '../../platform/db/rows-by-ids.ts';

export interface AlertRecomputer {
  recomputeCase(tx: DbOrTx, personId: string, asOf: string, now: Date): Promise<StoreResult>;
  /**
   * Many cases at once (the sweep): their files read set-based when a `CaseFilesSource` is given, their alerts
   * stored together. `range`: the ids are every person from its first to its last id (a sweep batch).
   */
  recomputeCases(tx: DbOrTx, personIds: readonly string[], asOf: string, now: Date, range?: IdRange): Promise<StoreResult>;
  /** The case-change listener: `caseWriter.addListener(alerts.onCaseChanged)`. */
  onCaseChanged(tx: Tx, ctx: ServiceContext, personId: string): Promise<void>;
  /** The same for many cases changed together (a batch of imported files): one set-based recompute. */
  onCasesChanged(tx: Tx, ctx: ServiceContext, personIds: readonly string[]): Promise<void>;
}

export function createAlertRecomputer(readCaseFile: CaseFileSource, rulesConfig: RulesConfig = defaultRulesConfig, readCaseFiles?: CaseFilesSource): AlertRecomputer {
  async function recomputeCase(tx: DbOrTx, personId: string, asOf: string, now: Date): Promise<StoreResult> {
    const file = await readCaseFile(tx, personId);
    return storeEvaluatedAlerts(tx, personId, evaluate(file, asOf, rulesConfig).alerts, asOf, now);
  }
  async function recomputeCases(tx: DbOrTx, personIds: readonly string[], asOf: string, now: Date, range?: IdRange): Promise<StoreResult> {
    const files = readCaseFiles ? await readCaseFiles(tx, personIds, range) : new Map<string, CaseFile>();
    const evaluated = new Map<string, Alert[]>();
    for (const personId of personIds) {
      const file = files.get(personId) ?? (await readCaseFile(tx, personId));
      evaluated.set(personId, evaluate(file, asOf, rulesConfig).alerts);
    }
    return storeEvaluatedAlertsOfMany(tx, evaluated, asOf, now, range);
  }
  return {
    recomputeCase,
    recomputeCases,
    async onCaseChanged(tx, ctx, personId) {
      await recomputeCase(tx, personId, todayInLondon(ctx.now), ctx.now);
    },
    async onCasesChanged(tx, ctx, personIds) {
      await recomputeCases(tx, personIds, todayInLondon(ctx.now), ctx.now);
    },
  };
}
