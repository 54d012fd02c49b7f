/**
 * What the platform adds to Fastify's types: the permission every route declares, and the actor and
 * session the authentication hook puts on each request.
 */
import type { Actor } from '../context.ts';
import type { Permission } from '../permissions.ts';
import type { ActiveSession } from '../auth/session-store.ts';

/** A Permission, or `public` (anyone, signed in or not), or `authenticated` (anyone signed in). */
export type RoutePermission = Permission | 'public' | 'authenticated';

export interface RouteEntry {
  method: string;
  url: string;
  permission: RoutePermission;
  audit: string | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** The audit action a route's read records (e.g. `case.view`), for the audit-completeness test. */
    audit?: string;
    /** Static files: skip authentication (no session lookup per asset). */
    assets?: boolean;
  }
  interface FastifyInstance {
    /** Every route with its declared permission, for the access-matrix test (setup-authorisation.ts). */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: ActiveSession | null;
    /** How the actor was established: a bearer token exempts the request from CSRF checks. */
    authenticatedBy: 'session' | 'api_token' | null;
  }
}

export {};
