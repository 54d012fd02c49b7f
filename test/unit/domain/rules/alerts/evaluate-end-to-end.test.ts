/**
 * A few alerts through `evaluate` end to end: the as-of view (records dated later are ignored), the law engine
 * (the responsible bodies the mismatch alerts compare with) and death (END-06).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CaseFile } from '../../../../../src/domain/case-file/schema.ts';
import { evaluate } from '../../../../../src/domain/rules/evaluate.ts';
import { caseWithDuty } from './support.ts';

const worcestershireHistory: Partial<CaseFile> = {
  residences: [
    {
      from: '2020-01-01',
      nation: 'england',
      kind: 'own_home',
      localAuthorityId: 'la1',
      healthBodyId: 'icb1',
      ordinarilyResident: 'yes',
    },
  ],
  gpRegistrations: [{ from: '2020-01-01', healthBodyId: 'icb1' }],
  allocations: [{ dutyId: 'du1', staffId: 'sw1', from: '2024-01-08' }],
  carePlans: [{ id: 'cp1', dutyId: 'du1', status: 'agreed', agreedOn: '2024-01-10', needs: [] }],
  paymentOffers: [
    {
      id: 'po1',
      dutyId: 'du1',
      kind: 'direct_payment',
      offeredOn: '2024-01-10',
      response: 'accepted',
      respondedOn: '2024-01-12',
    },
  ],
};
const ids = (file: CaseFile, asOf: string) =>
  evaluate(file, asOf).alerts.map((alert) => `${alert.id}/${alert.subject.id}`);

describe('alerts through evaluate', () => {
  test('a well-run case raises nothing', () => {
    const file = caseWithDuty({
      ...worcestershireHistory,
      communications: [
        {
          id: 'cm1',
          date: '2024-03-01',
          direction: 'outbound',
          channel: 'visit',
          with: ['person'],
          summary: 'Visit',
        },
      ],
    });
    assert.deepEqual(ids(file, '2024-04-01'), []);
  });

  test('the register naming another council than the law raises responsible-authority-mismatch', () => {
    const file = caseWithDuty(worcestershireHistory, { localAuthorityId: 'la2' });
    const alert = evaluate(file, '2024-02-01').alerts.find((a) => a.id === 'responsible-authority-mismatch');
    assert.equal(alert?.since, '2024-01-08');
    assert.equal(
      alert?.message,
      'Duty du1, from 8 January 2024, records Birmingham City Council as the responsible council, but the law gives Worcestershire County Council.',
    );
  });

  test('a letter dated after asOf does not yet put decision-not-communicated right', () => {
    const file = caseWithDuty({
      ...worcestershireHistory,
      decisions: [
        {
          id: 'd1',
          date: '2024-03-12',
          text: 'New day service',
          kind: 'plan',
          affectsPerson: true,
          dutyId: 'du1',
        },
      ],
      communications: [
        {
          id: 'cm1',
          date: '2024-03-25',
          direction: 'outbound',
          channel: 'letter',
          with: ['person'],
          aboutDecisionIds: ['d1'],
          summary: 'Letter',
        },
      ],
    });
    assert.ok(ids(file, '2024-03-24').includes('decision-not-communicated/d1'));
    assert.ok(!ids(file, '2024-03-25').includes('decision-not-communicated/d1'));
  });

  test('after the person died only complaint and ombudsman alerts remain', () => {
    const file = caseWithDuty({
      ...worcestershireHistory,
      allocations: [],
      person: { id: 'p1', givenName: 'Alex', familyName: 'Brown', dateOfDeath: '2024-06-01' },
      complaints: [
        {
          id: 'cx1',
          receivedOn: '2024-05-01',
          complainant: 'la1',
          organisationIds: ['la1'],
          procedure: 'statutory_2009',
          points: [],
        },
      ],
    });
    assert.ok(ids(file, '2024-05-31').includes('no-allocated-worker/du1'));
    assert.deepEqual(ids(file, '2024-06-01'), ['complaint-not-acknowledged/cx1']);
  });
});
