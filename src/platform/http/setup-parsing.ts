/** Form bodies (urlencoded) and cookies. JSON bodies are Fastify's own. Input the database cannot store is refused. */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { setUpInputGuard } from './input-guard.ts';

export async function setUpParsing(app: FastifyInstance, config: Pick<Config, 'sessionSecret'>): Promise<void> {
  await app.register(formbody, { bodyLimit: 1_048_576 });
  await app.register(cookie, { secret: config.sessionSecret });
  setUpInputGuard(app);
}
