/**
 * Builders for the alert tests: an empty case file, a registered duty with its detention, a law analysis built by
 * hand (so these tests do not depend on the law engine), and assertions that an alert starts exactly on its
 * threshold date.
 */
import assert from 'node:assert/strict';
import { addDays, type CivilDate } from '../../../../../src/domain/calendar/civil-date.ts';
import type { CaseFile, Detention, Duty } from '../../../../../src/domain/case-file/schema.ts';
import { defaultRulesConfig, type RulesConfig } from '../../../../../src/domain/rules/config.ts';
import type { Alert, LawAnalysis, LawDuty } from '../../../../../src/domain/rules/evaluation.ts';
import { computeAlerts } from '../../../../../src/domain/rules/alerts/index.ts';
import { emptyCaseFile as caseFileOf } from '../../../../../src/domain/case-file/empty-case-file.ts';

export const noLaw: LawAnalysis = Object.freeze({ duties: [], flags: [] }) as LawAnalysis;

export function emptyCaseFile(overrides: Partial<CaseFile> = {}): CaseFile {
  return caseFileOf({
    organisations: [
      { id: 'la1', name: 'Worcestershire County Council', kind: 'local_authority' },
      { id: 'la2', name: 'Birmingham City Council', kind: 'local_authority' },
      { id: 'icb1', name: 'NHS Herefordshire and Worcestershire ICB', kind: 'icb' },
      { id: 'icb2', name: 'NHS Birmingham and Solihull ICB', kind: 'icb' },
    ],
    staff: [{ id: 'sw1', name: 'Sam Worker', organisationId: 'la1', role: 'social_worker' }],
    person: { id: 'p1', givenName: 'Alex', familyName: 'Brown' },
    ...overrides,
  });
}

/** A section 3 detention `de1` that ended (and the person left hospital) the day `dutyStart` begins. */
export function detention(overrides: Partial<Detention> = {}): Detention {
  return { id: 'de1', section: '3', start: '2023-10-01', end: '2024-01-08', ...overrides };
}

/** Duty `du1` on the register, from 8 January 2024, Worcestershire and its ICB. */
export function duty(overrides: Partial<Duty> = {}): Duty {
  return {
    id: 'du1',
    detentionId: 'de1',
    start: '2024-01-08',
    localAuthorityId: 'la1',
    healthBodyId: 'icb1',
    ...overrides,
  };
}

/** A case file with the detention and duty `du1` registered, plus whatever the test adds. */
export function caseWithDuty(overrides: Partial<CaseFile> = {}, dutyOverrides: Partial<Duty> = {}): CaseFile {
  return emptyCaseFile({ detentions: [detention()], duties: [duty(dutyOverrides)], ...overrides });
}

export function lawDuty(overrides: Partial<LawDuty> = {}): LawDuty {
  return {
    detentionId: 'de1',
    start: '2024-01-08',
    localAuthority: { organisationId: 'la1', ruleIds: ['LA-01'], reasons: [] },
    healthBody: { organisationId: 'icb1', ruleIds: ['ICB-03'], reasons: [] },
    flags: [],
    ...overrides,
  };
}

export function lawOf(...duties: LawDuty[]): LawAnalysis {
  return { duties, flags: [] };
}

export interface RunOptions {
  law?: LawAnalysis;
  config?: RulesConfig;
}

export function alertsOn(file: CaseFile, asOf: CivilDate, id: string, options: RunOptions = {}): Alert[] {
  return computeAlerts(file, asOf, options.law ?? noLaw, options.config ?? defaultRulesConfig).filter(
    (alert) => alert.id === id,
  );
}

/**
 * Asserts the alert `id` is raised on `threshold` (and not on the day before) about `subjectId`, with `since`, and
 * returns the alert so the test can look at its message.
 */
export function assertRaisedFrom(
  file: CaseFile,
  id: string,
  threshold: CivilDate,
  expected: { since: CivilDate; subjectId: string; subjectKind?: string },
  options: RunOptions = {},
): Alert {
  assert.deepEqual(
    alertsOn(file, addDays(threshold, -1), id, options),
    [],
    `${id} should not be raised on ${addDays(threshold, -1)}`,
  );
  const raised = alertsOn(file, threshold, id, options);
  assert.equal(
    raised.length,
    1,
    `${id} should be raised once on ${threshold}, got ${JSON.stringify(raised)}`,
  );
  const alert = raised[0] as Alert;
  assert.equal(alert.since, expected.since);
  assert.equal(alert.subject.id, expected.subjectId);
  if (expected.subjectKind) assert.equal(alert.subject.kind, expected.subjectKind);
  assert.ok(alert.message.length > 20, 'the message says what is wrong');
  return alert;
}

export function assertNotRaised(file: CaseFile, id: string, asOf: CivilDate, options: RunOptions = {}): void {
  assert.deepEqual(alertsOn(file, asOf, id, options), [], `${id} should not be raised on ${asOf}`);
}
