import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkResubmission, decidePanelRequest, isRepeatRejection, panelStatus, previousRejectionBanner, previousRejections,
  resubmissionChain,
} from '../../../../src/domain/coordination/panel-requests.ts';
import type { CaseFile, PanelRequest } from '../../../../src/domain/case-file/schema.ts';
import { computeAlerts } from '../../../../src/domain/rules/alerts/index.ts';
import { asOfView } from '../../../../src/domain/rules/as-of-view.ts';
import { defaultRulesConfig } from '../../../../src/domain/rules/config.ts';
import { mrBCaseFile } from './mr-b.ts';

// Reference decision: agency 1's supported accommodation, refused in December 2023 and again on 19 March 2024.
// The exact December date is not given; 2023-12-13 is assumed.
const december: PanelRequest = {
  id: 'pr1', dutyId: 'du1', submittedOn: '2023-12-01', proposal: 'Supported living with agency 1 in council K', providerId: 'agency1',
  weeklyCostPence: 250000, decision: 'rejected', decidedOn: '2023-12-13',
  reasons: 'Shared service; provider untested and rated requires improvement for well-led. Obtain more information on agency 1.',
};
const march: PanelRequest = {
  id: 'pr2', dutyId: 'du1', submittedOn: '2024-03-19', proposal: 'Supported living with agency 1 in council K', providerId: 'agency1',
  resubmissionOf: 'pr1',
};
const all = [december, march];

test('status as of a date', () => {
  const cases: [PanelRequest, string | undefined, string][] = [
    [march, undefined, 'submitted'],
    [december, undefined, 'rejected'],
    [december, '2023-12-12', 'submitted'],
    [december, '2023-12-13', 'rejected'],
    [{ ...march, decision: 'deferred', decidedOn: '2024-03-19' }, '2024-03-20', 'deferred'],
  ];
  for (const [request, asOf, status] of cases) assert.equal(panelStatus(request, asOf), status, `${request.id} ${asOf}`);
});

test('deciding: reasons required for every decision; final decisions stay final; deferred can be decided later', () => {
  const cases: [PanelRequest, string, string, string, string[] | null][] = [
    [march, 'rejected', '2024-03-19', 'Provider lacks the expertise for extremely complex needs.', null],
    [march, 'approved', '2024-03-19', '   ', ["Enter the panel's reasons for its decision."]],
    [march, 'deferred', '2024-03-18', '', [
      "Enter the panel's reasons for its decision.",
      'The decision date must be on or after the date the request was submitted (2024-03-19).',
    ]],
    [december, 'approved', '2024-01-10', 'Changed our mind', ['The panel already decided this request on 2023-12-13. Submit a new request to ask again.']],
    [{ ...march, decision: 'deferred', decidedOn: '2024-03-19', reasons: 'Need the CQC report' }, 'approved_with_conditions', '2024-04-02', 'Approved for 12 weeks, then review', null],
    [{ ...march, decision: 'deferred', decidedOn: '2024-03-26', reasons: 'Need the CQC report' }, 'approved', '2024-03-20', 'ok', [
      'The decision date must be on or after the date the panel deferred it (2024-03-26).',
    ]],
  ];
  for (const [request, decision, decidedOn, reasons, refusals] of cases) {
    const result = decidePanelRequest(request, { decision: decision as 'approved', decidedOn, reasons });
    if (refusals === null) {
      assert.ok(result.ok, `${decision} ${decidedOn}`);
      assert.equal(result.request.decision, decision);
      assert.equal(result.request.decidedOn, decidedOn);
      assert.equal(result.request.reasons, reasons.trim());
    } else {
      assert.equal(result.ok, false);
      if (!result.ok) assert.deepEqual(result.refusals, refusals);
    }
  }
});

test('resubmission checks', () => {
  const cases: [PanelRequest, PanelRequest, string[]][] = [
    [march, december, []],
    [march, { ...december, decision: undefined, decidedOn: undefined }, ['The panel has not decided the earlier request yet.']],
    [march, { ...december, decision: 'approved_with_conditions' }, ['The panel approved the earlier request, so there is nothing to resubmit.']],
    [{ ...march, dutyId: 'du2', submittedOn: '2023-12-01' }, december, [
      'A resubmission must be for the same duty as the request it follows.',
      'A resubmission must be submitted on or after the earlier decision (2023-12-13).',
    ]],
    [march, { ...december, decision: 'deferred' }, []],
  ];
  for (const [next, earlier, refusals] of cases) assert.deepEqual(checkResubmission(next, earlier), refusals);
});

