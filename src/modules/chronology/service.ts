/**
 * The chronology and the journey picture of one case, read from the whole case file (the register's read
 * with every capability's sections) and the stored alerts' history, for a user who may see the case.
 */
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import { defaultRulesConfig, type RulesConfig } from '../../domain/rules/config.ts';
import { evaluate } from '../../domain/rules/evaluate.ts';
import type { CaseFile } from '../../domain/case-file/schema.ts';
import { requireVisiblePerson } from '../register/use-case.ts';
import type { CaseFileSource } from '../alerts/case-file-source.ts';
import { alertHistoryOf, currentAlertsOf } from '../alerts/repository.ts';
import { buildChronology } from './build-chronology.ts';
import { journeyFacts, journeyPicture } from './journey.ts';
import { lawDutyViewsOfCase, type LawDutyView } from './law-summary.ts';
import type { PersonCaseDto } from '../register/api-schemas.ts';
import { chronologyPaths } from './paths.ts';

export interface ChronologyServiceDeps {
  db: Db;
  readCaseFile: CaseFileSource;
  rulesConfig?: RulesConfig;
}

export function createChronologyService({ db, readCaseFile, rulesConfig = defaultRulesConfig }: ChronologyServiceDeps) {
  /** Reads the case for a user and audits the read (`case.view`, or `case.export` for a bundle) in the same transaction. */
  async function visibleCaseFile(ctx: ServiceContext, personId: string, action: 'case.view' | 'case.export' = 'case.view') {
    assertPermission(ctx.actor, 'case:read');
    return db.transaction(async (tx) => {
      await requireVisiblePerson(tx, ctx.actor, personId);
      await recordAudit(tx, ctx, { action, recordType: 'person', recordId: personId, personId });
      return { file: await readCaseFile(tx, personId), history: await alertHistoryOf(tx, personId), current: await currentAlertsOf(tx, personId) };
    });
  }
  return {
    async chronology(ctx: ServiceContext, personId: string) {
      const { file, history } = await visibleCaseFile(ctx, personId);
      return { file, entries: buildChronology(file, history) };
    },
    async journey(ctx: ServiceContext, personId: string) {
      const { file, current } = await visibleCaseFile(ctx, personId);
      const asOf = todayInLondon(ctx.now);
      const evaluation = evaluate(file, asOf, rulesConfig);
      const facts = journeyFacts(file, evaluation);
      return { file, evaluation, facts, picture: journeyPicture(facts, asOf), currentAlerts: current };
    },
    /**
     * What the law says, for the person's overview, from the case the overview has already read (and
     * audited, with visibility checked): no read and no audit event of its own.
     */
    lawSummary(ctx: ServiceContext, view: PersonCaseDto): { duties: LawDutyView[]; journeyHref: string } {
      assertPermission(ctx.actor, 'case:read');
      return { duties: lawDutyViewsOfCase(view, todayInLondon(ctx.now), rulesConfig), journeyHref: `${chronologyPaths.journey(view.person.id)}#what-the-law-says` };
    },
    /** The whole case file for an investigation bundle: audited as an export. */
    async caseFileForBundle(ctx: ServiceContext, personId: string): Promise<CaseFile> {
      const { file } = await visibleCaseFile(ctx, personId, 'case.export');
      return file;
    },
  };
}

export type ChronologyService = ReturnType<typeof createChronologyService>;
