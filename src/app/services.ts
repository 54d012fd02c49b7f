/**
 * Wires every service from its dependencies: plain factories, no container (STYLE.md).
 * Modules add their `create<M>Service(...)` here; routes and the CLI receive the result.
 */
import type { Logger } from 'pino';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/client.ts';
import { createAuditService } from '../platform/audit/audit-service.ts';
import { createAuthService } from '../platform/auth/auth-service.ts';
import { createUserService } from '../platform/users/user-service.ts';
import { createRegisterService } from '../modules/register/service.ts';
import { createComplaintsService } from '../modules/complaints/service.ts';
import { createCaseWriter } from '../modules/register/case-write.ts';
import { createAlertsService } from '../modules/alerts/service.ts';
import { createCareRecordsService } from '../modules/care-records/service.ts';
import { endDutiesOnNewDetention } from '../modules/care-records/redetention-hook.ts';
import { createReportsService } from '../modules/reports/service.ts';
import { createChronologyService } from '../modules/chronology/service.ts';
import { createCoordinationService } from '../modules/coordination/service.ts';
import { createInteropService } from '../modules/interop/service.ts';
import { careRecordsSectionStore } from '../modules/care-records/section-store.ts';
import { complaintsSectionStore } from '../modules/complaints/section-store.ts';
import { coordinationSectionStore } from '../modules/coordination/section-store.ts';

export interface ServiceDeps {
  db: Db;
  config: Config;
  logger: Logger;
}

export function createServices({ db, config, logger }: ServiceDeps) {
  const sessionPolicy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  // One case writer for every capability, so every change to a case runs the case-change listeners.
  const caseWriter = createCaseWriter({ db });
  // Every capability's case-file sections, so import, export and the alerts see a person's whole case.
  const sectionStores = [careRecordsSectionStore, coordinationSectionStore, complaintsSectionStore];
  const register = createRegisterService({ db, sectionStores, caseChanged: caseWriter.caseChanged, casesChanged: caseWriter.casesChanged, detentionRecorded: endDutiesOnNewDetention });
  const alerts = createAlertsService({ db, readCaseFile: register.readCaseFile, readCaseFiles: register.readCaseFiles });
  caseWriter.addListener(alerts.onCaseChanged, alerts.onCasesChanged);
  return {
    db,
    config,
    logger,
    auth: createAuthService({ db, sessionPolicy, oidcProviders: config.oidcProviders }),
    users: createUserService({ db }),
    audit: createAuditService({ db }),
    // Modules: add `<m>: create<M>Service({ db, ... }),` below.
    coordination: createCoordinationService({ db, caseWriter }),
    caseWriter,
    register,
    careRecords: createCareRecordsService({ db, caseWriter }),
    alerts,
    complaints: createComplaintsService({ db, caseWriter }),
    reports: createReportsService({ db, readCaseFile: register.readCaseFile, alerts }),
    chronology: createChronologyService({ db, readCaseFile: register.readCaseFile }),
    interop: createInteropService({ db, register }),
  };
}

export type Services = ReturnType<typeof createServices>;
