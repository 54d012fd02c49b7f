/**
 * The CSRF check: a preHandler (in onRequest the form body is not parsed yet — STACK.md) refusing any
 * request other than GET/HEAD/OPTIONS without a `_csrf` field or `x-csrf-token` header matching the
 * expected token. Requests authenticated by a bearer API token are exempt: browsers never send those on
 * their own, so another site cannot forge them.
 */
import type { FastifyInstance } from 'fastify';
import { safeEqual } from '../auth/secrets.ts';
import { expectedCsrfToken } from './csrf-token.ts';
import { InvalidCsrfTokenError } from './http-errors.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setUpCsrf(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (safeMethods.has(request.method)) return;
    if (request.authenticatedBy === 'api_token') return;
    const body = request.body as Record<string, unknown> | undefined;
    const fromBody = body && typeof body === 'object' && typeof body._csrf === 'string' ? body._csrf : undefined;
    const fromHeader = request.headers['x-csrf-token'];
    const presented = fromBody ?? (typeof fromHeader === 'string' ? fromHeader : undefined);
    const expected = expectedCsrfToken(request);
    if (!presented || !expected || !safeEqual(presented, expected)) throw new InvalidCsrfTokenError();
  });
}
