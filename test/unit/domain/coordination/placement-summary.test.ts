import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placementSummary } from '../../../../src/domain/coordination/placement-summary.ts';
import type { CaseFile, PlacementSearch, Residence } from '../../../../src/domain/case-file/schema.ts';
import { computeAlerts } from '../../../../src/domain/rules/alerts/index.ts';
import { asOfView } from '../../../../src/domain/rules/as-of-view.ts';
import { defaultRulesConfig } from '../../../../src/domain/rules/config.ts';
import { mrBCaseFile } from './mr-b.ts';

// Mr B's search for somewhere to live (reference decision), dates assumed within the months it gives.
const searches: PlacementSearch[] = [
  { id: 's1', dutyId: 'du1', providerId: 'prov2', approachedOn: '2023-10-02', outcome: 'no_vacancy', outcomeOn: '2023-11-15' },
  { id: 's2', dutyId: 'du1', providerId: 'prov3', approachedOn: '2023-10-02', outcome: 'declined_by_provider', outcomeOn: '2023-11-25', reason: 'Needs too complex' },
  { id: 's3', dutyId: 'du1', providerId: 'agency1', approachedOn: '2023-10-10', outcome: 'offered', outcomeOn: '2023-11-20' },
  { id: 's4', dutyId: 'du1', providerId: 'hotel2', approachedOn: '2024-05-03', outcome: 'declined_by_provider', outcomeOn: '2024-05-07', reason: 'Previous incident' },
  { id: 's5', dutyId: 'du1', providerId: 'agency3', approachedOn: '2024-04-10', outcome: 'declined_by_provider', outcomeOn: '2024-05-10', reason: 'Needs secondary mental health input first' },
  { id: 's6', dutyId: 'du1', providerId: 'prov4', approachedOn: '2024-05-01', outcome: 'declined_by_provider', outcomeOn: '2024-05-20' },
  { id: 's7', dutyId: 'du1', providerId: 'charity2', approachedOn: '2024-06-15', outcome: 'waiting_list', outcomeOn: '2024-09-20', reason: 'Provisional place; next vacancy' },
  { id: 's8', dutyId: 'du1', providerId: 'hmo', approachedOn: '2024-06-20', outcome: 'declined_by_person', outcomeOn: '2024-06-24' },
  { id: 'x1', dutyId: 'du2', approachedOn: '2024-05-01', outcome: 'no_vacancy', outcomeOn: '2024-05-02' },
];
const residences: Residence[] = [
  { from: '2024-03-28', to: '2024-05-04', nation: 'england', kind: 'hotel' },
  { from: '2024-05-04', to: '2024-10-15', nation: 'england', kind: 'rough_sleeping' },
  { from: '2024-10-15', to: '2025-03-01', nation: 'england', kind: 'temporary' },
  { from: '2025-03-01', nation: 'england', kind: 'supported_living' },
];
const accepted: PlacementSearch = { ...(searches[6] as PlacementSearch), id: 's9', approachedOn: '2025-02-01', outcome: 'accepted', outcomeOn: '2025-03-01' };

test('counts per duty as of a date', () => {
  const cases: [string, Record<string, number | string | null | boolean>][] = [
    ['2023-11-16', { approached: 3, awaitingReply: 2, noVacancy: 1, refusedByProvider: 1, accommodation: null, settled: false }],
    ['2024-05-20', { approached: 6, offered: 1, declinedByProvider: 4, noVacancy: 1, refusedByProvider: 5, awaitingReply: 0, accommodation: 'rough_sleeping' }],
    ['2024-09-19', { approached: 8, waitingList: 0, awaitingReply: 1, declinedByPerson: 1 }], // charity 2 has not answered yet
    ['2024-09-20', { approached: 8, waitingList: 1, awaitingReply: 0, declinedByPerson: 1 }],
  ];
  for (const [day, expected] of cases) {
    const summary = placementSummary('du1', searches, residences, day) as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) assert.equal(summary[key], value, `${key} on ${day}`);
  }
  assert.equal(placementSummary('du2', searches, residences, '2024-06-01').approached, 1);
});

test('the refusals pattern: three refusals within 90 days, nothing accepted, not settled', () => {
  const cases: [PlacementSearch[], string, boolean, string | null, string[]][] = [
    [searches, '2024-05-19', false, null, []], // only two of the May refusals so far; November ones too far back
    [searches, '2024-05-20', true, '2024-05-20', ['s4', 's5', 's6']],
    [searches, '2024-12-01', true, '2024-05-20', ['s4', 's5', 's6']], // temporary accommodation is not settled
    [[...searches, accepted], '2025-03-01', false, '2024-05-20', ['s4', 's5', 's6']],
    [[...searches, { ...accepted, outcome: 'offered' }], '2025-03-01', false, '2024-05-20', ['s4', 's5', 's6']], // settled now
  ];
  for (const [list, day, met, since, ids] of cases) {
    const { refusals } = placementSummary('du1', list, residences, day);
    assert.equal(refusals.met, met, day);
    assert.equal(refusals.since, since, day);
    assert.deepEqual(refusals.refusalIds, ids, day);
  }
  assert.equal(
    placementSummary('du1', searches, residences, '2024-05-20').refusals.reason,
    '3 providers turned the person down within 90 days (by 2024-05-20), nothing has been accepted and the person has no settled accommodation.',
  );
  assert.match(placementSummary('du1', [...searches, accepted], residences, '2025-03-01').refusals.reason, /a placement has been accepted/);
});

test('agrees with placement-refusals-unresolved on Mr B dates', () => {
  const file: CaseFile = {
    ...mrBCaseFile(),
    placementSearches: [...searches.filter((s) => s.dutyId === 'du1'), accepted],
    residences,
  };
  for (const day of ['2023-12-01', '2024-05-19', '2024-05-20', '2024-10-20', '2025-02-28', '2025-03-01']) {
    const raised = computeAlerts(asOfView(file, day), day, { duties: [], flags: [] }, defaultRulesConfig)
      .filter((a) => a.id === 'placement-refusals-unresolved');
    const summary = placementSummary('du1', file.placementSearches, residences, day);
    assert.equal(summary.refusals.met, raised.length === 1, day);
    if (summary.refusals.met) assert.equal(raised[0]?.since, summary.refusals.since);
  }
});
