/**
 * `aftercare import FILE... [--batch N]`: imports case files (`aftercare.case-file/v1`) into the register,
 * each wholly or not at all, so a file that fails changes nothing (contract, "Commands and endpoints").
 * Files go in batches (`register.importCaseFiles`: one transaction a batch, a few statements, the same
 * outcome file by file as one transaction each), one batch read ahead so that it is checked while the one
 * before is in the database. Every valid file is imported; each invalid one is reported on stderr as
 * `FILE: path: message` lines.
 * Exit status: 0 when all were imported, 1 when any was refused, 2 on usage errors.
 */
import { readFile } from 'node:fs/promises';
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { createServices } from '../../app/services.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { systemContext } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { findOrganisation } from '../../platform/users/repository.ts';
import type { ImportOutcome } from '../../modules/register/case-file-batch-import.ts';

export const command: CommandDefinition = {
  summary: 'Import case files into the register (each wholly or not at all)',
  usage: 'aftercare import FILE... [--organisation ID_OR_CODE] [--batch N]',
  options: { organisation: { type: 'string' }, batch: { type: 'string' } },
  allowPositionals: true,
  async run({ values, positionals }) {
    if (positionals.length === 0) throw new UsageError('name at least one case file');
    const batchSize = values.batch === undefined ? DEFAULT_BATCH : Number(values.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError('--batch must be a whole number of files, at least 1');
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
      // What is reported of a file: imported, refused with its problems, or not read (why). Only that is kept
      // while its batch is in the database, not the file itself.
      const report = (names: readonly string[], unread: readonly (string | undefined)[], outcomes: readonly ImportOutcome[]) => {
        let next = 0;
        names.forEach((file, i) => {
          const reason = unread[i];
          const problems = reason === undefined ? problemsOf(file, outcomes[next++]) : [`${file}: ${reason}`];
          if (problems.length === 0) imported++;
          else {
            refused++;
            for (const line of problems) console.error(line);
          }
        });
      };
      const started = performance.now();
      // One batch ahead: the next batch is read and checked while the one before is in the database (the
      // register runs them one after another, in order, and begins none after one that failed).
      let previous: { names: string[]; unread: (string | undefined)[]; outcomes: Promise<ImportOutcome[]> } | undefined;
      for (let start = 0; start < positionals.length; start += batchSize) {
        const names = positionals.slice(start, start + batchSize);
        const read = await Promise.all(names.map(readCaseFileJson));
        const outcomes = services.register.importCaseFiles(
          ctx,
          read.flatMap((r) => ('input' in r ? [r.input] : [])),
        );
        // Its failure is thrown where it is awaited (below, or after the next batch is read), not while pending;
        // should the batch before fail, this one is not begun and its failure is not a second error.
        outcomes.catch(() => {});
        const current = { names, unread: read.map((r) => ('reason' in r ? r.reason : undefined)), outcomes };
        if (previous) report(previous.names, previous.unread, await previous.outcomes);
        previous = current;
      }
      if (previous) report(previous.names, previous.unread, await previous.outcomes);
      const seconds = (performance.now() - started) / 1000;
      logger.info({ files: positionals.length, imported, refused, seconds, filesPerSecond: positionals.length / seconds }, 'import finished');
      console.log(`Imported ${imported} case file${imported === 1 ? '' : 's'}${refused ? `; refused ${refused}` : ''}.`);
      return refused > 0 ? 1 : 0;
    });
  },
};

const DEFAULT_BATCH = 500;

async function readCaseFileJson(file: string): Promise<{ input: unknown } | { reason: string }> {
  try {
    return { input: JSON.parse(await readFile(file, 'utf8')) as unknown };
  } catch (error) {
    return { reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(error as Error).message})` };
  }
}

function problemsOf(file: string, outcome: ImportOutcome | undefined): string[] {
  if (!outcome) throw new Error(`${file}: the import gave no outcome`);
  if (outcome.ok) return [];
  const { error } = outcome;
  if (error instanceof ValidationError) return error.issues.map((issue) => `${file}: ${issue.path || '(file)'}: ${issue.message}`);
  return [`${file}: person.id: ${error.message}`];
}
