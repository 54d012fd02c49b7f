/**
 * `aftercare providers import FILE.csv`: adds or refreshes the provider directory from a CQC-style CSV
 * (the CQC care directory with ratings), offline. Locations are matched by CQC location ID, so importing a
 * newer file refreshes the ratings. Exit status: 0 imported; 1 the file cannot be read or has problems
 * (one stderr line each, `FILE:LINE: message`, nothing written); 2 usage error.
 */
import { readFile } from 'node:fs/promises';
import { systemContext } from '../../platform/context.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { createProviderDirectory } from '../../modules/coordination/providers/provider-directory.ts';
import { readProviderCsv } from '../../modules/coordination/providers/cqc-csv.ts';
// Type-only: a value import of main.ts from a command deadlocks (main.ts awaits this module at top level).
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';

const usage = 'aftercare providers import FILE.csv';

export const command: CommandDefinition = {
  summary: 'Import providers and their CQC ratings from a CQC-style CSV file',
  usage,
  allowPositionals: true,
  async run({ positionals }) {
    const [action, file, ...extra] = positionals;
    if (action !== 'import' || !file || extra.length > 0) throw new UsageError('give "import" and one CSV file');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      return 1;
    }
    const { locations, problems } = readProviderCsv(text);
    if (problems.length > 0) {
      for (const problem of problems) console.error(`${file}:${problem.line}: ${problem.message}`);
      return 1;
    }
    return withCommandDatabase(async ({ database }) => {
      const directory = createProviderDirectory({ db: database.db, cqcApi: null });
      const { created, updated } = await directory.importLocations(systemContext(), locations);
      console.log(`${file}: ${created} providers added, ${updated} updated`);
      return 0;
    });
  },
};
