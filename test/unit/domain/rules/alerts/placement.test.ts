import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PanelRequest, PlacementSearch } from '../../../../../src/domain/case-file/schema.ts';
import { alertsOn, assertNotRaised, assertRaisedFrom, caseWithDuty } from './support.ts';

const request = (overrides: Partial<PanelRequest> = {}): PanelRequest => ({
  id: 'pr1',
  dutyId: 'du1',
  submittedOn: '2024-02-01',
  proposal: 'Supported living at Elm House',
  decision: 'rejected',
  decidedOn: '2024-02-10',
  reasons: 'Cost',
  ...overrides,
});

describe('panel-rejection-no-alternative', () => {
  test('raised 28 days after the rejection, from its decidedOn', () => {
    assertRaisedFrom(
      caseWithDuty({ panelRequests: [request()] }),
      'panel-rejection-no-alternative',
      '2024-03-09',
      { since: '2024-02-10', subjectId: 'pr1', subjectKind: 'panelRequest' },
    );
  });

  test('a new request, however late, puts it right', () => {
    const file = caseWithDuty({
      panelRequests: [
        request(),
        request({
          id: 'pr2',
          submittedOn: '2024-03-20',
          decision: undefined,
          decidedOn: undefined,
          reasons: undefined,
        }),
      ],
    });
    assert.equal(alertsOn(file, '2024-03-19', 'panel-rejection-no-alternative').length, 1);
    assertNotRaised(file, 'panel-rejection-no-alternative', '2024-03-20');
  });

  test('an accepted placement puts it right', () => {
    const accepted: PlacementSearch = {
      id: 'ps1',
      dutyId: 'du1',
      approachedOn: '2024-03-01',
      outcome: 'accepted',
      outcomeOn: '2024-03-15',
    };
    assertNotRaised(
      caseWithDuty({ panelRequests: [request()], placementSearches: [accepted] }),
      'panel-rejection-no-alternative',
      '2024-03-15',
    );
  });
});

describe('panel-repeat-rejection', () => {
  test('a resubmission rejected again: raised from the second rejection, about it', () => {
    const file = caseWithDuty({
      panelRequests: [
        request(),
        request({ id: 'pr2', submittedOn: '2024-02-20', decidedOn: '2024-03-01', resubmissionOf: 'pr1' }),
      ],
    });
    assertRaisedFrom(file, 'panel-repeat-rejection', '2024-03-01', { since: '2024-03-01', subjectId: 'pr2' });
  });

  test('through a chain: rejected, deferred, rejected', () => {
    const file = caseWithDuty({
      panelRequests: [
        request(),
        request({
          id: 'pr2',
          submittedOn: '2024-02-20',
          decision: 'deferred',
          decidedOn: '2024-02-25',
          resubmissionOf: 'pr1',
        }),
        request({ id: 'pr3', submittedOn: '2024-03-01', decidedOn: '2024-03-08', resubmissionOf: 'pr2' }),
      ],
    });
    assertRaisedFrom(file, 'panel-repeat-rejection', '2024-03-08', { since: '2024-03-08', subjectId: 'pr3' });
  });

  test('not raised when the earlier request was approved', () => {
    const file = caseWithDuty({
      panelRequests: [
        request({ decision: 'approved' }),
        request({ id: 'pr2', submittedOn: '2024-02-20', decidedOn: '2024-03-01', resubmissionOf: 'pr1' }),
      ],
    });
    assertNotRaised(file, 'panel-repeat-rejection', '2024-03-05');
  });
});

describe('panel-decision-without-reasons', () => {
  test('a decision with blank reasons: raised from decidedOn', () => {
    assertRaisedFrom(
      caseWithDuty({ panelRequests: [request({ decision: 'approved', reasons: '  ' })] }),
      'panel-decision-without-reasons',
      '2024-02-10',
      { since: '2024-02-10', subjectId: 'pr1' },
    );
  });

  test('reasons put it right; a request not yet decided is not raised', () => {
    assertNotRaised(
      caseWithDuty({ panelRequests: [request()] }),
      'panel-decision-without-reasons',
      '2024-02-10',
    );
    assertNotRaised(
      caseWithDuty({
        panelRequests: [request({ decision: undefined, decidedOn: undefined, reasons: undefined })],
      }),
      'panel-decision-without-reasons',
      '2024-02-10',
    );
  });
});

describe('placement-refusals-unresolved', () => {
  const search = (
    id: string,
    outcomeOn: string,
    outcome: PlacementSearch['outcome'] = 'no_vacancy',
  ): PlacementSearch => ({ id, dutyId: 'du1', approachedOn: '2024-01-15', outcome, outcomeOn });
  const refusals = [
    search('ps1', '2024-02-01'),
    search('ps2', '2024-03-01', 'declined_by_provider'),
    search('ps3', '2024-04-30'),
  ];

  test('three refusals within 90 days, nothing accepted, no settled home: raised from the third', () => {
    const alert = assertRaisedFrom(
      caseWithDuty({ placementSearches: refusals }),
      'placement-refusals-unresolved',
      '2024-04-30',
      { since: '2024-04-30', subjectId: 'du1', subjectKind: 'duty' },
    );
    assert.match(alert.message, /30 April 2024/);
  });

  test('refusals spread over more than 90 days are not raised', () => {
    const spread = [search('ps1', '2024-02-01'), search('ps2', '2024-03-01'), search('ps3', '2024-05-02')];
    assertNotRaised(
      caseWithDuty({ placementSearches: spread }),
      'placement-refusals-unresolved',
      '2024-05-10',
    );
  });

  test('an accepted placement or a settled home puts it right', () => {
    assertNotRaised(
      caseWithDuty({ placementSearches: [...refusals, search('ps4', '2024-05-10', 'accepted')] }),
      'placement-refusals-unresolved',
      '2024-05-10',
    );
    const housed = caseWithDuty({
      placementSearches: refusals,
      residences: [{ from: '2024-05-01', nation: 'england', kind: 'own_home' }],
    });
    assert.equal(alertsOn(housed, '2024-04-30', 'placement-refusals-unresolved').length, 1);
    assertNotRaised(housed, 'placement-refusals-unresolved', '2024-05-01');
  });
});
