import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alertRows, subjectKindText } from '../../../../src/modules/alerts/view-shaping.ts';

describe('alert subjects in words', () => {
  it('reads every kind the engine names as words, and an unknown camelCase kind too', () => {
    assert.equal(subjectKindText('panelRequest'), 'panel request');
    assert.equal(subjectKindText('carePlan'), 'aftercare plan');
    assert.equal(subjectKindText('paymentOffer'), 'payment offer');
    assert.equal(subjectKindText('communicationPlan'), 'communication plan');
    assert.equal(subjectKindText('duty'), 'duty');
    assert.equal(subjectKindText('someNewThing'), 'some new thing');
  });
  it('keeps the stored kind for forms and gives pages the words', () => {
    const [row] = alertRows([{ personId: 'p', id: 'panel-decision-without-reasons', severity: 'medium', since: '2024-01-01', subject: { kind: 'panelRequest', id: 'pr-1' }, message: 'm', acknowledged: false }], () => '/x');
    assert.equal(row!.subjectKind, 'panelRequest');
    assert.equal(row!.subjectText, 'panel request');
  });
});
