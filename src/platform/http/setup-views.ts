/**
 * Nunjucks pages through @fastify/view, with the search path of ADR 0001, and the locals every page
 * receives: user, organisation, csrfToken, cspNonce, currentPath, navigation.
 */
import { fileURLToPath } from 'node:url';
import view from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { keepImportedMacros } from './nunjucks-exports.ts';
import { hasPermission } from '../permissions.ts';
import { registerFilters } from '../views/filters.ts';
import { linearTrim } from '../views/trim-filter.ts';
import type { RoutePermission } from './fastify-types.ts';
import { ensureAnonymousCsrfToken } from './csrf-token.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const viewSearchPath = [
  `${root}src/platform/views`,
  `${root}src/modules`,
  `${root}node_modules/govuk-frontend/dist`,
  `${root}node_modules/@ministryofjustice/frontend`,
];

export interface NavigationItem {
  text: string;
  href: string;
  permission: RoutePermission;
}

export interface ViewOptions {
  navigation: readonly NavigationItem[];
  /** Reload templates on change (development). */
  watch?: boolean;
  /** Filters the app adds for its own layouts (e.g. grouping a person's sub-navigation). */
  filters?: Record<string, (...args: never[]) => unknown>;
}

export function navigationFor(request: FastifyRequest, items: readonly NavigationItem[]) {
  const actor = request.actor;
  return items
    .filter((item) => item.permission === 'public' || (actor && (item.permission === 'authenticated' || hasPermission(actor, item.permission))))
    .map((item) => ({ href: item.href, text: item.text, active: request.url === item.href || request.url.startsWith(`${item.href}/`) || request.url.startsWith(`${item.href}?`) }));
}

export async function setUpViews(app: FastifyInstance, options: ViewOptions): Promise<void> {
  keepImportedMacros();
  await app.register(view, {
    engine: { nunjucks },
    templates: viewSearchPath,
    options: {
      autoescape: true,
      throwOnUndefined: false,
      noCache: Boolean(options.watch),
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('trim', linearTrim(env.getFilter('trim') as (value: unknown) => unknown));
        registerFilters(env);
        for (const [name, filter] of Object.entries(options.filters ?? {})) env.addFilter(name, filter as (...args: unknown[]) => unknown);
      },
    },
  });
  // preHandler, after authentication and CSRF set the actor and token; errors render with what is known.
  app.addHook('preHandler', async (request, reply) => {
    // @fastify/view merges reply.locals into every render; its types do not declare the property.
    const withLocals = reply as typeof reply & { locals?: Record<string, unknown> | null };
    // Not spread: that would read the lazy csrfToken now, on JSON routes too.
    const locals: Record<string, unknown> = pageLocals(request, reply, options.navigation);
    for (const [key, value] of Object.entries(withLocals.locals ?? {})) if (!(key in locals)) locals[key] = value;
    withLocals.locals = locals;
  });
}

const csrfSource = Symbol('csrfSource');
type LocalsWithCsrfSource = Record<string | symbol, unknown> & { [csrfSource]: { request: FastifyRequest; reply: FastifyReply; session: FastifyRequest['session'] } };

/** One getter for every page's `csrfToken`: a new closure each request gave each locals object its own hidden class, which kept the request alive past the young generation. */
function lazyCsrfToken(this: LocalsWithCsrfSource): string {
  const { request, reply, session } = this[csrfSource];
  return session?.csrfToken ?? ensureAnonymousCsrfToken(request, reply);
}

/**
 * The locals every page receives (also used by the error pages, which may render before the preHandler
 * ran). `csrfToken` is read only when a template uses it, so JSON routes never set the anonymous CSRF cookie.
 */
export function pageLocals(request: FastifyRequest, reply: FastifyReply, navigation: readonly NavigationItem[]) {
  const session = request.session;
  const locals: Record<string | symbol, unknown> = {
    user: session ? { id: session.user.id, name: session.user.name, email: session.user.email } : request.actor ? { id: request.actor.id, name: request.actor.name } : null,
    organisation: session?.organisation ?? null,
  };
  Object.defineProperty(locals, 'csrfToken', { enumerable: true, configurable: true, get: lazyCsrfToken });
  locals.cspNonce = reply.cspNonce?.script ?? '';
  locals.currentPath = request.url.split('?')[0] ?? '/';
  locals.navigation = navigationFor(request, navigation);
  /** Seconds until the session ends without activity: the layout's time-out warning (GOV.UK pattern). */
  locals.sessionEndsInSeconds = session?.endsInSeconds ?? null;
  // Not enumerable: Object.assign and spreads into a template's data leave it out.
  Object.defineProperty(locals, csrfSource, { value: { request, reply, session } });
  return locals;
}
