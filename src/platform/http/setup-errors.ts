/**
 * Errors to responses. Service errors (errors.ts) become GOV.UK pages, or problem details under /api/.
 * Anything unexpected is logged (without personal data) and answered 500 without a stack trace.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type ValidationIssue } from '../errors.ts';
import { InvalidCsrfTokenError, UnauthenticatedError, isApiPath } from './http-errors.ts';
import { pathFromPointer, problem, sendProblem } from './problem.ts';
import { signInPath } from './paths.ts';
import { pageLocals, type NavigationItem } from './setup-views.ts';
import { conflictRows } from './conflict-rows.ts';
import { isUniqueViolation, postgresErrorOf } from '../db/db-errors.ts';

/**
 * SQLSTATEs that mean the caller's value cannot be stored (too long for an index or column, characters the
 * encoding refuses, a number out of range): the caller's fault, so 400 rather than 500. The transaction has
 * rolled back; the message names no value.
 */
const unstorableValue = new Set(['54000', '22001', '22021', '22P05', '22003', '22008', '22007']);

interface SchemaValidationError {
  validation: { instancePath: string; message?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}

function schemaIssues(error: SchemaValidationError): ValidationIssue[] {
  return error.validation.map((issue) => {
    const missing = typeof issue.params?.missingProperty === 'string' ? `/${issue.params.missingProperty}` : '';
    return { path: pathFromPointer(`${issue.instancePath}${missing}`, error.validationContext ?? 'body'), message: issue.message ?? 'Invalid value' };
  });
}

export function setUpErrors(app: FastifyInstance, options: { navigation: readonly NavigationItem[] }): void {
  const render = (request: FastifyRequest, reply: FastifyReply, status: number, template: string, data: Record<string, unknown> = {}) =>
    reply.code(status).header('cache-control', 'no-store').view(template, { ...pageLocals(request, reply, options.navigation), ...data });

  app.setErrorHandler(async (raw: FastifyError | Error, request, reply) => {
    const api = isApiPath(request.url);
    const error = raw as FastifyError & Partial<SchemaValidationError>;

    if (error instanceof UnauthenticatedError) {
      if (api) return sendProblem(reply, problem(401, { detail: error.message }));
      return reply.redirect(signInPath(request.method === 'GET' ? request.url : undefined), 303);
    }
    if (error instanceof InvalidCsrfTokenError) {
      if (api) return sendProblem(reply, problem(403, { detail: error.message }));
      return render(request, reply, 403, 'errors/forbidden.njk', { csrf: true });
    }
    if (error instanceof ForbiddenError) {
      if (api) return sendProblem(reply, problem(403, { detail: error.message }));
      return render(request, reply, 403, 'errors/forbidden.njk');
    }
    if (error instanceof NotFoundError) {
      if (api) return sendProblem(reply, problem(404, { detail: error.message }));
      return render(request, reply, 404, 'errors/not-found.njk');
    }
    if (error instanceof ConflictError) {
      if (api) return sendProblem(reply, problem(409, { detail: error.message, current: error.current, attempted: error.attempted }));
      return render(request, reply, 409, 'errors/conflict.njk', { rows: conflictRows(error.current, error.attempted) });
    }
    if (error instanceof ValidationError) {
      if (api) return sendProblem(reply, problem(422, { detail: error.message, errors: error.issues }));
      return render(request, reply, 400, 'errors/bad-request.njk', { issues: error.issues });
    }
    if (Array.isArray(error.validation)) {
      const issues = schemaIssues(error as SchemaValidationError);
      if (api) return sendProblem(reply, problem(400, { detail: 'The request does not match the schema', errors: issues }));
      return render(request, reply, 400, 'errors/bad-request.njk', { issues });
    }
    if (isUniqueViolation(error)) {
      // Two writers created the same record at the same moment (e.g. parallel imports naming one new
      // organisation): the loser's transaction rolled back; it is a conflict, not a crash.
      const detail = 'The same record was created by someone else at the same moment. Try again.';
      if (api) return sendProblem(reply, problem(409, { detail }));
      return render(request, reply, 409, 'errors/bad-request.njk', { message: detail });
    }
    if (unstorableValue.has(postgresErrorOf(error)?.code ?? '')) {
      const detail = 'A value is too long, out of range or holds characters that cannot be stored';
      if (api) return sendProblem(reply, problem(400, { detail }));
      return render(request, reply, 400, 'errors/bad-request.njk', { message: detail });
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, body too large…): their messages hold no data.
      if (api) return sendProblem(reply, problem(status, { detail: error.message }));
      return render(request, reply, status, 'errors/bad-request.njk', { message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    if (api) return sendProblem(reply, problem(500, { detail: `Quote reference ${request.id} when reporting this.` }));
    return render(request, reply, 500, 'errors/server-error.njk', { requestId: request.id });
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (isApiPath(request.url)) return sendProblem(reply, problem(404, { detail: 'No such resource' }));
    return render(request, reply, 404, 'errors/not-found.njk');
  });
}

/**
 * Errors Fastify's router raises before any hook or the error handler runs (a URL with invalid
 * percent-encoding, a path parameter over `maxParamLength`): pass as the `frameworkErrors` option so they
 * too answer problem details under /api/ (plain text otherwise), never Fastify's own JSON shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  const detail = status === 414 ? 'The URL is too long' : 'The URL is not valid';
  if (isApiPath(request.url)) {
    void sendProblem(reply, problem(status, { title: status === 414 ? 'URI too long' : 'The request is not valid', detail }));
    return;
  }
  void reply.code(status).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(detail);
}
