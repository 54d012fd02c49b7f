/**
 * Care records' routes: the "Plan and services" and "Money" pages, the ending workflow, their forms, and
 * the `/api/v1` endpoints. Every route declares `config.permission`, and those that read a case its audit.
 */
import type { FastifyInstance } from 'fastify';
import type { RegisterService } from '../register/service.ts';
import { registerCareApiRoutes } from './api-routes.ts';
import { registerCareFormRoutes } from './form-routes.ts';
import { registerCarePageRoutes } from './page-routes.ts';
import type { CareRecordsService } from './service.ts';

export function registerCareRecordsRoutes(app: FastifyInstance, services: { register: RegisterService; careRecords: CareRecordsService }): void {
  registerCarePageRoutes(app, services);
  registerCareFormRoutes(app, services);
  registerCareApiRoutes(app, services);
}
