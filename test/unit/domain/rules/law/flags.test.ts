import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FLAG_CODES, flag } from '../../../../../src/domain/rules/law/flags.ts';

describe('flag codes', () => {
  it('writes a flag as RULE-ID:CODE', () => {
    assert.equal(flag('LA-10', 'PRISON_OR'), 'LA-10:PRISON_OR');
  });

  it('has a meaning for every code of the §7 summary table', () => {
    const table = ['S117_3C', 'ICB_NFA', 'CARE_ACT_DEEMING_DIVERGENCE', 'PRISON_OR', 'RECALL_CONTESTED', 'CUSTODY_GAP', 'CROSS_BORDER', 'ICB_WALES', 'S17_TRIGGER', 'LEGACY', 'INFERRED', 'PRE2015', 'MHA2025_DEEMING'];
    for (const code of table) assert.ok((FLAG_CODES as Record<string, string>)[code]?.length, code);
    for (const meaning of Object.values(FLAG_CODES)) assert.match(meaning, /\.$/);
  });
});
