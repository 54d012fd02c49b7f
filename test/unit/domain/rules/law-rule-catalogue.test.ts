import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lawRuleAreaTitles, lawRuleCatalogue } from '../../../../src/domain/rules/law-rule-catalogue.ts';

// The rule ids that s117-rules.md defines (CMP-08 and CMP-09 are not used there).
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(2, '0')}`);
const expected = [
  ...range('ELIG', 1, 9), ...range('END', 1, 6), ...range('LA', 1, 3), 'LA-03A', ...range('LA', 4, 13), ...range('ICB', 1, 9),
  ...range('SERV', 1, 14), ...range('PLAN', 1, 7), ...range('CMP', 1, 7), ...range('CMP', 10, 15),
];

test('the catalogue holds exactly the rule ids of the rules document, in order', () => {
  assert.deepEqual(lawRuleCatalogue.map((r) => r.id), expected);
});

test('every rule has a one-sentence meaning, a source and a known area', () => {
  for (const rule of lawRuleCatalogue) {
    assert.match(rule.meaning, /^[A-Z].*\.$/, rule.id);
    assert.equal(rule.meaning.split('. ').length, 1, `${rule.id} should be one sentence`);
    assert.ok(rule.source.length > 0, rule.id);
    assert.ok(rule.area in lawRuleAreaTitles, rule.id);
    assert.ok(rule.id.startsWith({ eligibility: 'ELIG', ending: 'END', local_authority: 'LA', health_body: 'ICB', services: 'SERV', planning: 'PLAN', complaints: 'CMP' }[rule.area]), rule.id);
  }
});

test('every rule id the rules engine cites is in the catalogue', () => {
  const known = new Set(lawRuleCatalogue.map((r) => r.id));
  const folder = fileURLToPath(new URL('../../../../src/domain/rules/', import.meta.url));
  const unknown: string[] = [];
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file === 'law-rule-catalogue.ts') continue;
    for (const [id] of readFileSync(join(folder, file), 'utf8').matchAll(/\b(?:ELIG|END|LA|ICB|SERV|PLAN|CMP)-\d+[A-Z]?\b/g)) {
      if (!known.has(id)) unknown.push(`${file}: ${id}`);
    }
  }
  assert.deepEqual(unknown, []);
});
