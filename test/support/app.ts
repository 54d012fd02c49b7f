/**
 * The whole Fastify app on a test database, driven with `app.inject` (no network). Helpers create an
 * organisation and users with roles, and sign a user in, returning the session cookie and CSRF token.
 *
 *   const t = await createTestApp();
 *   try {
 *     const alice = await t.signedInUser(['practitioner']);
 *     const res = await t.app.inject({ method: 'POST', url: '/people', headers: alice.headers, payload: { ...form, _csrf: alice.csrfToken } });
 *   } finally { await t.close(); }
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildApp, type BuildAppOptions } from '../../src/app/server.ts';
import { createServices, type Services } from '../../src/app/services.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { systemContext, type Role } from '../../src/platform/context.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { sessions } from '../../src/platform/auth/tables.ts';
import { sha256Hex } from '../../src/platform/auth/secrets.ts';
import { organisations } from '../../src/platform/organisations/tables.ts';
import { ANONYMOUS_CSRF_COOKIE } from '../../src/platform/http/csrf-token.ts';
import { SESSION_COOKIE } from '../../src/platform/http/session-cookie.ts';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from '../../src/platform/db/client.ts';
import * as schema from '../../src/platform/db/schema.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  organisationId: string;
}

export interface SignedIn extends TestUser {
  /** The session cookie value. */
  sessionId: string;
  csrfToken: string;
  /** `cookie` header for inject. */
  headers: { cookie: string };
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: TestDatabase;
  config: Config;
  createOrganisation(input?: { id?: string; name?: string; kind?: string; code?: string }): Promise<string>;
  createUser(roles: Role[], options?: { email?: string; organisationId?: string; password?: string; name?: string }): Promise<TestUser>;
  signIn(user: TestUser): Promise<SignedIn>;
  signedInUser(roles: Role[], options?: { email?: string; organisationId?: string }): Promise<SignedIn>;
  /** A GET/HEAD-safe anonymous CSRF cookie + token, for posting forms before sign-in. */
  anonymousCsrf(): Promise<{ token: string; cookie: string }>;
  close(): Promise<void>;
}

export function testConfig(overrides: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_SECRET: 'test-secret-test-secret-test-secret-0000', ...overrides });
}

let counter = 0;

/** Options of a test app: the app's own, environment overrides, and a hook that sees every SQL statement the services issue. */
export type TestAppOptions = BuildAppOptions & { env?: NodeJS.ProcessEnv; onQuery?: (sql: string) => void };

/** The same database through a Drizzle instance that reports each statement (the N+1 tests count them). */
function observedDb(database: TestDatabase, onQuery: (sql: string) => void): Db {
  const logger = { logQuery: (query: string) => onQuery(query) };
  const client = (database.db as unknown as { $client: unknown }).$client;
  return (database.driver === 'pglite' ? drizzlePglite(client as PGlite, { schema, logger }) : drizzlePg(client as pg.Pool, { schema, logger })) as unknown as Db;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(options.env);
  const db = options.onQuery ? observedDb(database, options.onQuery) : database.db;
  const services = createServices({ db, config, logger: createLogger(config) });
  let app: FastifyInstance;
  try {
    app = await buildApp(services, options);
  } catch (error) {
    await database.close();
    throw error;
  }
  let defaultOrganisation: string | undefined;

  const createOrganisation: TestApp['createOrganisation'] = async (input = {}) => {
    const id = input.id ?? `org-${++counter}`;
    await database.db.insert(organisations).values({ id, name: input.name ?? `Test Council ${counter}`, kind: input.kind ?? 'local_authority', code: input.code ?? null });
    return id;
  };

  const createUser: TestApp['createUser'] = async (roles, opts = {}) => {
    const organisationId = opts.organisationId ?? (defaultOrganisation ??= await createOrganisation({ id: 'org-default', name: 'Northshire County Council' }));
    const email = opts.email ?? `user${++counter}@example.org`;
    const password = opts.password ?? TEST_PASSWORD;
    const created = await services.users.createUser(systemContext(), { email, name: opts.name ?? `Test User ${counter}`, organisation: organisationId, roles, password });
    return { id: created.id, email, password, organisationId };
  };

  const anonymousCsrf: TestApp['anonymousCsrf'] = async () => {
    const page = await app.inject({ method: 'GET', url: '/sign-in' });
    const cookie = page.cookies.find((c) => c.name === ANONYMOUS_CSRF_COOKIE);
    if (!cookie) throw new Error('The sign-in page set no CSRF cookie');
    return { token: cookie.value, cookie: `${ANONYMOUS_CSRF_COOKIE}=${cookie.value}` };
  };

  const signIn: TestApp['signIn'] = async (user) => {
    const csrf = await anonymousCsrf();
    const response = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie: csrf.cookie },
      payload: { email: user.email, password: user.password, _csrf: csrf.token },
    } satisfies InjectOptions);
    const session = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (response.statusCode !== 303 || !session) throw new Error(`Sign-in failed: ${response.statusCode}`);
    const [row] = await database.db.select().from(sessions).where(eq(sessions.idHash, sha256Hex(session.value)));
    if (!row) throw new Error('No session row after sign-in');
    return { ...user, sessionId: session.value, csrfToken: row.csrfToken, headers: { cookie: `${SESSION_COOKIE}=${session.value}` } };
  };

  return {
    app,
    services,
    database,
    config,
    createOrganisation,
    createUser,
    signIn,
    signedInUser: async (roles, opts) => signIn(await createUser(roles, opts)),
    anonymousCsrf,
    async close() {
      try {
        await app.close();
      } finally {
        await database.close();
      }
    },
  };
}
