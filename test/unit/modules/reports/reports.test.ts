import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CaseFile } from '../../../../src/domain/case-file/schema.ts';
import { evaluate } from '../../../../src/domain/rules/evaluate.ts';
import { registerCsv, registerRowsOf } from '../../../../src/modules/reports/register-export.ts';
import { groupCounts, teamTrendChart, trendDates, trendChart } from '../../../../src/modules/reports/dashboard.ts';
import { journeyFacts, journeyPicture } from '../../../../src/modules/chronology/journey.ts';
import { msUntilDaily, sweepScheduleFrom } from '../../../../src/modules/alerts/sweep-schedule.ts';

const mrB = JSON.parse(readFileSync(new URL('../../../fixtures/alerts/mr-b.json', import.meta.url), 'utf8')) as CaseFile;

describe('register export', () => {
  it('has one row per duty with the plan review due and the services in progress', () => {
    const rows = registerRowsOf(mrB, '2024-06-01');
    assert.equal(rows.length, mrB.duties.length);
    assert.equal(rows[0]![0], mrB.person.id);
    assert.equal(registerCsv([mrB], '2024-06-01').split('\r\n').length, 1 + mrB.duties.length + 1);
  });
});

describe('dashboard shaping', () => {
  it('groups counts by severity in severity order', () => {
    const a = (id: string, severity: 'high' | 'medium' | 'low') => ({ personId: 'p', id, severity, since: '2024-01-01', subject: { kind: 'duty', id: 'd' }, message: '', acknowledged: false });
    assert.deepEqual(groupCounts([a('x', 'low'), a('y', 'high'), a('x', 'high')], 'severity'), [{ key: 'high', count: 2 }, { key: 'low', count: 1 }]);
    assert.deepEqual(groupCounts([a('x', 'low'), a('y', 'high'), a('x', 'high')], 'rule'), [{ key: 'x', count: 2 }, { key: 'y', count: 1 }]);
  });
  it('takes month ends back from today', () => {
    assert.deepEqual(trendDates('2026-03-12', 4), ['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-12']);
    const chart = trendChart([{ date: 'a', total: 2 }, { date: 'b', total: 4 }]);
    assert.equal(chart.bars[1]!.height, 160);
    assert.equal(chart.bars[0]!.height, 80);
  });
});

describe('team trend chart', () => {
  it('draws one bar per team per date, scaled to the largest count, with a legend entry per team', () => {
    const chart = teamTrendChart(['d1', 'd2'], [{ id: 't1', name: 'North' }, { id: 'none', name: 'No team' }], [{ date: 'd1', teamId: 't1', n: 4 }, { date: 'd2', teamId: 'none', n: 2 }]);
    assert.equal(chart.bars.length, 4);
    assert.deepEqual(chart.bars.map((b) => [b.date, b.team, b.n, b.height]), [['d1', 'North', 4, 160], ['d1', 'No team', 0, 0], ['d2', 'North', 0, 0], ['d2', 'No team', 2, 80]]);
    assert.deepEqual(chart.legend.map((l) => l.team), ['North', 'No team']);
    assert.notEqual(chart.legend[0]!.colour, chart.legend[1]!.colour);
  });
});

describe('journey', () => {
  it('lists every detention, residence, GP registration and duty (recorded and in law), and marks differences', () => {
    const evaluation = evaluate(mrB, '2024-06-01');
    const facts = journeyFacts(mrB, evaluation);
    assert.equal(facts.filter((f) => f.lane === 'Detentions and CTOs').length, mrB.detentions.length + mrB.ctos.length);
    assert.equal(facts.filter((f) => f.lane === 'Residence (council)').length, mrB.residences.length);
    assert.equal(facts.filter((f) => f.lane === 'GP registration (ICB)').length, mrB.gpRegistrations.length);
    assert.equal(facts.filter((f) => f.lane === 'Duties the law gives').length, evaluation.duties.length);
    const picture = journeyPicture(facts, '2024-06-01');
    assert.equal(picture.bars.length, facts.length);
    assert.ok(picture.bars.every((bar) => bar.x >= picture.labelWidth && bar.width >= 3));
  });
});

describe('sweep schedule', () => {
  it('reads SWEEP_INTERVAL_MINUTES', () => {
    assert.deepEqual(sweepScheduleFrom({}), { kind: 'daily', hour: 2, minute: 30 });
    assert.deepEqual(sweepScheduleFrom({ SWEEP_INTERVAL_MINUTES: '15' }), { kind: 'every', minutes: 15 });
    assert.deepEqual(sweepScheduleFrom({ SWEEP_INTERVAL_MINUTES: 'off' }), { kind: 'off' });
    assert.deepEqual(sweepScheduleFrom({ NODE_ENV: 'test' }), { kind: 'off' });
    assert.throws(() => sweepScheduleFrom({ SWEEP_INTERVAL_MINUTES: 'often' }));
  });
  it('waits until the next 02:30 in London', () => {
    assert.equal(msUntilDaily(new Date('2026-01-15T02:00:00Z'), 2, 30), 30 * 60_000);
    assert.equal(msUntilDaily(new Date('2026-07-15T01:00:00Z'), 2, 30), 30 * 60_000); // 02:00 BST
    assert.equal(msUntilDaily(new Date('2026-01-15T02:30:00Z'), 2, 30), 86_400_000);
  });
});
