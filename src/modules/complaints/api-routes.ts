/**
 * `/api/v1` for complaints, Ombudsman cases, remedies and review cohorts, and the compliance reads. The
 * service validates bodies itself (every error at once, a 422 problem naming each field), so the schemas
 * here document rather than gate; unknown people and people the caller may not see are both 404, and a
 * stale `version` is a 409 problem with both values.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../../platform/http/request-context.ts';
import type { Permission } from '../../platform/permissions.ts';
import { cohortInput, cohortReviewInput, complianceQuery, ombudsmanCaseUpdate, pointInput, remedyProgressInput } from './api-schemas.ts';
import { complaintsApiRoutes as routes } from './paths.ts';
import type { ComplaintsService } from './service.ts';

const problem = z
  .looseObject({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string().optional(), errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() })
  .describe('RFC 9457 problem details');
const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const written = z.looseObject({ id: z.string(), version: z.number().int() });
const anyBody = z.looseObject({}).describe('See the request schema in the service (api-schemas.ts); every error is reported at once');
const passThrough = () => (data: unknown) => ({ value: data });
const tags = ['Complaints'];

interface Write {
  method: 'POST' | 'PATCH';
  url: string;
  summary: string;
  body: z.ZodType;
  status: 200 | 201;
  response?: z.ZodType;
  run: (service: ComplaintsService, ctx: ReturnType<typeof serviceContext>, p: Record<string, string>, body: unknown) => Promise<unknown>;
}

const manage: Permission = 'complaints:manage';
const writes: Write[] = [
  { method: 'POST', url: routes.complaints, summary: 'Record a complaint (with its points)', body: anyBody, status: 201, run: (s, c, p, b) => s.recordComplaint(c, p.personId ?? '', b) },
  { method: 'POST', url: routes.points, summary: 'Add a point to a complaint', body: pointInput, status: 201, run: (s, c, p, b) => s.addPoint(c, p.personId ?? '', p.complaintId ?? '', b) },
  { method: 'PATCH', url: routes.point, summary: 'Record whether the response answers a point, and the answer', body: anyBody, status: 200, run: (s, c, p, b) => s.answerPoint(c, p.personId ?? '', p.complaintId ?? '', p.pointId ?? '', b) },
  {
    method: 'POST', url: routes.steps, summary: 'A workflow step: acknowledge, agree_response_date, respond, close or withdraw', body: anyBody, status: 200,
    response: written.extend({ warnings: z.array(z.string()) }), run: (s, c, p, b) => s.applyStep(c, p.personId ?? '', p.complaintId ?? '', b),
  },
  { method: 'POST', url: routes.ombudsmanCases, summary: 'Record an Ombudsman case', body: anyBody, status: 201, run: (s, c, p, b) => s.recordOmbudsmanCase(c, p.personId ?? '', b) },
  { method: 'PATCH', url: routes.ombudsmanCase, summary: 'Change an Ombudsman case (the whole case, with its version)', body: ombudsmanCaseUpdate, status: 200, run: (s, c, p, b) => s.updateOmbudsmanCase(c, p.personId ?? '', p.caseId ?? '', b) },
  { method: 'POST', url: routes.remedies, summary: 'Add an agreed action (remedy) to an Ombudsman case', body: anyBody, status: 201, run: (s, c, p, b) => s.addRemedy(c, p.personId ?? '', p.caseId ?? '', b) },
  { method: 'PATCH', url: routes.remedy, summary: 'Record that a remedy was done and the evidence sent', body: remedyProgressInput, status: 200, run: (s, c, p, b) => s.recordRemedyProgress(c, p.personId ?? '', p.caseId ?? '', p.remedyId ?? '', b) },
  {
    method: 'POST', url: routes.reviewCohort, summary: 'Define the review of others affected for a service improvement', body: cohortInput, status: 201,
    response: z.object({ members: z.number().int() }), run: (s, c, p, b) => s.defineReviewCohort(c, p.personId ?? '', p.caseId ?? '', p.remedyId ?? '', b),
  },
  {
    method: 'POST', url: routes.reviews, summary: 'Record that a member of the review was reviewed', body: cohortReviewInput, status: 201,
    response: z.object({ recorded: z.boolean() }), run: (s, c, p, b) => s.recordCohortReview(c, p.personId ?? '', p.caseId ?? '', p.remedyId ?? '', b),
  },
];

export function registerComplaintApiRoutes(app: FastifyInstance, { complaints }: { complaints: ComplaintsService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const personParams = z.object({ personId: z.string() });

  api.get(routes.complaints, {
    config: { permission: 'case:read', audit: 'case.view' },
    schema: { tags, summary: 'A person’s complaints and Ombudsman cases, with clocks and remedy states', params: personParams, response: { 200: z.looseObject({ asOf: z.string() }), ...problems } },
  }, async (request) => ({ ...(await complaints.personComplaints(serviceContext(request), request.params.personId)) }));

  api.get(routes.remedyCompliance, {
    config: { permission: manage },
    schema: { tags, summary: 'Every remedy of the cases you may see, with due date, owner and state on asOf', querystring: complianceQuery, response: { 200: z.looseObject({ asOf: z.string() }), ...problems } },
  }, async (request) => complaints.remedyCompliance(serviceContext(request), request.query));

  api.get(routes.complaintClocks, {
    config: { permission: manage },
    schema: { tags, summary: 'Every complaint of the people you may see, with its clock on asOf', querystring: complianceQuery, response: { 200: z.looseObject({ asOf: z.string() }), ...problems } },
  }, async (request) => complaints.complaintClocks(serviceContext(request), request.query));

  for (const write of writes) {
    app.route<{ Params: Record<string, string> }>({
      method: write.method,
      url: write.url,
      config: { permission: manage },
      schema: { tags, summary: write.summary, body: write.body, response: { [write.status]: write.response ?? written, ...problems } },
      validatorCompiler: passThrough,
      handler: async (request, reply) => reply.code(write.status).send(await write.run(complaints, serviceContext(request), request.params, request.body)),
    });
  }
}
