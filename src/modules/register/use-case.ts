/**
 * The steps every register use case shares: validate with zod reporting every error at once, find the
 * person only if the actor may see them (otherwise NotFound: their existence is private), and check that
 * the organisations and records an input names exist and are of the right kind.
 */
import type { z } from 'zod';
import type { Actor, ServiceContext } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { NotFoundError, ValidationError, validationErrorFromZod, type ValidationIssue } from '../../platform/errors.ts';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import { findVisiblePerson, organisationsByIds } from './repository.ts';

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw validationErrorFromZod(result.error);
  return result.data;
}

export async function requireVisiblePerson(db: DbOrTx, actor: Actor, personId: string) {
  const person = await findVisiblePerson(db, actor, personId);
  if (!person) throw new NotFoundError('No such person');
  return person;
}

export const today = (ctx: ServiceContext) => todayInLondon(ctx.now);

export const healthBodyKinds = ['icb', 'lhb'] as const;
export const councilKinds = ['local_authority'] as const;

export interface OrganisationReference {
  path: string;
  /** The id as given; anything but a non-empty string is left to the schema to report. */
  id: unknown;
  /** Allowed kinds; any kind when absent. */
  kinds?: readonly string[];
  label: string;
}

/** Issues for organisations that do not exist or are of the wrong kind (a duty's council must be a council). */
export async function organisationIssues(db: DbOrTx, references: OrganisationReference[]): Promise<ValidationIssue[]> {
  const named = references.filter((ref): ref is OrganisationReference & { id: string } => typeof ref.id === 'string' && ref.id !== '');
  const found = new Map((await organisationsByIds(db, [...new Set(named.map((ref) => ref.id))])).map((org) => [org.id, org]));
  const issues: ValidationIssue[] = [];
  for (const ref of named) {
    const org = found.get(ref.id);
    if (!org || (ref.kinds && !ref.kinds.includes(org.kind))) issues.push({ path: ref.path, message: `Select ${ref.label} from the list` });
  }
  return issues;
}

/**
 * Validates with the schema and checks the input's references against the database, reporting every
 * problem at once: when the schema fails, the reference checks still run on the fields as given, and
 * their issues are added for the fields the schema did not already report.
 */
export async function validateInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  references: (candidate: Record<string, unknown>) => Promise<ValidationIssue[]>,
): Promise<z.infer<T>> {
  const result = schema.safeParse(input ?? {});
  if (result.success) {
    throwIfIssues(await references(result.data as Record<string, unknown>));
    return result.data;
  }
  const issues = validationErrorFromZod(result.error).issues;
  const reported = new Set(issues.map((issue) => issue.path));
  const given = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const more = (await references(given)).filter((issue) => !reported.has(issue.path));
  throw new ValidationError([...issues, ...more]);
}

export function throwIfIssues(issues: ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}
