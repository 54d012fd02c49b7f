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
import type { OverviewExtras } from './page-routes.ts';
import type { ChronologyService } from '../chronology/service.ts';

export interface RegisterRouteOptions {
  /** Sections other capabilities add to a person's case page (after the register's own). */
  personSections?: readonly ExtraPersonSection[];
  /** Extra cards on the person's overview (what the law says), shaped by the capability that owns them. */
  overviewExtras?: OverviewExtras;
}

export function registerRegisterRoutes(app: FastifyInstance, services: { register: RegisterService; chronology?: Pick<ChronologyService, 'lawSummary'> }, options: RegisterRouteOptions = {}): void {
  // Where the chronology is wired, the overview shows its summary of what the law says.
  const { chronology } = services;
  const lawSummary: OverviewExtras | undefined = chronology ? (ctx, view) => ({ lawSummary: chronology.lawSummary(ctx, view) }) : undefined;
  registerPageRoutes(app, services, options.personSections ?? [], options.overviewExtras ?? lawSummary);
  registerRecordFormRoutes(app, services);
  registerApiRoutes(app, services);
}
