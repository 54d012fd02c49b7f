/**
 * `--explain`: the plans of the hot reads on PostgreSQL (register, person, dashboard, alerts list). The app's
 * services run on a Drizzle instance that records every statement it issues (so these are the app's own
 * queries, not copies), and
 * each SELECT is then run under `EXPLAIN (ANALYZE, BUFFERS)` with the same parameters. Also shows how many
 * statements each read issues (the N+1 check of issue 8).
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createServices, type Services } from '../../src/app/services.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Actor, ServiceContext } from '../../src/platform/context.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { plannerOptions, type Db } from '../../src/platform/db/client.ts';
import * as schema from '../../src/platform/db/schema.ts';

export interface ExplainedRead {
  name: string;
  statements: number;
  plans: { sql: string; plan: string }[];
}

export async function explainReads(databaseUrl: string, actor: Actor, reads: { name: string; actor?: Actor; run: (services: Services, ctx: ServiceContext) => Promise<unknown> }[]): Promise<ExplainedRead[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: plannerOptions() });
  let captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => captured.push({ sql: query, params }) } }) as unknown as Db;
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const services = createServices({ db, config, logger: createLogger(config) });
  const out: ExplainedRead[] = [];
  try {
    for (const read of reads) {
      const ctx: ServiceContext = { actor: read.actor ?? actor, requestId: `explain-${read.name}`, now: new Date() };
      await read.run(services, ctx); // warm the cache as a busy server would have it
      captured = [];
      await read.run(services, ctx);
      const statements = captured;
      const plans: ExplainedRead['plans'] = [];
      for (const statement of statements) {
        if (!/^\s*(select|with)\b/i.test(statement.sql)) continue;
        const result = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${statement.sql}`, statement.params as unknown[]);
        plans.push({ sql: statement.sql.replace(/\s+/g, ' ').trim(), plan: result.rows.map((row) => row['QUERY PLAN']).join('\n') });
      }
      out.push({ name: read.name, statements: statements.length, plans });
    }
  } finally {
    await pool.end();
  }
  return out;
}
