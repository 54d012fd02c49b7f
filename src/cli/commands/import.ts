/**
 * `aftercare import FILE...`: imports case files (`aftercare.case-file/v1`) into the register, one
 * transaction per file, so a file that fails changes nothing (contract, "Commands and endpoints").
 * Every valid file is imported; each invalid one is reported on stderr as `FILE: path: message` lines.
 * Exit status: 0 when all were imported, 1 when any was refused, 2 on usage errors.
 */
import { readFile } from 'node:fs/promises';
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { createServices } from '../../app/services.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { systemContext } from '../../platform/context.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { findOrganisation } from '../../platform/users/repository.ts';

export const command: CommandDefinition = {
  summary: 'Import case files into the register (one transaction per file)',
  usage: 'aftercare import FILE... [--organisation ID_OR_CODE]',
  options: { organisation: { type: 'string' } },
  allowPositionals: true,
  async run({ values, positionals }) {
    if (positionals.length === 0) throw new UsageError('name at least one case file');
    return withCommandDatabase(async ({ config, database, logger }) => {
      const services = createServices({ db: database.db, config, logger });
      const organisation = typeof values.organisation === 'string' ? await findOrganisation(database.db, values.organisation) : undefined;
      if (typeof values.organisation === 'string' && !organisation) {
        console.error(`aftercare import: no organisation has the id or code "${values.organisation}"`);
        return 2;
      }
      const ctx = systemContext(`cli-import-${Date.now().toString(36)}`);
      // The importing organisation can see the people it imports (contract); from the terminal it is named.
      if (organisation) ctx.actor = { ...ctx.actor, organisationId: organisation.id };
      let imported = 0;
      let refused = 0;
      for (const file of positionals) {
        const problems = await importOne(file, (caseFile) => services.register.importCaseFileAlone(ctx, caseFile));
        if (problems.length === 0) imported++;
        else {
          refused++;
          for (const line of problems) console.error(line);
        }
      }
      console.log(`Imported ${imported} case file${imported === 1 ? '' : 's'}${refused ? `; refused ${refused}` : ''}.`);
      return refused > 0 ? 1 : 0;
    });
  },
};

async function importOne(file: string, importCaseFile: (caseFile: unknown) => Promise<{ personId: string }>): Promise<string[]> {
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(error as Error).message})`;
    return [`${file}: ${reason}`];
  }
  try {
    await importCaseFile(input);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${file}: ${issue.path || '(file)'}: ${issue.message}`);
    if (error instanceof ConflictError) return [`${file}: person.id: ${error.message}`];
    throw error;
  }
}
