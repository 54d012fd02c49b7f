/**
 * What `aftercare backup` and `aftercare restore` share: both work on the embedded database's folder while
 * no server runs, so both refuse when DATABASE_URL names PostgreSQL and hold the embedded lock for the
 * whole copy (a running server makes them refuse with one clear line).
 */
import type { Config } from '../platform/config.ts';
import { loadConfigForCommand } from '../platform/command-database.ts';
import { acquireEmbeddedLock, DatabaseLockedError } from '../platform/db/embedded-lock.ts';

/** The configuration, or undefined (said why) when it is invalid or names PostgreSQL. */
export function embeddedConfig(postgresAdvice: string): Config | undefined {
  const config = loadConfigForCommand();
  if (!config) return undefined;
  if (config.databaseUrl) {
    console.error(`aftercare: DATABASE_URL is set. ${postgresAdvice}`);
    return undefined;
  }
  return config;
}

/** Runs `work` holding the embedded lock; 1 (said why) when another process holds it. */
export async function withEmbeddedLock(dataDir: string, work: () => Promise<number>): Promise<number> {
  let lock;
  try {
    lock = acquireEmbeddedLock(dataDir);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`aftercare: ${error.message}`);
      return 1;
    }
    throw error;
  }
  try {
    return await work();
  } finally {
    lock.release();
  }
}
