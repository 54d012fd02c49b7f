/**
 * What every `aftercare` command that needs the database does first: read the configuration, open the
 * database (PGlite behind its lock, or PostgreSQL), apply any new migrations, and close it afterwards.
 * A configuration error or a held embedded lock is one clear line on stderr and exit status 1.
 */
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { DatabaseLockedError } from './db/embedded-lock.ts';
import { runMigrations, type MigrationResult } from './db/migrate.ts';
import { createLogger } from './logging.ts';

export interface CommandDatabase {
  config: Config;
  database: Database;
  logger: Logger;
  migrations: MigrationResult;
}

/** Loads the configuration, or prints why it is invalid and returns undefined. */
export function loadConfigForCommand(env: NodeJS.ProcessEnv = process.env): Config | undefined {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`aftercare: ${error.message}`);
      return undefined;
    }
    throw error;
  }
}

export async function openDatabaseForCommand(config: Config, logger: Logger = createLogger(config)): Promise<CommandDatabase | undefined> {
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`aftercare: ${error.message}`);
      return undefined;
    }
    throw error;
  }
  try {
    const migrations = await runMigrations(database.db);
    return { config, database, logger, migrations };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs `work` with an open, migrated database and closes it whatever happens. Exit status 1 when it cannot open. */
export async function withCommandDatabase(work: (opened: CommandDatabase) => Promise<number>, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const config = loadConfigForCommand(env);
  if (!config) return 1;
  // Commands print their own results; only warnings and errors go to the log.
  const opened = await openDatabaseForCommand(config, createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel }));
  if (!opened) return 1;
  try {
    return await work(opened);
  } finally {
    await opened.database.close();
  }
}
