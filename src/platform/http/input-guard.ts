/**
 * Input the database cannot store, refused before any handler runs. PostgreSQL text cannot hold the NUL
 * character (U+0000): a NUL in a path, query or body reached the driver and failed as a 500
 * ("invalid byte sequence for encoding UTF8: 0x00"). No legitimate value contains one, so a request
 * carrying one anywhere (keys included) is a 400 naming where.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError, type ValidationIssue } from '../errors.ts';

const MAX_DEPTH = 64;

/** The path of the first string (or key) holding U+0000 in `value`, or undefined. */
export function findNulCharacter(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulCharacter(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return path || 'body';
    const found = findNulCharacter(inner, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function setUpInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found =
      findNulCharacter(request.params, '') ?? findNulCharacter(request.query, '') ?? findNulCharacter(request.body, '');
    if (found !== undefined) {
      const issues: ValidationIssue[] = [{ path: found || 'request', message: 'Remove the null character (U+0000): it cannot be stored' }];
      throw new ValidationError(issues, 'The request contains a null character');
    }
  });
}
