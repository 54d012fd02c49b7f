/**
 * Complaints and Ombudsman cases: the Complaints section of a person's case with its forms, the response
 * letter, the compliance pages and the `/api/v1` endpoints. Every route declares `config.permission`.
 */
import type { FastifyInstance } from 'fastify';
import type { RegisterService } from '../register/service.ts';
import type { ExtraPersonSection } from '../register/view-shaping/case-view.ts';
import { registerComplaintApiRoutes } from './api-routes.ts';
import { registerComplaintFormRoutes } from './form-routes.ts';
import { registerComplaintPageRoutes } from './page-routes.ts';
import type { ComplaintsService } from './service.ts';

export interface ComplaintsRouteOptions {
  /** The person-page sections other capabilities add (src/app/person-sections.ts), for the sub-navigation. */
  personSections?: readonly ExtraPersonSection[];
}

export function registerComplaintsRoutes(app: FastifyInstance, services: { register: RegisterService; complaints: ComplaintsService }, options: ComplaintsRouteOptions = {}): void {
  registerComplaintPageRoutes(app, services, options.personSections ?? []);
  registerComplaintFormRoutes(app, services);
  registerComplaintApiRoutes(app, services);
}
