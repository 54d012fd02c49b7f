/**
 * `/api/v1/people…`: the register for integrations. Request and response schemas are zod, so they appear
 * in the OpenAPI document; the service validates bodies itself (every error at once, as a 422 problem
 * naming each field), so the schemas here document rather than gate. Unknown people and people the
 * caller may not see are both 404; a stale `version` is a 409 problem with both values.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseFileSchema } from '../../domain/case-file/schema.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import type { Permission } from '../../platform/permissions.ts';
import {
  allocationInput,
  contactInput,
  ctoInput,
  detentionInput,
  dutyInput,
  endAllocationInput,
  gpRegistrationInput,
  personCaseSchema,
  personInput,
  registerPage,
  registerQuery,
  residenceInput,
  shareInput,
  version,
} from './api-schemas.ts';
import { registerApiRoutes as routes } from './paths.ts';
import type { RegisterService } from './service.ts';

const problem = z
  .looseObject({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string().optional(), errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() })
  .describe('RFC 9457 problem details');
const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const written = z.object({ id: z.string(), version: z.number().int() });
const personParams = z.object({ personId: z.string() });
const withVersion = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, version }).partial().required({ version: true });

/** Bodies and queries are checked by the service (all errors, 422); Fastify only passes them on. */
const passThrough = () => (data: unknown) => ({ value: data });

interface SubRecord {
  path: string;
  summary: string;
  body: z.ZodType;
  permission: Permission;
  params?: z.ZodObject;
  status: 200 | 201;
  run: (register: RegisterService, ctx: ReturnType<typeof serviceContext>, params: Record<string, string>, body: unknown) => Promise<{ id: string; version: number }>;
}

const subRecords: SubRecord[] = [
  { path: '/contacts', summary: 'Add a contact', body: contactInput, permission: 'case:write', status: 201, run: (r, c, p, b) => r.addContact(c, p.personId ?? '', b) },
  {
    path: '/contacts/:contactId', summary: 'Change a contact (fields given; null clears)', body: withVersion(contactInput.shape), permission: 'case:write', status: 200,
    params: personParams.extend({ contactId: z.string() }), run: (r, c, p, b) => r.updateContact(c, p.personId ?? '', p.contactId ?? '', b),
  },
  { path: '/detentions', summary: 'Add a detention', body: detentionInput, permission: 'case:write', status: 201, run: (r, c, p, b) => r.addDetention(c, p.personId ?? '', b) },
  {
    path: '/detentions/:detentionId', summary: 'Change a detention (fields given; null clears)', body: z.object({ version }).loose(), permission: 'case:write', status: 200,
    params: personParams.extend({ detentionId: z.string() }), run: (r, c, p, b) => r.updateDetention(c, p.personId ?? '', p.detentionId ?? '', b),
  },
  { path: '/ctos', summary: 'Add a community treatment order', body: ctoInput, permission: 'case:write', status: 201, run: (r, c, p, b) => r.addCto(c, p.personId ?? '', b) },
  { path: '/residences', summary: 'Add a residence', body: residenceInput, permission: 'case:write', status: 201, run: (r, c, p, b) => r.addResidence(c, p.personId ?? '', b) },
  { path: '/gp-registrations', summary: 'Add a GP registration', body: gpRegistrationInput, permission: 'case:write', status: 201, run: (r, c, p, b) => r.addGpRegistration(c, p.personId ?? '', b) },
  { path: '/duties', summary: 'Add a section 117 duty', body: dutyInput, permission: 'case:write', status: 201, run: (r, c, p, b) => r.addDuty(c, p.personId ?? '', b) },
  {
    path: '/duties/:dutyId', summary: 'Change a duty, or end it (end and endReason)', body: z.object({ version }).loose(), permission: 'case:write', status: 200,
    params: personParams.extend({ dutyId: z.string() }), run: (r, c, p, b) => r.updateDuty(c, p.personId ?? '', p.dutyId ?? '', b),
  },
  { path: '/allocations', summary: 'Allocate a worker to a duty', body: allocationInput, permission: 'case:allocate', status: 201, run: (r, c, p, b) => r.allocateWorker(c, p.personId ?? '', b) },
  {
    path: '/allocations/:allocationId', summary: 'End an allocation', body: endAllocationInput, permission: 'case:allocate', status: 200,
    params: personParams.extend({ allocationId: z.string() }), run: (r, c, p, b) => r.endAllocation(c, p.personId ?? '', p.allocationId ?? '', b),
  },
];

