/**
 * Static files: GOV.UK Frontend's assets at /assets (its CSS expects that path), MoJ Frontend's at
 * /moj-assets (application.scss points `$moj-images-path` there), the compiled CSS and the
 * frontend scripts from public/ at /static (built by scripts/build-assets.ts), and the favicon.
 * Routes are declared here, not by @fastify/static's own routing, so they carry `permission: 'public'`
 * like every other route.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const publicDir = `${root}public`;
const govukAssets = `${root}node_modules/govuk-frontend/dist/govuk/assets`;
const mojAssets = `${root}node_modules/@ministryofjustice/frontend/moj/assets`;
const favicon = readFileSync(new URL('../views/favicon.svg', import.meta.url));

export async function setUpStatic(app: FastifyInstance): Promise<void> {
  mkdirSync(publicDir, { recursive: true });
  await app.register(fastifyStatic, { root: publicDir, serve: false, maxAge: '1h' });
  const config = { permission: 'public' as const, assets: true };
  app.get<{ Params: { '*': string } }>('/assets/*', { config }, (request, reply) => reply.sendFile(request.params['*'], govukAssets));
  app.get<{ Params: { '*': string } }>('/moj-assets/*', { config }, (request, reply) => reply.sendFile(request.params['*'], mojAssets));
  app.get<{ Params: { '*': string } }>('/static/*', { config }, (request, reply) => reply.sendFile(request.params['*'], publicDir));
  for (const path of ['/favicon.ico', '/favicon.svg']) {
    app.get(path, { config }, (_request, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(favicon));
  }
}
