/**
 * `aftercare export-cld --council CODE --from DATE --to DATE [--out FILE]`: the DHSC Client Level Data rows a
 * council's aftercare records produce for a reporting period (both dates inclusive), as CSV on stdout or in FILE.
 * Cells that a spreadsheet would read as a formula are escaped. Records that could have been rows and were not
 * are listed on stderr with the reason.
 */
import { writeFile } from 'node:fs/promises';
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { createServices } from '../../app/services.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { systemContext } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';

export const command: CommandDefinition = {
  summary: 'Write the DHSC Client Level Data rows of a council for a period (CSV)',
  usage: 'aftercare export-cld --council GSS_CODE --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE]',
  options: { council: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  async run({ values }) {
    const { council, from, to, out } = values;
    if (typeof council !== 'string' || typeof from !== 'string' || typeof to !== 'string') throw new UsageError('give --council, --from and --to');
    return withCommandDatabase(async ({ config, database, logger }) => {
      const services = createServices({ db: database.db, config, logger });
      try {
        const { csv, extract } = await services.interop.cldExport(systemContext(`cli-export-cld-${Date.now().toString(36)}`), { councilCode: council, from, to });
        if (typeof out === 'string') await writeFile(out, csv);
        else process.stdout.write(csv);
        for (const left of extract.left) console.error(`not a row: ${left.personId}/${left.recordId}: ${left.reason}`);
        if (typeof out === 'string') console.error(`Wrote ${extract.rows.length} rows to ${out}.`);
        return 0;
      } catch (error) {
        if (error instanceof ValidationError) {
          for (const issue of error.issues) console.error(`--${issue.path}: ${issue.message}`);
          return 2;
        }
        throw error;
      }
    });
  },
};
