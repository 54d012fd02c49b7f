/**
 * The worked cases of s117-rules.md §7 (TC-01 … TC-20): each case file in test/fixtures/law is valid
 * against the contract, and the law engine gives the expected duties, bodies, flags and key rules.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { caseFileSchema, type CaseFile } from '../../../../../src/domain/case-file/schema.ts';
import { defaultRulesConfig, type RulesConfig } from '../../../../../src/domain/rules/config.ts';
import { analyseLaw } from '../../../../../src/domain/rules/law/analyse.ts';
import { FLAG_CODES } from '../../../../../src/domain/rules/law/flags.ts';

interface ExpectedDuty {
  detentionId: string;
  start: string;
  end?: string;
  endReason?: string;
  localAuthority: string | null;
  healthBody: string | null;
  flags: string[];
  localAuthorityRuleIds: string[];
  healthBodyRuleIds: string[];
}
interface ExpectedCase {
  case: string;
  file: string;
  asOf: string;
  config?: Partial<RulesConfig>;
  entitled: boolean;
  flags: string[];
  duties: ExpectedDuty[];
}

const fixtures = new URL('../../../../fixtures/law/', import.meta.url);
const expected = (JSON.parse(readFileSync(new URL('expected.json', fixtures), 'utf8')) as { cases: ExpectedCase[] }).cases;

function load(file: string): CaseFile {
  const parsed = caseFileSchema.safeParse(JSON.parse(readFileSync(new URL(file, fixtures), 'utf8')));
  assert.ok(parsed.success, `${file} is not a valid case file: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

describe('worked cases of §7', () => {
  for (const row of expected) {
    it(`${row.case} as of ${row.asOf}`, () => {
      const caseFile = load(row.file);
      const analysis = analyseLaw(caseFile, row.asOf, { ...defaultRulesConfig, ...row.config });
      const names = new Map(caseFile.organisations.map((organisation) => [organisation.id, organisation.name]));

      assert.equal(analysis.duties.some((duty) => duty.start <= row.asOf), row.entitled, 'entitled');
      assert.deepEqual(analysis.flags, row.flags, 'flags not tied to a duty');
      assert.deepEqual(
        analysis.duties.map((duty) => [duty.detentionId, duty.start, duty.end, duty.endReason]),
        row.duties.map((duty) => [duty.detentionId, duty.start, duty.end, duty.endReason]),
        'duties: detention, start, end, end reason',
      );
      row.duties.forEach((want, index) => {
        const duty = analysis.duties[index]!;
        assert.equal(duty.localAuthority.organisationId, want.localAuthority, `duty ${index}: council`);
        assert.equal(duty.healthBody.organisationId, want.healthBody, `duty ${index}: health body`);
        assert.deepEqual(duty.flags, want.flags, `duty ${index}: flags`);
        for (const ruleId of want.localAuthorityRuleIds) assert.ok(duty.localAuthority.ruleIds.includes(ruleId), `duty ${index}: council rule ${ruleId} in ${duty.localAuthority.ruleIds.join(' ')}`);
        for (const ruleId of want.healthBodyRuleIds) assert.ok(duty.healthBody.ruleIds.includes(ruleId), `duty ${index}: health body rule ${ruleId} in ${duty.healthBody.ruleIds.join(' ')}`);
        for (const body of [duty.localAuthority, duty.healthBody]) {
          assert.deepEqual(body.ruleIds, [...new Set(body.ruleIds)].sort(), 'rule ids sorted and deduplicated');
          if (body.organisationId !== null) {
            const name = names.get(body.organisationId)!;
            assert.ok(body.reasons.some((reason) => reason.includes(name)), `a reason names ${name}`);
          }
        }
      });
    });
  }

  it('raises only flags whose code is in the table, prefixed by a rule id', () => {
    for (const row of expected) {
      const analysis = analyseLaw(load(row.file), row.asOf, { ...defaultRulesConfig, ...row.config });
      for (const raised of [...analysis.flags, ...analysis.duties.flatMap((duty) => duty.flags)]) {
        const [ruleId, code] = raised.split(':');
        assert.match(ruleId!, /^(ELIG|END|LA|ICB)-\d\d[A-Z]?$/, raised);
        assert.ok(code! in FLAG_CODES, `${raised}: code in FLAG_CODES`);
      }
    }
  });
});
