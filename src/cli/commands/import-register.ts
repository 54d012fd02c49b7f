/**
 * `aftercare import-register FILE.csv --mapping mapping.json [--commit] [--organisation ID_OR_CODE]`: imports a
 * council's legacy register spreadsheet. A dry run by default: each row, what it would create or every reason
 * it cannot. With `--commit` the ready rows are written in ONE transaction through the case-file import (nothing
 * is half-imported: if any ready row fails at write time nothing is written and its lines are named).
 * `aftercare import-register FILE.csv --suggest-mapping` prints a mapping drafted from the header row.
 * Exit status: 0 when every row was (or would be) imported, 1 when any row was refused or the commit failed.
 */
import { readFile } from 'node:fs/promises';
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { createServices } from '../../app/services.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { systemContext } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { findOrganisation } from '../../platform/users/repository.ts';
import type { ImportPlan, RowPlan } from '../../domain/interop/legacy-register/plan.ts';
import { RegisterImportFailedError } from '../../modules/interop/service.ts';

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

export function describeRow(row: RowPlan): string {
  if (row.status === 'rejected') {
    const reasons = row.reasons.map((r) => (r.column ? `${r.column}: ${r.message}` : r.message)).join('; ');
    return `line ${row.line}: cannot import — ${reasons}`;
  }
  const c = row.creates;
  const parts = [
    c.personFromLine === undefined ? `person ${c.person.givenName ?? ''} ${c.person.familyName ?? ''}`.replace(/\s+/g, ' ').trim() : `(same person as line ${c.personFromLine})`,
    `detention s${c.detention.section} from ${c.detention.start}`,
    `duty from ${c.duty.start}`,
    ...(c.allocation ? [`allocation to ${c.staff?.name ?? c.allocation.staffId}`] : []),
    ...(c.service ? [`service "${c.service.description}"`] : []),
  ];
  const warnings = row.warnings.length ? ` (warning: ${row.warnings.join('; ')})` : '';
  return `line ${row.line}: would create ${parts.join(', ')}${warnings}`;
}

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY || total === 0) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} rows${done === total ? '\n' : ''}`);
}

function report(plan: ImportPlan): void {
  for (const problem of plan.fileProblems) console.log(`file: ${problem}`);
  plan.rows.forEach((row, i) => {
    progress(i + 1, plan.rows.length);
    console.log(describeRow(row));
  });
  console.log(`${plan.summary.rows} rows: ${plan.summary.ready} ready, ${plan.summary.rejected} cannot be imported.`);
}

export const command: CommandDefinition = {
  summary: "Import a council's legacy register spreadsheet (dry run unless --commit)",
  usage: 'aftercare import-register FILE.csv (--mapping mapping.json [--commit] [--organisation ID_OR_CODE] | --suggest-mapping)',
  options: { mapping: { type: 'string' }, commit: { type: 'boolean' }, 'suggest-mapping': { type: 'boolean' }, organisation: { type: 'string' } },
  allowPositionals: true,
  async run({ values, positionals }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one CSV file');
    const csvFile = positionals[0] as string;
    const csv = await readText(csvFile, 'spreadsheet');
    if (values['suggest-mapping'] === true) {
      const { suggestMapping } = await import('../../domain/interop/legacy-register/mapping.ts');
      const { parseCsv } = await import('../../domain/interop/legacy-register/csv.ts');
      const parsed = parseCsv(csv);
      if (!parsed.ok) {
        console.error(`${csvFile}: line ${parsed.line}: ${parsed.message}`);
        return 1;
      }
      const suggestion = suggestMapping(parsed.records[0]?.fields ?? []);
      process.stdout.write(`${JSON.stringify(suggestion.mapping, null, 2)}\n`);
      if (suggestion.unmatched.length) console.error(`Columns not placed (map them or set them to null): ${suggestion.unmatched.join(', ')}`);
      return 0;
    }
    if (typeof values.mapping !== 'string') throw new UsageError('give --mapping mapping.json (or --suggest-mapping to draft one)');
    let mapping: unknown;
    try {
      mapping = JSON.parse(await readText(values.mapping, 'mapping'));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      console.error(`${values.mapping}: not valid JSON (${(error as Error).message})`);
      return 1;
    }
    return withCommandDatabase(async ({ config, database, logger }) => {
      const services = createServices({ db: database.db, config, logger });
      const ctx = systemContext(`cli-import-register-${Date.now().toString(36)}`);
      if (typeof values.organisation === 'string') {
        const organisation = await findOrganisation(database.db, values.organisation);
        if (!organisation) {
          console.error(`aftercare import-register: no organisation has the id or code "${values.organisation}"`);
          return 2;
        }
        ctx.actor = { ...ctx.actor, organisationId: organisation.id };
      }
      let plan: ImportPlan;
      try {
        plan = await services.interop.planRegisterImport(ctx, csv, mapping);
      } catch (error) {
        if (error instanceof ValidationError) {
          for (const issue of error.issues) console.error(`${issue.path.startsWith('mapping') ? values.mapping : csvFile}: ${issue.path}: ${issue.message}`);
          return 1;
        }
        throw error;
      }
      report(plan);
      if (plan.fileProblems.length > 0) return 1;
      if (values.commit !== true) {
        console.log('Dry run: nothing was written. Run again with --commit to import the ready rows.');
        return plan.summary.rejected > 0 ? 1 : 0;
      }
      try {
        const result = await services.interop.commitRegisterImport(ctx, plan);
        console.log(`Imported ${result.people} ${result.people === 1 ? 'person' : 'people'} from ${result.rows} rows in one transaction${plan.summary.rejected ? `; ${plan.summary.rejected} rows were not imported (above)` : ''}.`);
        return plan.summary.rejected > 0 ? 1 : 0;
      } catch (error) {
        if (error instanceof RegisterImportFailedError) {
          console.error(error.message);
          return 1;
        }
        throw error;
      }
    });
  },
};
