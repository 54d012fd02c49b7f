/**
 * `aftercare alerts [--as-of DATE] [--format json|csv|table]` (contract "Commands"): every alert the
 * register's cases raise on the date, acknowledged ones included and flagged. Today's alerts are the stored
 * ones (kept current by every change and the sweep); any other date is evaluated afresh. JSON
 * (`aftercare.alerts/v1`) is the default when stdout is not a terminal, a table when it is.
 */
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { createServices } from '../../app/services.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { systemContext } from '../../platform/context.ts';
import { isCivilDate } from '../../domain/calendar/civil-date.ts';
import { alertsCsv, alertsTable } from '../../modules/alerts/alerts-csv.ts';

const formats = ['json', 'csv', 'table'] as const;

export const command: CommandDefinition = {
  summary: 'List the alerts across the register on a date (json, csv or table)',
  usage: 'aftercare alerts [--as-of YYYY-MM-DD] [--format json|csv|table]',
  options: { 'as-of': { type: 'string' }, format: { type: 'string' } },
  async run({ values }) {
    const asOf = values['as-of'];
    if (asOf !== undefined && (typeof asOf !== 'string' || !isCivilDate(asOf))) throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, got "${String(asOf)}"`);
    const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
    if (typeof format !== 'string' || !(formats as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}`);
    return withCommandDatabase(async ({ config, database, logger }) => {
      const services = createServices({ db: database.db, config, logger });
      const document = await services.alerts.listAlerts(systemContext(), asOf);
      if (format === 'json') process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      else if (format === 'csv') process.stdout.write(alertsCsv(document.alerts));
      else process.stdout.write(`Alerts on ${document.asOf}: ${document.alerts.length}\n${alertsTable(document.alerts)}`);
      return 0;
    });
  },
};
