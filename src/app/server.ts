/**
 * Assembles the Fastify app from the platform's concerns, one file each (src/platform/http/setup-*.ts),
 * in the order requests meet them: request id and logging → security headers → parsing → static files →
 * authentication → authorisation → CSRF → page locals → routes; errors and 404 last.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Services } from './services.ts';
import { navigation } from './navigation.ts';
import { personNavigation } from './person-sections.ts';
import { registerRoutes } from './routes.ts';
import { requestIdOf } from '../platform/http/request-id.ts';
import { setUpRequestLogging } from '../platform/http/setup-request-logging.ts';
import { setUpSecurityHeaders } from '../platform/http/setup-security-headers.ts';
import { setUpParsing } from '../platform/http/setup-parsing.ts';
import { setUpStatic } from '../platform/http/setup-static.ts';
import { setUpAuthentication } from '../platform/http/setup-authentication.ts';
import { setUpAuthorisation, setUpRoutePermissions } from '../platform/http/setup-authorisation.ts';
import { setUpCsrf } from '../platform/http/setup-csrf.ts';
import { setUpViews } from '../platform/http/setup-views.ts';
import { setUpCacheControl } from '../platform/http/setup-cache-control.ts';
import { frameworkErrors, setUpErrors } from '../platform/http/setup-errors.ts';
import { API_DOCS_PREFIX, hidePagesFromOpenApi, setUpOpenApi } from '../platform/http/setup-openapi.ts';
import '../platform/http/fastify-types.ts';

export interface BuildAppOptions {
  /** Extra routes (tests register deliberately broken or probing routes here). */
  extraRoutes?: (app: FastifyInstance, services: Services) => void | Promise<void>;
  /** Re-read templates on every render (`npm run dev`); otherwise each is compiled once. */
  reloadTemplates?: boolean;
}

export async function buildApp(services: Services, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config, logger } = services;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // One line per request from setup-request-logging.ts instead of Fastify's two, which name the URL.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdOf,
    trustProxy: config.trustProxy,
    bodyLimit: 10 * 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors,
  });

  setUpRoutePermissions(app, { publicPrefixes: [API_DOCS_PREFIX] });
  hidePagesFromOpenApi(app);
  setUpRequestLogging(app);
  await setUpSecurityHeaders(app);
  await setUpParsing(app, config);
  await setUpOpenApi(app);
  await setUpStatic(app);
  setUpAuthentication(app, { db: services.db, sessionPolicy: services.auth.sessionPolicy });
  setUpAuthorisation(app);
  setUpCsrf(app);
  await setUpViews(app, { navigation, watch: options.reloadTemplates === true, filters: { personNavigation } });
  setUpCacheControl(app);
  setUpErrors(app, { navigation });

  await registerRoutes(app, services);
  if (options.extraRoutes) await options.extraRoutes(app, services);
  await app.ready();
  return app;
}
