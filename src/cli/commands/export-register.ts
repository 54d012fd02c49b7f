/**
 * `aftercare export-register [--as-of DATE]`: the register as CSV on stdout, one row per duty (person,
 * NHS number, qualifying detention, start, responsible council and health body, allocated worker, plan
 * review due, services and weekly cost, end).
 */
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { createServices } from '../../app/services.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { systemContext } from '../../platform/context.ts';
import { isCivilDate } from '../../domain/calendar/civil-date.ts';

export const command: CommandDefinition = {
  summary: 'Print the register as CSV, one row per duty',
  usage: 'aftercare export-register [--as-of YYYY-MM-DD]',
  options: { 'as-of': { type: 'string' } },
  async run({ values }) {
    const asOf = values['as-of'];
    if (asOf !== undefined && (typeof asOf !== 'string' || !isCivilDate(asOf))) throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, got "${String(asOf)}"`);
    return withCommandDatabase(async ({ config, database, logger }) => {
      const services = createServices({ db: database.db, config, logger });
      process.stdout.write(await services.reports.exportRegisterCsv(systemContext(), asOf));
      return 0;
    });
  },
};
