/**
 * Shared set-up for the alerts' integration tests: the wired services on a fresh test database, a system
 * context at a fixed moment, an imported law fixture, and the comparison of stored alerts with a fresh
 * evaluation of the exported case file.
 */
import { readFileSync } from 'node:fs';
import { createServices, type Services } from '../../../src/app/services.ts';
import { systemActor, type ServiceContext } from '../../../src/platform/context.ts';
import { createLogger } from '../../../src/platform/logging.ts';
import { todayInLondon } from '../../../src/domain/calendar/civil-date.ts';
import { evaluate } from '../../../src/domain/rules/evaluate.ts';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { currentAlertsOf } from '../../../src/modules/alerts/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { testConfig } from '../../support/app.ts';

export const NOW = new Date('2026-03-12T10:00:00Z');

export function systemAt(now = NOW): ServiceContext {
  return { actor: systemActor('test'), requestId: `req-${Math.random().toString(36).slice(2)}`, now };
}

export function fixture(name: string): CaseFile {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as CaseFile;
}

export interface AlertsWorld {
  database: TestDatabase;
  services: Services;
}

export async function withAlerts(work: (world: AlertsWorld) => Promise<void>, database?: TestDatabase): Promise<void> {
  const db = database ?? (await createTestDatabase());
  try {
    const config = testConfig();
    await work({ database: db, services: createServices({ db: db.db, config, logger: createLogger(config) }) });
  } finally {
    if (!database) await db.close();
  }
}

/** The stored current alerts of a case and a fresh evaluation's alerts, shaped alike and sorted alike. */
export async function storedAndFresh(services: Services, personId: string, asOf = todayInLondon(NOW)) {
  const key = (a: { id: string; subject: { kind: string; id: string }; since: string; severity: string; message: string }) =>
    `${a.id}|${a.subject.kind}|${a.subject.id}|${a.since}|${a.severity}|${a.message}`;
  const stored = (await currentAlertsOf(services.db, personId)).map((row) =>
    key({ id: row.ruleId, subject: { kind: row.subjectKind, id: row.subjectId }, since: row.since, severity: row.severity, message: row.message }),
  );
  const file = await services.register.readCaseFile(services.db, personId);
  const fresh = evaluate(file, asOf).alerts.map(key);
  return { stored: stored.sort(), fresh: fresh.sort() };
}
