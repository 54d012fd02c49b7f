/**
 * Interoperability routes: the legacy register import page (admins), the Client Level Data download and
 * `GET /api/v1/people/{id}/fhir` (a person's case as a FHIR UK Core R4 Bundle; 404 for people the caller may not see).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import { errorSummary, fieldErrors } from '../../platform/http/form-errors.ts';
import { interopPaths, interopRoutes } from './paths.ts';
import { RegisterImportFailedError, type InteropService } from './service.ts';
import { importReportRows } from './view-shaping.ts';

type FormBody = Record<string, unknown>;
const text = (body: FormBody, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');

const problem = z.looseObject({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string().optional() }).describe('RFC 9457 problem details');

const errorsFor = (issues: readonly ValidationIssue[]) => ({
  errors: errorSummary(issues),
  fieldErrors: Object.fromEntries(Object.entries(fieldErrors(issues)).map(([k, v]) => [k.split('.')[0] ?? k, { text: v }])),
});

export function registerInteropRoutes(app: FastifyInstance, services: { interop: InteropService }): void {
  const { interop } = services;
  const renderImport = (reply: FastifyReply, locals: Record<string, unknown>, status = 200) =>
    reply.code(status).view('interop/views/import-register.njk', {
      formAction: interopPaths.importRegister(),
      commitAction: interopPaths.importRegisterCommit(),
      values: {},
      fieldErrors: {},
      ...locals,
    });

  app.get(interopRoutes.importRegister, { config: { permission: 'register:import' } }, async (_request, reply) => renderImport(reply, {}));

  const plan = async (request: Parameters<typeof serviceContext>[0], body: FormBody) => {
    const values = { csv: text(body, 'csv'), mapping: text(body, 'mapping') };
    const issues: ValidationIssue[] = [];
    if (values.csv.trim() === '') issues.push({ path: 'csv', message: 'Paste the spreadsheet saved as CSV' });
    let mapping: unknown;
    if (values.mapping.trim() === '') issues.push({ path: 'mapping', message: 'Paste the mapping (JSON)' });
    else {
      try {
        mapping = JSON.parse(values.mapping);
      } catch (error) {
        issues.push({ path: 'mapping', message: `The mapping is not valid JSON: ${(error as Error).message}` });
      }
    }
    if (issues.length > 0) return { values, issues };
    try {
      return { values, issues, plan: await interop.planRegisterImport(serviceContext(request), values.csv, mapping) };
    } catch (error) {
      if (error instanceof ValidationError) return { values, issues: error.issues.map((i) => ({ path: i.path.startsWith('mapping') ? 'mapping' : 'csv', message: i.path.startsWith('mapping') ? `Mapping: ${i.path.slice(8) || '(file)'}: ${i.message}` : i.message })) };
      throw error;
    }
  };

  app.post<{ Body: FormBody }>(interopRoutes.importRegister, { config: { permission: 'register:import' } }, async (request, reply) => {
    const planned = await plan(request, request.body ?? {});
    if (!planned.plan) return renderImport(reply, { values: planned.values, ...errorsFor(planned.issues) }, 400);
    return renderImport(reply, { values: planned.values, report: { ...planned.plan, rows: importReportRows(planned.plan) } });
  });

  app.post<{ Body: FormBody }>(interopRoutes.importRegisterCommit, { config: { permission: 'register:import' } }, async (request, reply) => {
    const planned = await plan(request, request.body ?? {});
    if (!planned.plan) return renderImport(reply, { values: planned.values, ...errorsFor(planned.issues) }, 400);
    const report = { ...planned.plan, rows: importReportRows(planned.plan) };
    try {
      const result = await interop.commitRegisterImport(serviceContext(request), planned.plan);
      return renderImport(reply, { result, values: {} });
    } catch (error) {
      if (error instanceof RegisterImportFailedError) return renderImport(reply, { values: planned.values, report, failure: error.message }, 409);
      if (error instanceof ValidationError) return renderImport(reply, { values: planned.values, report, ...errorsFor(error.issues.map((i) => ({ ...i, path: 'csv' }))) }, 400);
      throw error;
    }
  });

  app.get<{ Querystring: Record<string, string> }>(interopRoutes.cld, { config: { permission: 'case:read' } }, async (request, reply) => {
    const query = request.query ?? {};
    const values = { council: query.council ?? '', from: query.from ?? '', to: query.to ?? '' };
    const render = (issues: readonly ValidationIssue[] = []) =>
      reply.code(issues.length ? 400 : 200).view('interop/views/cld.njk', { values, formAction: interopPaths.cld(), ...errorsFor(issues) });
    if (query.council === undefined && query.from === undefined && query.to === undefined) return render();
    try {
      const { csv } = await interop.cldExport(serviceContext(request), { councilCode: values.council, from: values.from, to: values.to });
      const name = `cld-${values.council.trim().toUpperCase()}-${values.from}-${values.to}.csv`.replace(/[^A-Za-z0-9._-]/g, '');
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(csv);
    } catch (error) {
      if (error instanceof ValidationError) return render(error.issues);
      throw error;
    }
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(interopRoutes.personFhir, {
    config: { permission: 'case:read', audit: 'case.export' },
    schema: {
      tags: ['people'],
      summary: 'Export a person’s case as a FHIR UK Core R4 Bundle (application/fhir+json)',
      params: z.object({ personId: z.string() }),
      response: { 200: z.looseObject({ resourceType: z.literal('Bundle') }).describe('FHIR R4 Bundle (type collection) of UK Core resources'), 401: problem, 403: problem, 404: problem },
    },
  }, async (request, reply) => {
    const bundle = await interop.fhirBundle(serviceContext(request), request.params.personId);
    return reply.header('content-type', 'application/fhir+json; charset=utf-8').send(bundle as unknown as { resourceType: 'Bundle' });
  });
}
