/**
 * The register's routes: its pages (the list, adding a person, a person's case and its forms) and its
 * `/api/v1` endpoints. Every route declares `config.permission`, and those that read a case its audit.
 */
import type { FastifyInstance } from 'fastify';
import { registerApiRoutes } from './api-routes.ts';
import { registerPageRoutes } from './page-routes.ts';
import { registerRecordFormRoutes } from './record-form-routes.ts';
import type { RegisterService } from './service.ts';

export function registerRegisterRoutes(app: FastifyInstance, services: { register: RegisterService }): void {
  registerPageRoutes(app, services);
  registerRecordFormRoutes(app, services);
  registerApiRoutes(app, services);
}
