/**
 * Complaints and Ombudsman cases: the Complaints section of a person's case with its forms, the response
 * letter, the compliance pages and the `/api/v1` endpoints. Every route declares `config.permission`.
 */
import type { FastifyInstance } from 'fastify';
import type { RegisterService } from '../register/service.ts';
import { registerComplaintApiRoutes } from './api-routes.ts';
import { registerComplaintFormRoutes } from './form-routes.ts';
import { registerComplaintPageRoutes } from './page-routes.ts';
import type { ComplaintsService } from './service.ts';

export function registerComplaintsRoutes(app: FastifyInstance, services: { register: RegisterService; complaints: ComplaintsService }): void {
  registerComplaintPageRoutes(app, services);
  registerComplaintFormRoutes(app, services);
  registerComplaintApiRoutes(app, services);
}
