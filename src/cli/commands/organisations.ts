/**
 * `aftercare organisations load [--file PATH]`: loads the organisation reference data (councils, ICBs, Welsh
 * LHBs; by default `reference-data/organisations.json`) into the register. It is checked first, and nothing is
 * written if any record is wrong; then new organisations are added and those matched by code get the file's
 * name, validity and successor. Running it twice changes nothing the second time.
 * `aftercare seed --organisations` does the same.
 */
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { createServices } from '../../app/services.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { systemContext } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { readReferenceOrganisations } from '../../modules/interop/reference-file.ts';

export async function loadOrganisations(file?: string): Promise<number> {
  let list;
  try {
    list = file === undefined ? await readReferenceOrganisations() : await readReferenceOrganisations(file);
  } catch (error) {
    console.error(`aftercare organisations: ${file ?? 'reference-data/organisations.json'}: ${(error as Error).message}`);
    return 1;
  }
  return withCommandDatabase(async ({ config, database, logger }) => {
    const services = createServices({ db: database.db, config, logger });
    try {
      const result = await services.interop.loadOrganisations(systemContext(`cli-organisations-${Date.now().toString(36)}`), list);
      console.log(`Organisations: ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged (${list.length} in the file).`);
      return 0;
    } catch (error) {
      if (error instanceof ValidationError) {
        for (const issue of error.issues) console.error(`${file ?? 'reference-data/organisations.json'}: ${issue.path}: ${issue.message}`);
        console.error('Nothing was loaded.');
        return 1;
      }
      throw error;
    }
  });
}

export const command: CommandDefinition = {
  summary: 'Load the organisation reference data (councils, ICBs, LHBs)',
  usage: 'aftercare organisations load [--file PATH]',
  options: { file: { type: 'string' } },
  allowPositionals: true,
  async run({ values, positionals }) {
    if (positionals.length !== 1 || positionals[0] !== 'load') throw new UsageError('say "load"');
    return loadOrganisations(typeof values.file === 'string' ? values.file : undefined);
  },
};
