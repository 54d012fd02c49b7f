/**
 * `aftercare serve`: migrate, optionally seed the demo data into an empty database, and serve HTTP until
 * SIGINT/SIGTERM, then close the server, the database and the embedded lock.
 */
import { count } from 'drizzle-orm';
import type { CommandDefinition } from '../main.ts';
import { buildApp } from '../../app/server.ts';
import { createServices, type Services } from '../../app/services.ts';
import { loadConfigForCommand, openDatabaseForCommand } from '../../platform/command-database.ts';
import { limitHeapGrowth } from '../../platform/heap-growth.ts';
import { createLogger } from '../../platform/logging.ts';
import { users } from '../../platform/users/tables.ts';
import { startSweepSchedule } from '../../modules/alerts/sweep-schedule.ts';

async function isEmpty(services: Services): Promise<boolean> {
  const [row] = await services.db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

export const command: CommandDefinition = {
  summary: 'Run the web server (migrates the database first)',
  usage: 'aftercare serve [--seed-demo-if-empty] [--reload-templates]',
  options: { 'seed-demo-if-empty': { type: 'boolean' }, 'reload-templates': { type: 'boolean' } },
  async run({ values }) {
    limitHeapGrowth(); // a server's old generation grows 2x between major GCs, not V8's up to 4x
    const config = loadConfigForCommand();
    if (!config) return 1;
    const logger = createLogger(config);
    const opened = await openDatabaseForCommand(config, logger);
    if (!opened) return 1;
    const { database, migrations } = opened;
    let app: Awaited<ReturnType<typeof buildApp>> | undefined;
    try {
      if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, 'migrations applied');
      const services = createServices({ db: database.db, config, logger });
      if (values['seed-demo-if-empty'] === true && (await isEmpty(services))) {
        logger.info('empty database: adding the demo data');
        const { seedDemo } = await import('../../modules/register/demo/seed.ts');
        await seedDemo(services);
      }
      app = await buildApp(services, { reloadTemplates: values['reload-templates'] === true });
      startSweepSchedule(services.alerts, logger); // SWEEP_INTERVAL_MINUTES; off in tests
      await app.listen({ port: config.port, host: config.host });
      const where = database.driver === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
      console.log(`Aftercare is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${where}). Press Ctrl+C to stop.`);
    } catch (error) {
      await app?.close();
      await database.close();
      throw error;
    }

    const running = app;
    return new Promise<number>((resolve) => {
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'stopping');
        try {
          await running.close();
        } finally {
          await database.close();
          resolve(0);
        }
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });
  },
};
