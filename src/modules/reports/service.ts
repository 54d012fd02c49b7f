/**
 * Reports: the register export (CSV, one row per duty) and the dashboards. Reads are limited to the cases
 * the actor may see; a download of the register is audited once.
 */
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { CaseFileSource } from '../alerts/case-file-source.ts';
import { visiblePersonIds } from '../alerts/repository.ts';
import { registerCsv } from './register-export.ts';

export interface ReportsServiceDeps {
  db: Db;
  readCaseFile: CaseFileSource;
}

export function createReportsService({ db, readCaseFile }: ReportsServiceDeps) {
  return {
    async exportRegisterCsv(ctx: ServiceContext, asOf = todayInLondon(ctx.now)): Promise<string> {
      assertPermission(ctx.actor, 'case:read');
      return db.transaction(async (tx) => {
        const files = [];
        for (const personId of await visiblePersonIds(tx, ctx.actor)) files.push(await readCaseFile(tx, personId));
        await recordAudit(tx, ctx, { action: 'register.export', recordType: 'register', after: { asOf, people: files.length } });
        return registerCsv(files, asOf);
      });
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
