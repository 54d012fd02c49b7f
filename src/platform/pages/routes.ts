/**
 * The platform's own pages: the start page, the accessibility statement and the health check.
 */
import type { FastifyInstance } from 'fastify';
import { platformPaths } from '../http/paths.ts';
import { navigationFor, type NavigationItem } from '../http/setup-views.ts';

export function registerPageRoutes(app: FastifyInstance, options: { navigation: readonly NavigationItem[] }): void {
  // Trivial and public: load balancers probe it, and the benchmark uses it as the ceiling.
  app.get(platformPaths.health(), { config: { permission: 'public' } }, async () => ({ status: 'ok' }));

  app.get(platformPaths.accessibility(), { config: { permission: 'public' } }, async (_request, reply) => reply.view('pages/accessibility.njk'));

  // The start page sends people to the first part of the service their roles open.
  app.get(platformPaths.home(), { config: { permission: 'authenticated' } }, async (request, reply) => {
    const first = navigationFor(request, options.navigation)[0];
    if (first) return reply.redirect(first.href);
    return reply.view('pages/home.njk');
  });
}
