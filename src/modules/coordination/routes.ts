/**
 * Coordination's routes: the person's sections and forms, the pages across cases and the letters, and the
 * `/api/v1` endpoints. Every route declares `config.permission`, and those that read a case its audit.
 */
import type { FastifyInstance } from 'fastify';
import { registerCoordinationApiRoutes } from './api-routes.ts';
import { registerDirectoryRoutes } from './directory-routes.ts';
import { registerCoordinationPageRoutes } from './page-routes.ts';
import type { CoordinationService } from './service.ts';

export function registerCoordinationRoutes(app: FastifyInstance, services: { coordination: CoordinationService }): void {
  registerCoordinationPageRoutes(app, services);
  registerDirectoryRoutes(app, services);
  registerCoordinationApiRoutes(app, services);
}
