/** The ServiceContext of a request: its actor, its id (also in the logs and audit events) and the time. */
import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../context.ts';
import { UnauthenticatedError } from './http-errors.ts';

export function serviceContext(request: FastifyRequest, now: Date = new Date()): ServiceContext {
  if (!request.actor) throw new UnauthenticatedError();
  return { actor: request.actor, requestId: request.id, now };
}
