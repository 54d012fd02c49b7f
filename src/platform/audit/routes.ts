/**
 * The auditors' page: search the audit trail by person, user and date range.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { errorSummary, fieldErrors } from '../http/form-errors.ts';
import { platformPaths } from '../http/paths.ts';
import { serviceContext } from '../http/request-context.ts';
import { findUserByEmail } from '../users/repository.ts';
import type { createAuditService } from './audit-service.ts';
import { parseAuditQuery, type AuditQuery } from './audit-query.ts';
import { auditPagination } from './audit-pagination.ts';

export function registerAuditRoutes(app: FastifyInstance, services: { db: Db; audit: ReturnType<typeof createAuditService> }): void {
  app.get<{ Querystring: AuditQuery }>(platformPaths.audit(), { config: { permission: 'audit:read' } }, async (request, reply) => {
    const query = request.query;
    const parsed = parseAuditQuery(query);
    const searched = Object.values(query).some((v) => typeof v === 'string' && v.trim() !== '');
    const data = { query, errors: errorSummary(parsed.issues), fieldErrors: fieldErrors(parsed.issues), searched };
    if (parsed.issues.length > 0 || !searched) return reply.code(parsed.issues.length ? 400 : 200).view('audit/search.njk', data);
    // A user may be given by email address (as auditors know them) or by id (as events record them).
    const actorId = parsed.user?.includes('@') ? ((await findUserByEmail(services.db, parsed.user))?.user.id ?? `unknown:${parsed.user}`) : parsed.user;
    const result = await services.audit.search(serviceContext(request), { personId: parsed.personId, actorId, from: parsed.from, to: parsed.to, page: parsed.page, pageSize: 50 });
    return reply.view('audit/search.njk', { ...data, result, pagination: auditPagination(query, result) });
  });
}