export function registerApiRoutes(app: FastifyInstance, services: { register: RegisterService }): void {
  const { register } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  api.get(routes.people, {
    config: { permission: 'case:read' },
    schema: { tags, summary: 'The register: people the caller may see, filtered, sorted and paged', querystring: registerQuery, response: { 200: registerPage, ...problems } },
    validatorCompiler: passThrough,
  }, async (request) => register.listPeople(serviceContext(request), request.query));

  api.post(routes.people, {
    config: { permission: 'case:write' },
    schema: { tags, summary: 'Add a person to the register', body: personInput, response: { 201: written, ...problems } },
    validatorCompiler: passThrough,
  }, async (request, reply) => reply.code(201).send(await register.createPerson(serviceContext(request), request.body)));

  api.get(routes.person, {
    config: { permission: 'case:read', audit: 'case.view' },
    schema: { tags, summary: 'A person’s case: the register records with their versions', params: personParams, response: { 200: personCaseSchema, ...problems } },
  }, async (request) => register.getCase(serviceContext(request), request.params.personId));

  api.patch(routes.person, {
    config: { permission: 'case:write' },
    schema: { tags, summary: 'Change a person (fields given; null clears an optional one)', params: personParams, body: withVersion(personInput.shape), response: { 200: written, ...problems } },
    validatorCompiler: ({ httpPart }) => (httpPart === 'params' ? (data: unknown) => ({ value: data }) : passThrough()),
  }, async (request) => register.updatePerson(serviceContext(request), request.params.personId, request.body));

  api.get(routes.caseFile, {
    config: { permission: 'case:read', audit: 'case.export' },
    schema: { tags, summary: 'Export a person’s case as a case file (aftercare.case-file/v1)', params: personParams, response: { 200: caseFileSchema, ...problems } },
  }, async (request) => register.exportCaseFile(serviceContext(request), request.params.personId));

  api.post(routes.caseFiles, {
    config: { permission: 'case:write' },
    schema: { tags, summary: 'Import a case file (one transaction: a file that fails changes nothing)', body: caseFileSchema, response: { 201: z.object({ id: z.string() }), ...problems } },
    validatorCompiler: passThrough,
  }, async (request, reply) => reply.code(201).send({ id: (await register.importCaseFileAlone(serviceContext(request), request.body)).personId }));

  api.post(routes.shares, {
    config: { permission: 'case:write' },
    schema: { tags, summary: 'Share the case with another organisation', params: personParams, body: shareInput, response: { 200: z.object({ shared: z.boolean() }), ...problems } },
    validatorCompiler: ({ httpPart }) => (httpPart === 'params' ? (data: unknown) => ({ value: data }) : passThrough()),
  }, async (request) => register.shareCase(serviceContext(request), request.params.personId, request.body));

  for (const record of subRecords) {
    app.route<{ Params: Record<string, string> }>({
      method: record.status === 201 ? 'POST' : 'PATCH',
      url: `${routes.personRecords}${record.path}`,
      config: { permission: record.permission },
      schema: { tags, summary: record.summary, params: record.params ?? personParams, body: record.body, response: { [record.status]: written, ...problems } },
      validatorCompiler: ({ httpPart }) => (httpPart === 'params' ? (data: unknown) => ({ value: data }) : passThrough()),
      handler: async (request, reply) => reply.code(record.status).send(await record.run(register, serviceContext(request), request.params, request.body)),
    });
  }
}
