/**
 * RFC 9457 problem details for /api/: `application/problem+json` with type, title, status, detail and,
 * for invalid input, `errors: [{ path, message }]` naming each field.
 */
import type { FastifyReply } from 'fastify';
import type { ValidationIssue } from '../errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: ValidationIssue[];
  [extension: string]: unknown;
}

const problemTypes: Record<number, { slug: string; title: string }> = {
  400: { slug: 'invalid-request', title: 'The request is not valid' },
  401: { slug: 'unauthenticated', title: 'Authentication required' },
  403: { slug: 'forbidden', title: 'Forbidden' },
  404: { slug: 'not-found', title: 'Not found' },
  409: { slug: 'conflict', title: 'The record was changed by someone else' },
  413: { slug: 'too-large', title: 'The request is too large' },
  415: { slug: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { slug: 'invalid-content', title: 'The content is not valid' },
  500: { slug: 'server-error', title: 'Internal server error' },
};

export function problem(status: number, extra: Partial<Problem> = {}): Problem {
  const known = problemTypes[status] ?? { slug: `status-${status}`, title: 'Error' };
  return { type: `https://aftercare.dev/problems/${known.slug}`, title: known.title, status, ...extra };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** `/duties/0/start` (JSON pointer, as Fastify reports schema errors) → `duties[0].start`. */
export function pathFromPointer(pointer: string, fallback: string): string {
  const parts = pointer.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts.length === 0) return fallback;
  return parts.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}
