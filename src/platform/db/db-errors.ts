/**
 * Reading PostgreSQL errors through Drizzle, which wraps the driver's error ("Failed query: …") and keeps
 * the original as `cause`. Both drivers give the SQLSTATE as `code`.
 */

export interface PostgresError {
  code?: string;
  message: string;
  constraint?: string;
}

export function postgresErrorOf(error: unknown): PostgresError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        message: String(candidate.message ?? ''),
        ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}),
      };
    }
    current = candidate.cause;
  }
  return undefined;
}

/** SQLSTATE 23505: a unique constraint refused the row (optionally: this constraint). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pgError = postgresErrorOf(error);
  return pgError?.code === '23505' && (constraint === undefined || pgError.constraint === constraint);
}
