/**
 * The alerts' routes: `GET /api/v1/alerts?asOf=` (contract: `aftercare.alerts/v1`, limited to the cases
 * the caller may see), the register's open alerts page and its CSV, and a person's alerts with the form to
 * acknowledge one (a reason and a date to look again). Every route declares its permission.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import { hasPermission } from '../../platform/permissions.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { RegisterService } from '../register/service.ts';
import { casePageFrame } from '../chronology/person-frame.ts';
import { alertsCsv } from './alerts-csv.ts';
import { alertsDocument, alertsQuery } from './api-schemas.ts';
import { alertsPaths, alertsRoutes } from './paths.ts';
import type { AlertsService } from './service.ts';
import { alertRows, ruleName, severityTags, subjectKindText } from './view-shaping.ts';

const problem = z.looseObject({ type: z.string(), title: z.string(), status: z.number().int() }).describe('RFC 9457 problem details');

type FormBody = Record<string, string | undefined>;

/** `/alerts?…` with the parameters that are set, in a stable order. */
export function alertsListHref(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const key of ['show', 'severity', 'rule', 'after', 'before']) if (params[key]) search.set(key, params[key]);
  const text = search.toString();
  return text ? `${alertsPaths.list()}?${text}` : alertsPaths.list();
}

export function registerAlertsRoutes(app: FastifyInstance, services: { alerts: AlertsService; register: RegisterService }): void {
  const { alerts, register } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(alertsRoutes.api, {
    config: { permission: 'case:read' },
    schema: {
      tags: ['Alerts'],
      summary: 'Alerts across the cases the caller may see, as evaluated on a date (aftercare.alerts/v1)',
      querystring: alertsQuery,
      response: { 200: alertsDocument, 400: problem, 401: problem, 403: problem },
    },
  }, async (request) => alerts.listAlerts(serviceContext(request), request.query.asOf, { limit: request.query.limit, after: request.query.after }));

  app.get<{ Querystring: { show?: string; severity?: string; rule?: string; after?: string; before?: string } }>(alertsRoutes.list, { config: { permission: 'case:read' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const showAll = request.query.show === 'all';
    // The dashboards' counts link here with the same filter they counted with; pages follow keyset cursors.
    const filter = { severity: request.query.severity || undefined, rule: request.query.rule || undefined };
    const wanted = { show: showAll ? ('all' as const) : ('open' as const), ...filter };
    // A page link whose cursor no longer fits (changed by hand, or from another filter) starts again at the first page.
    const page = await alerts.alertsPage(ctx, { ...wanted, after: request.query.after || undefined, before: request.query.before || undefined }).catch((error: unknown) => {
      if (!(error instanceof ValidationError)) throw error;
      return alerts.alertsPage(ctx, wanted);
    });
    const hrefWith = (extra: Record<string, string | undefined>) => alertsListHref({ show: showAll ? 'all' : undefined, ...filter, ...extra });
    return reply.view('alerts/views/list.njk', {
      rows: alertRows(page.alerts, (id) => alertsPaths.person(id)),
      countText: `${page.totalExact ? '' : 'More than '}${page.total.toLocaleString('en-GB')} ${page.total === 1 && page.totalExact ? 'alert' : 'alerts'}`,
      pagination: page.nextCursor || page.previousCursor
        ? {
            ...(page.previousCursor ? { previous: { href: hrefWith({ before: page.previousCursor }) } } : {}),
            ...(page.nextCursor ? { next: { href: hrefWith({ after: page.nextCursor }) } } : {}),
          }
        : null,
      pageNumber: page.page,
      filterText: [filter.severity ? `severity ${filter.severity}` : '', filter.rule ? `rule ${filter.rule}` : ''].filter(Boolean).join(', '),
      showAll,
      allHref: `${alertsPaths.list()}?show=all`,
      openHref: alertsPaths.list(),
      csvHref: alertsPaths.csv(),
    });
  });

  app.get(alertsRoutes.csv, { config: { permission: 'case:read' } }, async (request, reply) => {
    const document = await alerts.listAlerts(serviceContext(request));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="alerts-${document.asOf}.csv"`)
      .send(alertsCsv(document.alerts));
  });

  const renderPersonAlerts = async (reply: FastifyReply, ctx: ReturnType<typeof serviceContext>, personId: string, values: FormBody = {}, issues: ValidationError['issues'] = []) => {
    const frame = await casePageFrame(register, ctx, personId, 'alerts');
    const current = await alerts.caseAlerts(ctx, personId);
    const today = todayInLondon(ctx.now);
    return reply.code(issues.length ? 400 : 200).view('alerts/views/person.njk', {
      ...frame,
      sectionTitle: 'Alerts',
      canWrite: hasPermission(ctx.actor, 'case:write'),
      formAction: alertsPaths.acknowledge(personId),
      values,
      errors: issues.map((issue) => ({ text: issue.message, href: `#${issue.path}` })),
      errorFor: Object.fromEntries(issues.map((issue) => [issue.path, { text: issue.message }])),
      today,
      alerts: current.map((alert) => ({
        ...alert,
        rule: ruleName(alert.id),
        subjectText: subjectKindText(alert.subject.kind),
        severityTag: severityTags[alert.severity],
        acknowledgements: alert.acknowledgements.map((ack) => ({ ...ack, current: ack.acknowledgedOn <= today && today < ack.lookAgainOn })),
      })),
    });
  };

  app.get<{ Params: { personId: string } }>(alertsRoutes.person, { config: { permission: 'case:read', audit: 'case.view' } }, async (request, reply) =>
    renderPersonAlerts(reply, serviceContext(request), request.params.personId),
  );

  app.post<{ Params: { personId: string }; Body: FormBody }>(alertsRoutes.acknowledge, { config: { permission: 'case:write' } }, async (request, reply) => {
    const ctx = serviceContext(request);
    const body = request.body ?? {};
    try {
      await alerts.acknowledge(ctx, request.params.personId, body);
      return reply.redirect(alertsPaths.person(request.params.personId), 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderPersonAlerts(reply, ctx, request.params.personId, body, error.issues);
      throw error;
    }
  });

}
