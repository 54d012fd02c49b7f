import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { buildApp } from '../../../../src/app/server.ts';
import { createServices } from '../../../../src/app/services.ts';
import { createLogger } from '../../../../src/platform/logging.ts';
import { createTestDatabase } from '../../../support/database.ts';
import { testConfig } from '../../../support/app.ts';

test('request logs are JSON with the request id, route pattern and status — never the URL, query or body', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const database = await createTestDatabase();
  const config = testConfig({ LOG_LEVEL: 'info' });
  const app = await buildApp(createServices({ db: database.db, config, logger: createLogger(config, sink) }), {
    extraRoutes: (a) => {
      a.get('/probe/people/:personId', { config: { permission: 'public' } }, async () => {
        throw new Error('Failed query: select * from people where nhs_number = $1\nparams: 9434765919');
      });
    },
  });
  try {
    await app.inject({ url: '/audit?personId=Jane%20Smith&user=jane@example.org', headers: { 'x-request-id': 'req-42' } });
    await app.inject({ method: 'POST', url: '/sign-in', payload: { email: 'jane@example.org', password: 'hunter2hunter2' } });
    await app.inject({ url: '/probe/people/9434765919' });
  } finally {
    await app.close();
    await database.close();
  }
  const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const completed = records.filter((r) => r.msg === 'request completed');
  assert.equal(completed.length, 3);
  assert.deepEqual(
    { reqId: completed[0]?.reqId, route: completed[0]?.route, status: completed[0]?.status, method: completed[0]?.method },
    { reqId: 'req-42', route: '/audit', status: 302, method: 'GET' },
  );
  assert.equal(completed[2]?.route, '/probe/people/:personId');
  assert.ok(records.some((r) => r.msg === 'unhandled error'), 'the crash is logged');
  const everything = lines.join('\n');
  for (const secret of ['Jane', 'jane@example.org', 'hunter2', '9434765919']) assert.ok(!everything.includes(secret), `the logs contain ${secret}`);
});
