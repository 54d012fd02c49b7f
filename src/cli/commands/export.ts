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
  usage: 'aftercare export PERSON_ID [--format case-file|fhir]',
  options: { format: { type: 'string' } },
  allowPositionals: true,
  async run({ positionals, values }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one person id');
    const format = values.format ?? 'case-file';
    if (format !== 'case-file' && format !== 'fhir') throw new UsageError('--format must be case-file or fhir (a FHIR UK Core R4 Bundle)');
    const personId = positionals[0] as string;
    return withCommandDatabase(async ({ config, database, logger }) => {
      const services = createServices({ db: database.db, config, logger });
      try {
        const ctx = systemContext(`cli-export-${Date.now().toString(36)}`);
        const output = format === 'fhir' ? await services.interop.fhirBundle(ctx, personId) : await services.register.exportCaseFile(ctx, personId);
        process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
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
