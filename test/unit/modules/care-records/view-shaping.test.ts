import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CareRecordsView } from '../../../../src/modules/care-records/care-reads.ts';
import { chargeRows, endingTasks, escape, needText, planCards } from '../../../../src/modules/care-records/view-shaping/care-view.ts';
import { everyError } from '../../../../src/modules/care-records/view-shaping/form-errors.ts';
import { chargeForm, listField, poundsField, proposeEndingForm, serviceForm, signOffForm } from '../../../../src/modules/care-records/view-shaping/form-inputs.ts';

test('pounds become whole pence; anything unreadable is passed on for validation to report', () => {
  assert.equal(poundsField({ weekly: '£1,250.50' }, 'weekly'), 125050);
  assert.equal(poundsField({ weekly: '90' }, 'weekly'), 9000);
  assert.equal(poundsField({ weekly: '0.07' }, 'weekly'), 7);
  assert.equal(poundsField({ weekly: '  ' }, 'weekly'), undefined);
  assert.equal(poundsField({ weekly: '12.345' }, 'weekly'), '12.345');
  assert.equal(poundsField({ weekly: 'ten' }, 'weekly'), 'ten');
});

test('checkbox values: one, several or none', () => {
  assert.deepEqual(listField({ grounds: 'disengaged' }, 'grounds'), ['disengaged']);
  assert.deepEqual(listField({ grounds: ['disengaged', 'time_elapsed', ''] }, 'grounds'), ['disengaged', 'time_elapsed']);
  assert.deepEqual(listField({}, 'grounds'), []);
});

test('form bodies become service inputs (dates, yes/no, accommodation-plus answers, money)', () => {
  assert.deepEqual(chargeForm.toInput({ serviceId: 's1', kind: 'rent', payer: 'person', 'from-day': '1', 'from-month': '7', 'from-year': '2025', weekly: '90.00' }), {
    serviceId: 's1', payer: 'person', kind: 'rent', from: '2025-07-01', to: undefined, weeklyPence: 9000,
  });
  const service = serviceForm.toInput({ dutyId: 'du1', needIds: ['n1', 'n2'], description: 'Flat', kind: 'supported_living', status: 'active', aftercare: 'yes', enhancedSpecialised: 'no' });
  assert.deepEqual(service.accommodationPlus, { enhancedSpecialised: false });
  assert.equal(service.aftercare, true);
  assert.deepEqual(service.needIds, ['n1', 'n2']);
  assert.equal(serviceForm.fieldFor?.('accommodationPlus.reducesRisk'), 'reducesRisk');
  assert.equal(serviceForm.fieldFor?.('weeklyCostPence'), 'weeklyCost');
  assert.deepEqual(proposeEndingForm.toInput({ version: '3', grounds: 'needs_no_longer_arise', personInvolved: 'no' }).grounds, ['needs_no_longer_arise']);
  assert.equal(proposeEndingForm.fieldFor?.('state'), 'grounds');
});

test('the error summary lists every reason, even several against one field, each linking to a field on the page', () => {
  const issues = [
    { path: 'date', message: 'You cannot end aftercare while the person is on a CTO.' },
    { path: 'reviewMeetingId', message: 'Hold a review first.' },
    { path: 'writtenReasonsSentOn', message: 'Record the written reasons.' },
  ];
  const { errors, fieldErrors } = everyError(issues, signOffForm.dateFields, signOffForm.fieldFor);
  assert.deepEqual(errors.map((e) => e.href), ['#date-day', '#date-day', '#date-day']);
  assert.equal(errors.length, 3);
  assert.deepEqual(Object.keys(fieldErrors), ['date']);
  assert.equal(everyError([...issues, issues[0]!]).errors.length, 3, 'the same reason twice is listed once');
});

