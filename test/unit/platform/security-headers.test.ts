/**
 * helmet's headers are worked out once (setup-security-headers.ts) instead of by @fastify/helmet on every
 * response: they must be the ones the plugin sends with the same options, names and values.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import { HELMET_OPTIONS, helmetHeaders } from '../../../src/platform/http/setup-security-headers.ts';

test("the headers worked out once are @fastify/helmet's for the same options", async () => {
  const plain = Fastify();
  plain.get('/', async () => ({ ok: true }));
  const withHelmet = Fastify();
  await withHelmet.register(fastifyHelmet, HELMET_OPTIONS);
  withHelmet.get('/', async () => ({ ok: true }));
  const [before, after] = [await plain.inject('/'), await withHelmet.inject('/')];
  const added = Object.fromEntries(Object.entries(after.headers).filter(([name]) => !(name in before.headers)));
  assert.ok(Object.keys(added).length >= 8, JSON.stringify(added));
  assert.deepEqual(helmetHeaders(), added);
  assert.deepEqual(Object.keys(helmetHeaders()), Object.keys(added), 'in the same order');
  await Promise.all([plain.close(), withHelmet.close()]);
});
