/**
 * Request ids: an incoming `x-request-id` is kept when it looks like an id (so a load balancer's id
 * follows the request into our logs and audit events), otherwise a new one is made.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && acceptable.test(incoming) ? incoming : randomUUID();
}
