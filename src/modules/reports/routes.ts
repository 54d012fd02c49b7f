/**
 * The dashboards (my cases, team, organisation, health body) on one page, the list behind each duty count,
 * and the register's CSV download. Alert counts link to the alerts list filtered the same way.
 */
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/errors.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import { registerPaths } from '../register/paths.ts';
import { formatCivilDate } from '../register/view-shaping/format.ts';
import { alertsPaths } from '../alerts/paths.ts';
import { alertRows, ruleName, severityTags, subjectKindText } from '../alerts/view-shaping.ts';
import { coordinationPaths } from '../coordination/paths.ts';
import { actionTag } from '../coordination/view-shaping/tags.ts';
import { hasPermission } from '../../platform/permissions.ts';
import { isCivilDate } from '../../domain/calendar/civil-date.ts';
import { teamTrendChart, trendChart } from './dashboard.ts';
import type { DutyListRow } from './dashboard-queries.ts';
import { reportsPaths, reportsRoutes } from './paths.ts';
import { dutyLists, type DutyList, type ReportsService } from './service.ts';

const listTitles: Record<DutyList, string> = {
  mine: 'Duties allocated to you',
  unallocated: 'Open duties with nobody allocated',
  'health-body': 'Open duties your health body is responsible for',
};

const dutyRowView = (row: DutyListRow) => ({
  ...row,
  name: `${row.givenName} ${row.familyName}`,
  href: registerPaths.people.show(row.personId),
  startText: formatCivilDate(row.dutyStart),
});

export function registerReportsRoutes(app: FastifyInstance, services: { reports: ReportsService }): void {
  const { reports } = services;

  app.get(reportsRoutes.dashboard, { config: { permission: 'case:read' } }, async (request, reply) => {
    const d = await reports.dashboard(serviceContext(request));
    const severityHref = (severity: string) => `${alertsPaths.list()}?severity=${encodeURIComponent(severity)}`;
    const ruleHref = (rule: string) => `${alertsPaths.list()}?rule=${encodeURIComponent(rule)}`;
    return reply.view('reports/views/dashboard.njk', {
      today: d.today,
      mine: d.mine.map(dutyRowView),
      myAlerts: alertRows(d.myAlerts, (id) => alertsPaths.person(id)),
      links: {
        mine: reportsPaths.dutyList('mine'),
        unallocated: reportsPaths.dutyList('unallocated'),
        healthBody: reportsPaths.dutyList('health-body'),
        overdueReviews: ruleHref('plan-review-overdue'),
        allAlerts: alertsPaths.list(),
        registerCsv: reportsPaths.registerCsv(),
      },
      counts: { mine: d.mine.length, unallocated: d.unallocated.length, overdueReviews: d.overdueReviews, openAlerts: d.openAlerts, healthBody: d.healthBody.length },
      oldestUnallocated: d.unallocated.slice(0, 10).map(dutyRowView),
      bySeverity: d.bySeverity.map((g) => ({ ...g, tag: severityTags[g.key as keyof typeof severityTags], href: severityHref(g.key) })),
      byRule: d.byRule.map((g) => ({ ...g, name: ruleName(g.key), href: ruleHref(g.key) })),
      trend: d.trend.map((t) => ({ ...t, dateText: formatCivilDate(t.date) })),
      chart: trendChart(d.trend),
      trendRules: [...new Set(d.trendByRule.map((c) => c.ruleId))].sort().map((ruleId) => ({
        id: ruleId,
        name: ruleName(ruleId),
        counts: d.trend.map((t) => ({ n: d.trendByRule.find((c) => c.ruleId === ruleId && c.date === t.date)?.n ?? 0, href: reportsPaths.heldAlerts(t.date, { rule: ruleId }) })),
      })),
      trendTotals: d.trend.map((t) => ({ ...t, href: reportsPaths.heldAlerts(t.date) })),
      trendTeams: d.teams.map((team) => ({
        ...team,
        counts: d.trend.map((t) => ({ n: d.trendByTeam.find((c) => c.teamId === team.id && c.date === t.date)?.n ?? 0, href: reportsPaths.heldAlerts(t.date, { team: team.id }) })),
      })),
      teamChart: teamTrendChart(d.trend.map((t) => t.date), d.teams, d.trendByTeam),
      myActions: d.myActions.map(({ personId, personName, action }) => ({
        personName,
        personHref: coordinationPaths.section(personId, 'meetings'),
        text: action.text,
        // Someone who may write goes straight to marking it done; anyone else to the meetings it came from.
        href: hasPermission(request.actor!, 'case:write') ? coordinationPaths.form(personId, 'completeAction', action.id) : coordinationPaths.section(personId, 'meetings'),
        dueText: formatCivilDate(action.due),
        tag: actionTag(action.completedOn, action.due, d.today),
      })),
      myActionsHref: coordinationPaths.myActions(),
      healthBodyByCouncil: d.healthBodyByCouncil,
    });
  });

  app.get<{ Params: { list: string } }>(reportsRoutes.dutyList, { config: { permission: 'case:read' } }, async (request, reply) => {
    const list = request.params.list as DutyList;
    if (!(dutyLists as readonly string[]).includes(list)) throw new NotFoundError('No such list');
    const rows = await reports.dutyList(serviceContext(request), list);
    return reply.view('reports/views/duty-list.njk', { title: listTitles[list], rows: rows.map(dutyRowView), backHref: reportsPaths.dashboard() });
  });

  app.get<{ Querystring: { on?: string; rule?: string; team?: string } }>(reportsRoutes.heldAlerts, { config: { permission: 'case:read' } }, async (request, reply) => {
    const { on, rule, team } = request.query;
    if (!on || !isCivilDate(on)) throw new NotFoundError('No such list');
    const { rows, teamName } = await reports.heldAlerts(serviceContext(request), on, { rule, team });
    const of = [rule ? `the rule “${ruleName(rule)}”` : '', team ? `the team “${teamName ?? team}”` : ''].filter(Boolean).join(' and ');
    return reply.view('reports/views/held-alerts.njk', {
      title: `Alerts held on ${formatCivilDate(on)}${of ? ` for ${of}` : ''}`,
      backHref: reportsPaths.dashboard(),
      rows: rows.map((row) => ({
        ...row,
        name: `${row.givenName} ${row.familyName}`,
        href: alertsPaths.person(row.personId),
        rule: ruleName(row.ruleId),
        subjectText: subjectKindText(row.subjectKind),
        sinceText: formatCivilDate(row.since),
        severityTag: severityTags[row.severity as keyof typeof severityTags],
      })),
    });
  });

  app.get(reportsRoutes.registerCsv, { config: { permission: 'case:read' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const csv = await reports.exportRegisterCsv(ctx);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="register.csv"').send(csv);
  });
}
