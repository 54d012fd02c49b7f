/**
 * Every route of Aftercare, registered in one list. Each module exports `register<M>Routes(app, services)`;
 * add it to `moduleRoutes`. Every route must declare `config.permission` or the server will not start.
 */
import type { FastifyInstance } from 'fastify';
import { registerAuditRoutes } from '../platform/audit/routes.ts';
import { registerAuthRoutes } from '../platform/auth/routes.ts';
import { registerOidcRoutes } from '../platform/auth/oidc-routes.ts';
import { registerEvaluateRoutes } from '../platform/api/evaluate-routes.ts';
import { registerPageRoutes } from '../platform/pages/routes.ts';
import { registerRegisterRoutes } from '../modules/register/routes.ts';
import { registerAlertsRoutes } from '../modules/alerts/routes.ts';
import { registerChronologyRoutes } from '../modules/chronology/routes.ts';
import { registerReportsRoutes } from '../modules/reports/routes.ts';
import { registerCareRecordsRoutes } from '../modules/care-records/routes.ts';
import { registerComplaintsRoutes } from '../modules/complaints/routes.ts';
import { registerCoordinationRoutes } from '../modules/coordination/routes.ts';
import { registerInteropRoutes } from '../modules/interop/routes.ts';
import { navigation } from './navigation.ts';
import { personSections } from './person-sections.ts';
import type { Services } from './services.ts';

type RegisterRoutes = (app: FastifyInstance, services: Services) => void | Promise<void>;

const platformRoutes: RegisterRoutes[] = [
  (app) => registerPageRoutes(app, { navigation }),
  (app, services) => registerAuthRoutes(app, services),
  (app, services) => registerOidcRoutes(app, services),
  (app, services) => registerAuditRoutes(app, services),
  (app) => registerEvaluateRoutes(app),
];

/** Modules: add `registerRegisterRoutes` (and later capabilities) here. */
const moduleRoutes: RegisterRoutes[] = [(app, services) => registerRegisterRoutes(app, services, { personSections }), registerCareRecordsRoutes, (app, services) => registerComplaintsRoutes(app, services, { personSections }), registerAlertsRoutes, registerChronologyRoutes, registerReportsRoutes, registerCoordinationRoutes];
moduleRoutes.push(registerInteropRoutes);

export async function registerRoutes(app: FastifyInstance, services: Services): Promise<void> {
  for (const register of [...platformRoutes, ...moduleRoutes]) await register(app, services);
}
