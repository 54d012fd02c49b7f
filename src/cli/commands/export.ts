/**
 * `aftercare export PERSON_ID`: prints one person's whole case as a case file (`aftercare.case-file/v1`),
 * with the file's own ids, so that importing it elsewhere and exporting again gives the same file.
 */
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { createServices } from '../../app/services.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { systemContext } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';

export const command: CommandDefinition = {
  summary: "Print a person's whole case as a case file",
  usage: 'aftercare export PERSON_ID',
  allowPositionals: true,
  async run({ positionals }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one person id');
    const personId = positionals[0] as string;
    return withCommandDatabase(async ({ config, database, logger }) => {
      const services = createServices({ db: database.db, config, logger });
      try {
        const caseFile = await services.register.exportCaseFile(systemContext(`cli-export-${Date.now().toString(36)}`), personId);
        process.stdout.write(`${JSON.stringify(caseFile, null, 2)}\n`);
        return 0;
      } catch (error) {
        if (error instanceof NotFoundError) {
          console.error(`aftercare export: no person has the id "${personId}"`);
          return 1;
        }
        throw error;
      }
    });
  },
};
