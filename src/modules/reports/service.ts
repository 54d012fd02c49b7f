/**
 * Reports: the register export (CSV, one row per duty) and the dashboards — my cases, team, organisation
 * and health body. Every count on a dashboard is the length of a list from the same function that the
 * count's link shows. Reads are limited to the cases the actor may see; a download of the register is
 * audited once.
 */
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import { assertPermission } from '../../platform/permissions.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { CaseFileSource } from '../alerts/case-file-source.ts';
import { visiblePersonIds } from '../alerts/repository.ts';
import type { AlertsService } from '../alerts/service.ts';
import { alertCountsOnDates, healthBodyDuties, myDuties, unallocatedDuties, type DutyListRow } from './dashboard-queries.ts';
import { trendDates } from './dashboard.ts';
import { heldAlertsOn, teamCountsOnDates, teamNames, type HeldAlertFilter, type HeldAlertRow } from './held-alerts.ts';
import { actionsOwnedBy } from '../coordination/repository.ts';
import { registerCsv } from './register-export.ts';

export interface ReportsServiceDeps {
  db: Db;
  readCaseFile: CaseFileSource;
  alerts: AlertsService;
}

export const dutyLists = ['mine', 'unallocated', 'health-body'] as const;
export type DutyList = (typeof dutyLists)[number];

export function createReportsService({ db, readCaseFile, alerts }: ReportsServiceDeps) {
  /** The list behind a dashboard count of duties. */
  async function dutyList(ctx: ServiceContext, list: DutyList): Promise<DutyListRow[]> {
    assertPermission(ctx.actor, 'case:read');
    const today = todayInLondon(ctx.now);
    if (list === 'mine') return myDuties(db, ctx.actor, today);
    if (list === 'unallocated') return unallocatedDuties(db, ctx.actor, today);
    return ctx.actor.organisationId ? healthBodyDuties(db, ctx.actor, today, ctx.actor.organisationId) : [];
  }

  return {
    dutyList,
    async dashboard(ctx: ServiceContext) {
      const [mine, unallocated, healthBody, open] = [await dutyList(ctx, 'mine'), await dutyList(ctx, 'unallocated'), await dutyList(ctx, 'health-body'), await alerts.openAlertCounts(ctx)];
      const myAlerts = await alerts.openAlertsOf(ctx, [...new Set(mine.map((row) => row.personId))]);
      const today = todayInLondon(ctx.now);
      const dates = trendDates(today);
      const counts = await alertCountsOnDates(db, ctx.actor, dates);
      const teamCounts = await teamCountsOnDates(db, ctx.actor, dates);
      const teams = await teamNames(db, [...new Set(teamCounts.map((c) => c.teamId))]);
      // Open actions are listed by due date, so the overdue ones come first.
      const myActions = await actionsOwnedBy(db, ctx.actor);
      const councils = new Map<string, { id: string; name: string; count: number }>();
      for (const row of healthBody) {
        const council = councils.get(row.localAuthorityId) ?? { id: row.localAuthorityId, name: row.localAuthorityName ?? row.localAuthorityId, count: 0 };
        council.count += 1;
        councils.set(row.localAuthorityId, council);
      }
      return {
        today,
        mine,
        myAlerts,
        unallocated,
        overdueReviews: open.byRule.find((group) => group.key === 'plan-review-overdue')?.count ?? 0,
        bySeverity: open.bySeverity,
        byRule: open.byRule,
        openAlerts: open.total,
        trend: dates.map((date) => ({ date, total: counts.filter((c) => c.date === date).reduce((sum, c) => sum + c.n, 0) })),
        trendByRule: counts,
        trendByTeam: teamCounts,
        teams: [...teams.entries()].filter(([id]) => teamCounts.some((c) => c.teamId === id)).map(([id, name]) => ({ id, name })).sort((a, b) => Number(a.id === 'none') - Number(b.id === 'none') || a.name.localeCompare(b.name)),
        myActions,
        healthBody,
        healthBodyByCouncil: [...councils.values()].sort((a, b) => a.name.localeCompare(b.name)),
      };
    },
    /** The list behind a count of the organisation's history: the alerts held on a date, by rule and/or team. */
    async heldAlerts(ctx: ServiceContext, date: string, filter: HeldAlertFilter): Promise<{ rows: HeldAlertRow[]; teamName: string | undefined }> {
      assertPermission(ctx.actor, 'case:read');
      const rows = await heldAlertsOn(db, ctx.actor, date, filter);
      return { rows, teamName: filter.team ? (await teamNames(db, [filter.team])).get(filter.team) : undefined };
    },
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
