/**
 * Route permissions. Every route must declare `config.permission` (a Permission, 'public' or
 * 'authenticated'): the onRoute hook throws at start-up for one that does not, so no route is open by
 * accident and the access-matrix test can enumerate them all (`app.routeTable`). A preHandler enforces
 * it: pages redirect to sign-in when nobody is signed in and show 403 when the role does not allow it; the
 * API answers 401/403 problem details.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { ForbiddenError } from '../errors.ts';
import { hasPermission, isPermission } from '../permissions.ts';
import type { RouteEntry, RoutePermission } from './fastify-types.ts';
import { UnauthenticatedError, isApiPath } from './http-errors.ts';
import { signInPath } from './paths.ts';

export class MissingRoutePermissionError extends Error {
  override name = 'MissingRoutePermissionError';
}

function isRoutePermission(value: unknown): value is RoutePermission {
  return value === 'public' || value === 'authenticated' || (typeof value === 'string' && isPermission(value));
}

/**
 * `publicPrefixes`: URL prefixes whose routes are added by third-party plugins that cannot declare a
 * permission (the Swagger UI at /api/docs); they are public by this explicit list and no other way.
 */
export function setUpRoutePermissions(app: FastifyInstance, options: { publicPrefixes: readonly string[] }): void {
  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route: RouteOptions) => {
    let permission = route.config?.permission;
    if (permission === undefined && options.publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      permission = 'public';
      route.config = { ...route.config, permission };
    }
    const methods = ([] as string[]).concat(route.method);
    if (!isRoutePermission(permission)) {
      throw new MissingRoutePermissionError(
        `Route ${methods.join(',')} ${route.url} must declare config.permission (a Permission, 'public' or 'authenticated'); it has ${JSON.stringify(permission)}.`,
      );
    }
    for (const method of methods) app.routeTable.push({ method, url: route.url, permission, audit: route.config?.audit });
  });
}

export function setUpAuthorisation(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    // The not-found handler has no declared permission: it reveals nothing, so it is public.
    const permission = request.routeOptions.config.permission ?? 'public';
    if (permission === 'public') return;
    const actor = request.actor;
    if (!actor) {
      if (isApiPath(request.url) || request.method !== 'GET') throw new UnauthenticatedError();
      return reply.redirect(signInPath(request.url));
    }
    if (permission !== 'authenticated' && !hasPermission(actor, permission)) throw new ForbiddenError();
  });
}
