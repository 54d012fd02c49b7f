/**
 * END-05: recording a qualifying detention ends the person's open duty on the day it began, with reason
 * `redetained` (Worcestershire [2023] UKSC 31); the health body carries on to the next duty (ICB-04).
 * The register's detention write calls this inside its transaction, so the detention and the ending land
 * together. The rule is `endDutiesOnRedetention`; an imported file is not touched (history as it was).
 */
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { Detention } from '../../domain/case-file/schema.ts';
import { endDutiesOnRedetention } from '../../domain/care-records/redetention.ts';
import { defaultRulesConfig, type RulesConfig } from '../../domain/rules/config.ts';
import * as registerMap from '../register/case-file-mapping.ts';
import { duties } from '../register/tables.ts';
import { dutyWhere } from './repository.ts';
import { audit } from './use-case.ts';

export async function endDutiesOnNewDetention(
  tx: Tx,
  ctx: ServiceContext,
  personId: string,
  detention: Detention,
  recallPolicy: RulesConfig['recallPolicy'] = defaultRulesConfig.recallPolicy,
): Promise<string[]> {
  const rows = await tx.select().from(duties).where(eq(duties.personId, personId));
  const outcome = endDutiesOnRedetention({ duties: rows.map(registerMap.dutyFromRow), detention, recallPolicy });
  for (const ended of outcome.ended) {
    const row = rows.find((candidate) => candidate.id === ended.dutyId);
    await tx.update(duties).set({ end: ended.duty.end, endReason: 'redetained', version: (row?.version ?? 0) + 1, updatedAt: ctx.now }).where(dutyWhere(personId, ended.dutyId));
    await audit(tx, ctx, personId, 'duty.end', ended.dutyId, row ? registerMap.dutyFromRow(row) : null, { ...ended.duty, reasons: ended.reasons });
  }
  return outcome.ended.map((ended) => ended.dutyId);
}
