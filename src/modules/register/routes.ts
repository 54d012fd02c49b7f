/**
 * The register's routes: its pages (the list, adding a person, a person's case and its forms) and its
 * `/api/v1` endpoints. Every route declares `config.permission`, and those that read a case its audit.
 */
import type { FastifyInstance } from 'fastify';
import { registerApiRoutes } from './api-routes.ts';
import { registerPageRoutes } from './page-routes.ts';
import { registerRecordFormRoutes } from './record-form-routes.ts';
import type { RegisterService } from './service.ts';
import type { ExtraPersonSection } from './view-shaping/case-view.ts';

export interface RegisterRouteOptions {
  /** Sections other capabilities add to a person's case page (after the register's own). */
  personSections?: readonly ExtraPersonSection[];
}

export function registerRegisterRoutes(app: FastifyInstance, services: { register: RegisterService }, options: RegisterRouteOptions = {}): void {
  registerPageRoutes(app, services, options.personSections ?? []);
  registerRecordFormRoutes(app, services);
  registerApiRoutes(app, services);
}
