/**
 * The periods in which a person had a section 117 duty, as the charging guard counts them (SERV-04/05):
 * the duties recorded on the register and the duties the law gives (`evaluate`, src/domain/rules), as the
 * `aftercare-charged` alerts count them. The duty arises by law on discharge, whether or not anyone recorded
 * it, so a charge on aftercare during a duty only the law shows is refused too (docs/care-records.md).
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import { maxDate, type CivilDate } from '../../domain/calendar/civil-date.ts';
import type { Charge } from '../../domain/case-file/schema.ts';
import type { DutyPeriod } from '../../domain/care-records/charging-guard.ts';
import { evaluate } from '../../domain/rules/evaluate.ts';
import { readCaseFile } from '../register/case-file-export.ts';

/**
 * Recorded and law duty periods. The law is evaluated as of `asOf` (a case file is a snapshot of today, so
 * pass the later of today and the last date the charges reach, or a future charge would miss its duty).
 */
export async function dutyPeriodsForCharging(tx: DbOrTx, personId: string, asOf: CivilDate): Promise<DutyPeriod[]> {
  // The register's own sections are what the law reads (detentions, CTOs, death, recorded endings).
  const file = await readCaseFile(tx, personId);
  const law = evaluate(file, asOf).duties;
  return [
    ...file.duties.map((duty): DutyPeriod => ({ start: duty.start, end: duty.end, source: 'recorded' })),
    ...law.map((duty): DutyPeriod => ({ start: duty.start, end: duty.end, source: 'law' })),
  ];
}

/** The date to evaluate the law as of for these charges: today, or the last date one of them names. */
export function chargingAsOf(today: CivilDate, chargesToCheck: readonly Pick<Charge, 'from' | 'to'>[]): CivilDate {
  return chargesToCheck.reduce((latest, charge) => maxDate(latest, charge.to ?? charge.from), today);
}