test('chains, previous rejections and the repeat-rejection pattern (panel-repeat-rejection)', () => {
  const marchRejected: PanelRequest = { ...march, decision: 'rejected', decidedOn: '2024-03-19', reasons: 'Provider untested; needs extremely complex.' };
  const third: PanelRequest = { id: 'pr3', dutyId: 'du1', submittedOn: '2024-05-01', proposal: 'Agency 1 again', resubmissionOf: 'pr2' };
  const chainAll = [december, marchRejected, third];
  assert.deepEqual(resubmissionChain(third, chainAll).map((r) => r.id), ['pr2', 'pr1']);
  assert.deepEqual(previousRejections(third, chainAll).map((r) => r.id), ['pr1', 'pr2']);
  assert.deepEqual(previousRejections(third, chainAll, '2024-03-18').map((r) => r.id), ['pr1']);
  assert.deepEqual(previousRejections(december, chainAll), []);

  assert.equal(isRepeatRejection(marchRejected, chainAll), true);
  assert.equal(isRepeatRejection(marchRejected, chainAll, '2024-03-18'), false); // second refusal not yet made
  assert.equal(isRepeatRejection(december, chainAll), false);
  assert.equal(isRepeatRejection({ ...marchRejected, decision: 'approved' }, chainAll), false);

  assert.equal(
    previousRejectionBanner(march, all),
    'The panel has refused this proposal once before (on 2023-12-13: Shared service; provider untested and rated requires improvement for well-led. Obtain more information on agency 1.). Say what has changed since.',
  );
  assert.match(previousRejectionBanner(third, chainAll) ?? '', /^The panel has refused this proposal twice before \(on 2023-12-13: .*; on 2024-03-19: Provider untested/);
  assert.equal(previousRejectionBanner(december, all), null);
});

test('a broken or circular chain stops', () => {
  const a: PanelRequest = { id: 'a', dutyId: 'du1', submittedOn: '2024-01-01', proposal: 'x', resubmissionOf: 'b', decision: 'rejected', decidedOn: '2024-01-02', reasons: 'r' };
  const b: PanelRequest = { id: 'b', dutyId: 'du1', submittedOn: '2024-01-03', proposal: 'x', resubmissionOf: 'a', decision: 'rejected', decidedOn: '2024-01-04', reasons: 'r' };
  assert.deepEqual(resubmissionChain(a, [a, b]).map((r) => r.id), ['b']);
  assert.deepEqual(resubmissionChain({ ...a, resubmissionOf: 'missing' }, [a, b]), []);
});

test('isRepeatRejection agrees with panel-repeat-rejection on Mr B dates', () => {
  const marchRejected: PanelRequest = { ...march, decision: 'rejected', decidedOn: '2024-03-19', reasons: 'Provider untested.' };
  const third: PanelRequest = { id: 'pr3', dutyId: 'du1', submittedOn: '2024-05-01', proposal: 'Agency 1 again', resubmissionOf: 'pr2', decision: 'approved', decidedOn: '2024-05-02', reasons: 'Now known to council K' };
  const requests = [december, marchRejected, third];
  const file: CaseFile = { ...mrBCaseFile(), decisions: [], panelRequests: requests };
  for (const asOf of ['2023-12-13', '2024-03-18', '2024-03-19', '2024-06-01']) {
    const alerts = computeAlerts(asOfView(file, asOf), asOf, { duties: [], flags: [] }, defaultRulesConfig);
    for (const request of requests.filter((r) => r.submittedOn <= asOf)) {
      const raised = alerts.some((a) => a.id === 'panel-repeat-rejection' && a.subject.id === request.id);
      assert.equal(isRepeatRejection(request, requests, asOf), raised, `${request.id} on ${asOf}`);
    }
  }
});
