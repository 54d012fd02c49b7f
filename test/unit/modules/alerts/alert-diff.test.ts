import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { acknowledgedOn, diffAlerts } from '../../../../src/modules/alerts/alert-diff.ts';
import { alertsCsv, csvCell } from '../../../../src/modules/alerts/alerts-csv.ts';
import type { Alert } from '../../../../src/domain/rules/evaluation.ts';

const alert = (id: string, subjectId: string, since = '2026-01-01', message = 'm'): Alert => ({ id, severity: 'high', since, subject: { kind: 'duty', id: subjectId }, message });
const row = (id: string, ruleId: string, subjectId: string, since = '2026-01-01', message = 'm') => ({ id, ruleId, subjectKind: 'duty', subjectId, severity: 'high', since, message });

describe('diffAlerts', () => {
  it('raises new alerts, clears those gone and updates those reworded', () => {
    const diff = diffAlerts([row('r1', 'a', 'du1'), row('r2', 'b', 'du1'), row('r3', 'c', 'du1')], [alert('a', 'du1'), alert('b', 'du1', '2026-02-01'), alert('d', 'du2')]);
    assert.deepEqual(diff.raise.map((a) => a.id), ['d']);
    assert.deepEqual(diff.clear.map((r) => r.id), ['r3']);
    assert.deepEqual(diff.update.map((u) => u.row.id), ['r2']);
  });
  it('changes nothing when the evaluation equals what is stored', () => {
    const diff = diffAlerts([row('r1', 'a', 'du1')], [alert('a', 'du1')]);
    assert.deepEqual(diff, { raise: [], clear: [], update: [] });
  });
  it('tells one subject from another under the same rule', () => {
    const diff = diffAlerts([row('r1', 'a', 'du1')], [alert('a', 'du2')]);
    assert.equal(diff.raise.length, 1);
    assert.equal(diff.clear.length, 1);
  });
});

describe('acknowledgedOn', () => {
  const acks = [{ acknowledgedOn: '2026-03-01', lookAgainOn: '2026-04-01' }];
  it('hides from the acknowledgement until the day before the look-again date', () => {
    assert.equal(acknowledgedOn(acks, '2026-02-28'), false);
    assert.equal(acknowledgedOn(acks, '2026-03-01'), true);
    assert.equal(acknowledgedOn(acks, '2026-03-31'), true);
    assert.equal(acknowledgedOn(acks, '2026-04-01'), false);
  });
});

describe('alerts CSV', () => {
  it('escapes cells a spreadsheet would run as formulas, and quotes commas and quotes', () => {
    assert.equal(csvCell('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('@x'), "'@x");
    assert.equal(csvCell('a, "b"'), '"a, ""b"""');
    assert.equal(csvCell(undefined), '');
  });
  it('writes a header and one row per alert', () => {
    const text = alertsCsv([{ personId: 'p1', id: 'no-aftercare-plan', severity: 'high', since: '2026-01-01', subject: { kind: 'duty', id: 'du1' }, message: 'No plan, since 1 January', acknowledged: false }]);
    assert.equal(text, 'personId,id,severity,since,subjectKind,subjectId,message,acknowledged\r\np1,no-aftercare-plan,high,2026-01-01,duty,du1,"No plan, since 1 January",false\r\n');
  });
});
