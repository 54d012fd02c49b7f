import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultRulesConfig } from '../../../../../src/domain/rules/config.ts';
import { alertCatalogue, computeAlerts } from '../../../../../src/domain/rules/alerts/index.ts';
import { caseWithDuty, lawDuty, lawOf, noLaw } from './support.ts';

// The table of ../shared/domain/alert-rules.md, in its order, with severities and subjects.
const expected: [string, string, string][] = [
  ['entitlement-not-registered', 'high', 'detention'],
  ['duty-without-qualifying-detention', 'medium', 'duty'],
  ['responsible-authority-mismatch', 'high', 'duty'],
  ['responsible-health-body-mismatch', 'high', 'duty'],
  ['dispute-leaves-nobody-providing', 'high', 'dispute'],
  ['dispute-not-referred', 'medium', 'dispute'],
  ['no-allocated-worker', 'high', 'duty'],
  ['no-contact-with-person', 'medium', 'duty'],
  ['no-aftercare-plan', 'high', 'duty'],
  ['plan-review-overdue', 'medium', 'carePlan'],
  ['assessed-need-unmet', 'high', 'need'],
  ['unsettled-accommodation', 'high', 'duty'],
  ['accommodation-classification-unclear', 'medium', 'service'],
  ['aftercare-charged', 'high', 'charge'],
  ['aftercare-rent-charged', 'high', 'charge'],
  ['top-up-without-choice', 'high', 'service'],
  ['personal-budget-not-offered', 'medium', 'carePlan'],
  ['declined-offer-not-revisited', 'low', 'paymentOffer'],
  ['panel-rejection-no-alternative', 'medium', 'panelRequest'],
  ['panel-repeat-rejection', 'high', 'panelRequest'],
  ['panel-decision-without-reasons', 'medium', 'panelRequest'],
  ['placement-refusals-unresolved', 'high', 'duty'],
  ['decision-not-communicated', 'high', 'decision'],
  ['decision-not-shared-with-representative', 'high', 'decision'],
  ['communication-arrangement-stale', 'medium', 'communicationPlan'],
  ['appointment-outcome-missing', 'medium', 'appointment'],
  ['meeting-not-recorded', 'medium', 'meeting'],
  ['action-overdue', 'medium', 'action'],
  ['ended-without-joint-decision', 'high', 'duty'],
  ['ended-on-improper-grounds', 'high', 'duty'],
  ['ended-during-cto', 'high', 'duty'],
  ['ended-without-involving-person', 'medium', 'duty'],
  ['complaint-not-acknowledged', 'medium', 'complaint'],
  ['complaint-response-overdue', 'medium', 'complaint'],
  ['complaint-points-unanswered', 'medium', 'complaint'],
  ['ombudsman-remedy-overdue', 'high', 'remedy'],
  ['ombudsman-evidence-not-sent', 'medium', 'remedy'],
];

describe('alertCatalogue', () => {
  test('holds the 37 alerts of the catalogue with their severities and subjects', () => {
    assert.deepEqual(
      alertCatalogue.map((entry) => [entry.id, entry.severity, entry.subjectKind]),
      expected,
    );
  });

  test('each has a one-sentence plain-English summary', () => {
    for (const entry of alertCatalogue) {
      assert.match(entry.summary, /^[A-Z][^.]*\.$/, entry.id);
    }
  });
});

describe('computeAlerts', () => {
  test('raises one alert per alert id and subject, with the catalogue severity and subject kind', () => {
    const file = caseWithDuty({
      decisions: [
        { id: 'd1', date: '2024-03-12', text: 'Placement', kind: 'placement', affectsPerson: true },
      ],
      actions: [{ id: 'ac1', text: 'Write', ownerId: 'sw1', due: '2024-03-01' }],
    });
    const alerts = computeAlerts(file, '2024-06-01', lawOf(lawDuty()), defaultRulesConfig);
    const keys = alerts.map((alert) => `${alert.id}/${alert.subject.id}`);
    assert.equal(new Set(keys).size, keys.length);
    const bySeverity = new Map(alertCatalogue.map((entry) => [entry.id, entry]));
    for (const alert of alerts) {
      assert.equal(alert.severity, bySeverity.get(alert.id)?.severity);
      assert.equal(alert.subject.kind, bySeverity.get(alert.id)?.subjectKind);
    }
    assert.deepEqual([...new Set(alerts.map((alert) => alert.id))].sort(), [
      'action-overdue',
      'decision-not-communicated',
      'no-aftercare-plan',
      'no-allocated-worker',
      'no-contact-with-person',
    ]);
  });

  test('after the person has died only complaint and ombudsman alerts are raised (END-06)', () => {
    const file = caseWithDuty({
      person: { id: 'p1', givenName: 'Alex', familyName: 'Brown', dateOfDeath: '2024-05-01' },
      actions: [{ id: 'ac1', text: 'Write', ownerId: 'sw1', due: '2024-03-01' }],
      complaints: [
        {
          id: 'cx1',
          receivedOn: '2024-04-01',
          complainant: 'c1',
          organisationIds: ['la1'],
          procedure: 'statutory_2009',
          points: [],
        },
      ],
    });
    const before = computeAlerts(file, '2024-04-30', noLaw, defaultRulesConfig).map((alert) => alert.id);
    assert.ok(before.includes('action-overdue') && before.includes('no-aftercare-plan'));
    const after = computeAlerts(file, '2024-05-01', noLaw, defaultRulesConfig).map((alert) => alert.id);
    assert.deepEqual(after, ['complaint-not-acknowledged']);
  });

  test('uses the configured thresholds, not the defaults', () => {
    const file = caseWithDuty({ actions: [] });
    const config = {
      ...defaultRulesConfig,
      thresholds: { ...defaultRulesConfig.thresholds, noAftercarePlanDays: 14 },
    };
    const ids = (asOf: string) => computeAlerts(file, asOf, noLaw, config).map((alert) => alert.id);
    assert.ok(!ids('2024-01-22').includes('no-aftercare-plan'));
    assert.ok(ids('2024-01-23').includes('no-aftercare-plan'));
  });
});
