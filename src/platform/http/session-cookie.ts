/**
 * The session cookie: the random session id, HttpOnly, SameSite=Lax, Secure when the request came over
 * TLS (behind a proxy, set TRUST_PROXY=true so x-forwarded-proto counts). No Max-Age: the server decides
 * when a session ends, and the browser forgets the cookie when it closes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'aftercare_session';

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string): void {
  reply.setCookie(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}
