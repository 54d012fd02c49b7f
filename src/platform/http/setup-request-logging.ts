/**
 * One log line per request: id, method, route pattern, status, time taken. The request id is echoed in
 * the `x-request-id` response header so a user can quote it when reporting a problem.
 */
import type { FastifyInstance } from 'fastify';

export function setUpRequestLogging(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });
}
