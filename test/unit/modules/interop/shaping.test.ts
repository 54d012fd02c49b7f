import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { escapeFormula } from '../../../../src/modules/interop/service.ts';
import { importReportRows } from '../../../../src/modules/interop/view-shaping.ts';
import { describeRow } from '../../../../src/cli/commands/import-register.ts';
import { parseCsv } from '../../../../src/domain/interop/legacy-register/csv.ts';
import { readRegisterMapping } from '../../../../src/domain/interop/legacy-register/mapping.ts';
import { planImport } from '../../../../src/domain/interop/legacy-register/plan.ts';
import type { Organisation } from '../../../../src/domain/case-file/schema.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('interop shaping', () => {
  it('escapes cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx']) assert.equal(escapeFormula(cell), `'${cell}`);
    for (const cell of ['', 'E10000034', '2024-04-15', '1250.00', 'Smith = Jo']) assert.equal(escapeFormula(cell), cell);
  });

  it('reports every row of the messy fixture by line, ready or with its reasons', () => {
    const csv = parseCsv(read('../../../fixtures/interop/messy-register.csv'));
    const mapping = readRegisterMapping(JSON.parse(read('../../../fixtures/interop/mapping.json')));
    assert.ok(csv.ok && mapping.ok);
    const organisations = (JSON.parse(read('../../../../reference-data/organisations.json')) as { organisations: Organisation[] }).organisations;
    const plan = planImport(csv.records, mapping.mapping, { organisations, today: '2026-11-27' });
    const rows = importReportRows(plan);
    assert.equal(rows.length, plan.rows.length);
    const invalidNhs = rows.find((r) => r.line === 5);
    assert.equal(invalidNhs?.status.text, 'Cannot import');
    assert.ok(invalidNhs && invalidNhs.reasons.some((r) => r.startsWith('NHS No')));
    const first = rows.find((r) => r.line === 2);
    assert.equal(first?.status.text, 'Ready');
    assert.ok(first?.creates.some((c) => c.startsWith('Person: Jo Smith')));
    assert.match(describeRow(plan.rows.find((r) => r.line === 5)!), /^line 5: cannot import — NHS No/);
    assert.match(describeRow(plan.rows.find((r) => r.line === 2)!), /^line 2: would create person Jo Smith/);
  });
});
