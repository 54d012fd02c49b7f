/**
 * Responses are `Cache-Control: no-store` unless a route says otherwise (static files do): pages show
 * people's records and must not stay in a shared computer's cache after sign-out.
 */
import type { FastifyInstance } from 'fastify';

export function setUpCacheControl(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
