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
import type { CaseFileSource } from './case-file-source.ts';
import { storeEvaluatedAlerts, type StoreResult } from './repository.ts';

export interface AlertRecomputer {
  recomputeCase(tx: DbOrTx, personId: string, asOf: string, now: Date): Promise<StoreResult>;
  /** The case-change listener: `caseWriter.addListener(alerts.onCaseChanged)`. */
  onCaseChanged(tx: Tx, ctx: ServiceContext, personId: string): Promise<void>;
}

export function createAlertRecomputer(readCaseFile: CaseFileSource, rulesConfig: RulesConfig = defaultRulesConfig): AlertRecomputer {
  async function recomputeCase(tx: DbOrTx, personId: string, asOf: string, now: Date): Promise<StoreResult> {
    const file = await readCaseFile(tx, personId);
    return storeEvaluatedAlerts(tx, personId, evaluate(file, asOf, rulesConfig).alerts, asOf, now);
  }
  return {
    recomputeCase,
    async onCaseChanged(tx, ctx, personId) {
      await recomputeCase(tx, personId, todayInLondon(ctx.now), ctx.now);
    },
  };
}
