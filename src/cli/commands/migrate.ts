/**
 * `aftercare migrate`: apply the migrations not yet applied. `aftercare serve` does this too at start-up;
 * this command is for deployments that migrate as a separate step (several nodes may run it at once:
 * the advisory lock lets one apply and the rest wait).
 */
import type { CommandDefinition } from '../main.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';

export const command: CommandDefinition = {
  summary: 'Apply database migrations',
  usage: 'aftercare migrate',
  async run() {
    return withCommandDatabase(async ({ migrations, database }) => {
      const where = database.driver === 'pglite' ? 'the embedded database' : 'PostgreSQL';
      if (migrations.applied.length === 0) console.log(`The database (${where}) is up to date: ${migrations.alreadyApplied} migrations applied before.`);
      else console.log(`Applied ${migrations.applied.length} migration(s) to ${where}:\n${migrations.applied.map((name) => `  ${name}`).join('\n')}`);
      return 0;
    });
  },
};
