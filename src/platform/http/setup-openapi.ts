/**
 * The API's contract: zod schemas on each /api route (fastify-type-provider-zod validates and serialises
 * with them) and an OpenAPI 3.1 document generated from them, at /api/openapi.json, browsable at /api/docs
 * (Swagger UI served from the package, no CDN).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { platformPaths } from './paths.ts';

export const API_DOCS_PREFIX = platformPaths.apiDocs();

export async function setUpOpenApi(app: FastifyInstance): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aftercare API',
        version: '1',
        description:
          'The joint register of section 117 aftercare (Mental Health Act 1983). Authenticate with `Authorization: Bearer <API token>`; errors are RFC 9457 problem details (`application/problem+json`) naming each invalid field in `errors`.',
      },
      components: { securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', description: 'An Aftercare API token (aft_…), scoped to an organisation and roles.' } } },
      security: [{ apiToken: [] }],
    },
    transform: jsonSchemaTransform,
    // Only the JSON API belongs in the document, not the HTML pages.
    hideUntagged: false,
  });
  await app.register(swaggerUi, {
    routePrefix: API_DOCS_PREFIX,
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    // Swagger UI's own pages need inline styles; its CSP replaces helmet's on those routes only.
    staticCSP: "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
  });
  app.get(platformPaths.openApi(), { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
}

/** Page routes have no schema; leave them out of the API document. */
export function hidePagesFromOpenApi(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v')) route.schema = { ...route.schema, hide: true };
  });
}
