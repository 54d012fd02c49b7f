/**
 * `aftercare evaluate FILE [--as-of DATE]` (contract "Commands"): validates a case file and prints its
 * evaluation as JSON. Needs no database and never loads the server. FILE may be `-` for standard input.
 * Exit status: 0 printed; 1 the file cannot be read, is not JSON or breaks the contract (one stderr line per
 * error, `FILE: path: message`); 2 usage error, including an --as-of that is not a real date.
 */
import { readFile } from 'node:fs/promises';
import { isCivilDate, todayInLondon } from '../../domain/calendar/civil-date.ts';
import { validateCaseFile } from '../../domain/case-file/validate.ts';
import { evaluate } from '../../domain/rules/evaluate.ts';
// Type-only: a value import of main.ts from a command deadlocks (main.ts awaits this module at top level).
import type { CommandDefinition } from '../main.ts';

const USAGE = 'aftercare evaluate FILE [--as-of YYYY-MM-DD]';

function usageError(message: string): number {
  console.error(`aftercare evaluate: ${message}\nUsage: ${USAGE}`);
  return 2;
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const command: CommandDefinition = {
  summary: 'Validate a case file and print its evaluation (duties, flags, alerts) as JSON. No database needed.',
  usage: USAGE,
  options: { 'as-of': { type: 'string' } },
  allowPositionals: true,
  async run({ values, positionals }) {
    if (positionals.length !== 1) {
      return usageError(positionals.length === 0 ? 'name the case file to evaluate' : `expected one case file, got ${positionals.length}`);
    }
    const file = positionals[0]!;
    const asOfOption = values['as-of'];
    if (asOfOption !== undefined && (typeof asOfOption !== 'string' || !isCivilDate(asOfOption))) {
      return usageError(`--as-of must be a real date written YYYY-MM-DD, got "${String(asOfOption)}"`);
    }
    const asOf = asOfOption ?? todayInLondon();

    let text: string;
    try {
      text = await readInput(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      console.error(`${file}: cannot read the file: ${reason}`);
      return 1;
    }
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      console.error(`${file}: not valid JSON: ${(error as Error).message}`);
      return 1;
    }
    const result = validateCaseFile(input);
    if (!result.ok) {
      for (const issue of result.errors) console.error(`${file}: ${issue.path}: ${issue.message}`);
      return 1;
    }
    process.stdout.write(`${JSON.stringify(evaluate(result.caseFile, asOf), null, 2)}\n`);
    return 0;
  },
};
