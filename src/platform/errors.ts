/**
 * The errors a service may throw. The HTTP layer maps each to a page or an RFC 9457 problem
 * (`src/platform/http/setup-errors.ts`); nothing below the routes knows about status codes.
 */

export interface ValidationIssue {
  /** `duties[0].start` for a nested field, or a form field name. */
  path: string;
  message: string;
}

export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[], message = 'The input is not valid') {
    super(message);
    this.issues = issues;
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(message = 'Not found') {
    super(message);
  }
}

export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(message = 'You do not have permission to do this') {
    super(message);
  }
}

/** A stale write: someone else changed the record since it was read. Carries both versions for the conflict page. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  readonly current: unknown;
  readonly attempted: unknown;
  constructor(current: unknown, attempted: unknown, message = 'Someone else changed this record since you opened it') {
    super(message);
    this.current = current;
    this.attempted = attempted;
  }
}

/** Turns zod issue paths (`['duties', 0, 'start']`) into the form `duties[0].start`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Converts a zod error (anything with `issues: { path, message }[]`) to a ValidationError. */
export function validationErrorFromZod(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): ValidationError {
  return new ValidationError(error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })));
}
