/**
 * Who is making the request. Order: a bearer API token (integrations), then the session cookie (people).
 * Sets request.actor, request.session and request.authenticatedBy; refusing access is the authorisation
 * step's job (setup-authorisation.ts), so public pages still know who is signed in.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { actorForApiToken } from '../auth/api-tokens.ts';
import { resumeSession, type SessionPolicy } from '../auth/session-store.ts';
import { actorFromUser } from '../users/actor.ts';
import { SESSION_COOKIE, clearSessionCookie } from './session-cookie.ts';

export function setUpAuthentication(app: FastifyInstance, deps: { db: Db; sessionPolicy: SessionPolicy }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('authenticatedBy', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.assets) return;
    const now = new Date();
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match?.[1] ? await actorForApiToken(deps.db, match[1], now) : undefined;
      if (actor) {
        request.actor = actor;
        request.authenticatedBy = 'api_token';
      }
      // A wrong token never falls back to a cookie: the caller meant to use the token.
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await resumeSession(deps.db, cookie, now, deps.sessionPolicy);
    if (!session) {
      clearSessionCookie(request, reply);
      return;
    }
    request.session = session;
    request.actor = actorFromUser(session.user);
    request.authenticatedBy = 'session';
  });
}
