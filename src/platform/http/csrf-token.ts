/**
 * CSRF tokens. A signed-in user's forms carry the synchronizer token stored with their session. Forms shown
 * before sign-in (the sign-in form itself) carry a random token that is also set in a cookie and must match
 * it (double submit), so nobody can sign a browser in to another account from another site.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomSecret } from '../auth/secrets.ts';

export const ANONYMOUS_CSRF_COOKIE = 'aftercare_csrf';
const wellFormed = /^[A-Za-z0-9_-]{43}$/;
const issued = new WeakMap<FastifyRequest, string>();

/**
 * The anonymous token for forms rendered to a browser that is not signed in: the one its cookie holds (so a
 * form shown again after a failed POST still matches), or a new one set in the cookie.
 */
export function ensureAnonymousCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = issued.get(request) ?? request.cookies[ANONYMOUS_CSRF_COOKIE];
  if (existing && wellFormed.test(existing)) {
    issued.set(request, existing);
    return existing;
  }
  const token = randomSecret(32);
  issued.set(request, token);
  reply.setCookie(ANONYMOUS_CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
  return token;
}

/** The token a state-changing request from this browser must present. */
export function expectedCsrfToken(request: FastifyRequest): string | undefined {
  if (request.session) return request.session.csrfToken;
  const cookie = request.cookies[ANONYMOUS_CSRF_COOKIE];
  return cookie && wellFormed.test(cookie) ? cookie : undefined;
}