const view = {
  person: { id: 'p1', givenName: 'Ada', familyName: 'Lovelace' },
  today: '2026-03-12',
  organisations: [{ id: 'la', name: 'Northshire County Council', kind: 'local_authority' }, { id: 'icb', name: 'NHS Northshire ICB', kind: 'icb' }],
  duties: [],
  carePlans: [
    { record: { id: 'cp1', dutyId: 'du1', status: 'agreed', agreedOn: '2026-01-15', needs: [{ id: 'n1', description: 'Housing <b>', relatedToMentalDisorder: true, category: 'accommodation' }], ext: { coordinatingFramework: 'CMHF' } }, version: 2, reviewDue: '2027-01-15' },
    { record: { id: 'cp2', dutyId: 'du1', status: 'draft', needs: [] }, version: 1, reviewDue: undefined },
  ],
  services: [{ record: { id: 's1', dutyId: 'du1', needIds: ['n1'], description: 'Flat', kind: 'supported_living', status: 'active', aftercare: true }, version: 1 }],
  charges: [
    { record: { id: 'c1', serviceId: 's1', payer: 'person', kind: 'rent', from: '2025-07-01', weeklyPence: 9000 }, version: 1, guard: { refused: true, refunded: false, reasons: [{ ruleId: 'SERV-04', reason: 'You cannot charge rent.' }] } },
    { record: { id: 'c2', payer: 'la', kind: 'other', from: '2025-07-01', refund: { date: '2025-09-01', pence: 1000, interestPence: 12 } }, version: 2, guard: { refused: false, refunded: true, reasons: [] } },
  ],
  paymentOffers: [],
} as unknown as CareRecordsView;

test('plan cards: status tags, needs escaped, the actions each state allows', () => {
  const [agreed, draft] = planCards('p1', view, 'du1', true);
  assert.equal(agreed?.title, 'Aftercare plan agreed on 15 January 2026');
  assert.equal(agreed?.tag?.text, 'Agreed');
  assert.deepEqual(agreed?.actions?.map((a) => a.text), ['Record a review', 'Record who it was sent to', 'Start a new version', 'Print']);
  assert.deepEqual(draft?.actions?.map((a) => a.text), ['Add a need', 'Agree']);
  const needs = agreed?.rows.find((r) => r.key.text === 'Needs')?.value as { html: string };
  assert.match(needs.html, /Housing &lt;b&gt; \(related to the mental disorder\)/);
  assert.deepEqual(planCards('p1', view, 'du1', false)[0]?.actions?.map((a) => a.text), ['Print']);
  assert.equal(needText({ id: 'n', description: 'Work', relatedToMentalDisorder: false }), 'Work (not related to the mental disorder)');
  assert.equal(escape(`"<&>'`), '&quot;&lt;&amp;&gt;&#39;');
});

test('charge rows: a charge the guard refuses now carries its warning until refunded', () => {
  const [rent, refunded] = chargeRows('p1', view, true);
  assert.equal(rent?.warning, 'You cannot charge rent.');
  assert.equal(rent?.service, 'Flat');
  assert.equal(rent?.weekly, '£90');
  assert.match(rent?.refundHref ?? '', /\/charges\/c1\/refund$/);
  assert.equal(refunded?.warning, undefined);
  assert.equal(refunded?.payer, 'Northshire County Council');
  assert.equal(refunded?.refund, '£10 and £0.12 interest, 1 September 2025');
  assert.equal(refunded?.refundHref, undefined);
});

test('the ending task list: links only for the steps the state allows, either body may sign first', () => {
  const duty = { id: 'du1', detentionId: 'd1', start: '2025-06-01', localAuthorityId: 'la', healthBodyId: 'icb', ending: { grounds: ['needs_no_longer_arise' as const], personInvolved: true, healthBodySignOff: { staffId: 'u', date: '2026-03-01' } } };
  const name = (id: string) => ({ la: 'Northshire County Council', icb: 'NHS Northshire ICB' })[id];
  const tasks = endingTasks('p1', duty, 'health_body_signed_off', name, true);
  assert.equal(tasks[0]?.href, undefined, 'already proposed');
  assert.match(tasks[1]?.href ?? '', /sign-off\?body=local_authority$/);
  assert.equal(tasks[2]?.href, undefined, 'the health body has signed');
  assert.equal(tasks[2]?.hint.text, 'Signed off on 1 March 2026');
  assert.equal(tasks[3]?.status.tag.text, 'Not yet');
  const open = endingTasks('p1', { ...duty, ending: undefined }, 'open', name, true);
  assert.match(open[0]?.href ?? '', /ending\/propose$/);
  assert.equal(open[1]?.href, undefined);
  assert.equal(endingTasks('p1', { ...duty, ending: undefined }, 'open', name, false)[0]?.href, undefined);
});
