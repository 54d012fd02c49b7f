/**
 * Properties of `evaluate` over generated case files (test/support/case-file-arbitraries.ts): the same input
 * gives byte-identical JSON; no alert starts after `asOf`; records dated after `asOf` change nothing; a file
 * that fails validation is refused before the rules run (validateCaseFile and the `aftercare evaluate` CLI).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { caseFileArbitrary, dateArbitrary, generatedCaseFile, SNAPSHOT, withRecordsAfter } from '../../../support/case-file-arbitraries.ts';
import { referenceCaseFile } from '../../../../src/demo/reference-case.ts';
import { validateCaseFile } from '../../../../src/domain/case-file/validate.ts';
import type { CaseFile } from '../../../../src/domain/case-file/schema.ts';
import { evaluate } from '../../../../src/domain/rules/evaluate.ts';

const runs = { numRuns: 100 };
const evaluationJson = (file: CaseFile, asOf: string): string => JSON.stringify(evaluate(file, asOf));

describe('evaluate: properties over generated case files', () => {
  it('generates only valid case files', () => {
    fc.assert(
      fc.property(caseFileArbitrary(), (file) => {
        const result = validateCaseFile(file);
        assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors.slice(0, 3)));
      }),
      runs,
    );
  });

  it('gives byte-identical JSON for the same input, however often and from whatever copy', () => {
    fc.assert(
      fc.property(caseFileArbitrary(), dateArbitrary('2018-01-01'), (file, asOf) => {
        const first = evaluationJson(file, asOf);
        assert.equal(evaluationJson(file, asOf), first);
        assert.equal(evaluationJson(JSON.parse(JSON.stringify(file)) as CaseFile, asOf), first);
        assert.equal(evaluationJson(structuredClone(file), asOf), first);
      }),
      runs,
    );
  });

  it('gives the same JSON whatever the order of communications, appointments and meetings', () => {
    fc.assert(
      fc.property(caseFileArbitrary(), dateArbitrary('2018-01-01'), fc.integer(), (file, asOf, salt) => {
        const shuffled = structuredClone(file);
        const key = (id: string): number => [...id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), salt | 0);
        for (const list of [shuffled.communications, shuffled.appointments, shuffled.meetings] as { id: string }[][]) list.sort((a, b) => key(a.id) - key(b.id));
        assert.equal(evaluationJson(shuffled, asOf), evaluationJson(file, asOf));
      }),
      runs,
    );
  });

  it('never dates an alert after asOf, and keeps alerts sorted by since, id and subject', () => {
    fc.assert(
      fc.property(caseFileArbitrary(), dateArbitrary('2018-01-01'), (file, asOf) => {
        const { alerts } = evaluate(file, asOf);
        for (const alert of alerts) assert.ok(alert.since <= asOf, `${alert.id} since ${alert.since} after ${asOf}`);
        const keys = alerts.map((alert) => `${alert.since}|${alert.id}|${alert.subject.id}`);
        assert.deepEqual(keys, [...keys].sort());
      }),
      runs,
    );
  });

  it('is unchanged by records dated after asOf', () => {
    fc.assert(
      fc.property(generatedCaseFile(), dateArbitrary('2018-01-01', '2026-10-31'), fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 11 }), (file, asOf, daysAfter) => {
        const later = withRecordsAfter(file, asOf, daysAfter);
        assert.ok(validateCaseFile(later).ok, 'the file with later records is still valid');
        assert.equal(evaluationJson(later, asOf), evaluationJson(file, asOf));
      }),
      runs,
    );
  });
});

/** Ways to break a valid file: each must be refused by validation, naming where. */
const mutations: readonly [string, (file: CaseFile) => void][] = [
  ['invalid NHS check digit', (file) => void (file.person.nhsNumber = '9990000000')],
  ['unknown field', (file) => void Object.assign(file.person, { favouriteColour: 'blue' })],
  ['impossible date', (file) => void ((file.residences[0] as { from: string }).from = '2023-02-30')],
  ['missing required field', (file) => void delete (file.person as { familyName?: string }).familyName],
  ['dangling staff reference', (file) => void file.communications.push({ id: 'm-com', date: '2024-01-02', direction: 'outbound', channel: 'letter', with: ['person'], staffId: 'st-nobody', summary: 'x' })],
  ['dangling organisation reference', (file) => void (file.gpRegistrations[0] ? (file.gpRegistrations[0].healthBodyId = 'org-nowhere') : file.contacts.push({ id: 'm-c', name: 'x', role: 'other', actsForPerson: false, organisationId: 'org-nowhere' }))],
  ['duplicate id', (file) => void file.contacts.push({ id: (file.detentions[0]?.id ?? file.person.id), name: 'Duplicate', role: 'other', actsForPerson: false })],
  ['period running backwards', (file) => void file.detentions.push({ id: 'm-det', section: '2', start: '2024-05-10', end: '2024-05-01' })],
];

describe('a file that fails validation never reaches the rules', () => {
  it('validateCaseFile refuses every kind of broken file, naming the path', () => {
    fc.assert(
      fc.property(generatedCaseFile(), fc.integer({ min: 0, max: mutations.length - 1 }), (file, which) => {
        const [name, mutate] = mutations[which] as (typeof mutations)[number];
        const broken = structuredClone(file);
        mutate(broken);
        const result = validateCaseFile(broken);
        assert.equal(result.ok, false, name);
        if (!result.ok) {
          assert.ok(result.errors.length > 0);
          for (const error of result.errors) assert.ok(error.path.length > 0 && error.message.length > 0, `${name}: ${JSON.stringify(error)}`);
        }
      }),
      runs,
    );
  });

  it('the aftercare evaluate command prints the evaluation of a valid file and refuses a broken one without evaluating', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftercare-evaluate-'));
    try {
      const cli = (file: string) => spawnSync(process.execPath, ['src/cli/main.ts', 'evaluate', file, '--as-of', '2024-10-15'], { encoding: 'utf8' });
      const valid = join(dir, 'valid.json');
      writeFileSync(valid, JSON.stringify(referenceCaseFile()));
      const ok = cli(valid);
      assert.equal(ok.status, 0, ok.stderr);
      assert.deepEqual(JSON.parse(ok.stdout), evaluate(referenceCaseFile(), '2024-10-15'));

      // One schema error and one cross-reference error (each run starts a process, so only two).
      for (const [name, mutate] of [mutations[0], mutations[4]] as (typeof mutations)[number][]) {
        const broken = structuredClone(referenceCaseFile());
        mutate(broken);
        const path = join(dir, 'broken.json');
        writeFileSync(path, JSON.stringify(broken));
        const refused = cli(path);
        assert.equal(refused.status, 1, `${name}: exit status`);
        assert.equal(refused.stdout, '', `${name}: nothing evaluated`);
        const lines = refused.stderr.trim().split('\n');
        assert.ok(lines.length > 0);
        for (const line of lines) assert.ok(line.startsWith(`${path}: `) && line.split(': ').length >= 3, `${name}: ${line}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

it('SNAPSHOT is the date the generated files are taken on', () => {
  assert.equal(SNAPSHOT, '2026-11-27');
});
