import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Complaint } from '../../../../src/domain/case-file/schema.ts';
import { complaintView, ombudsmanCaseViews, type PersonComplaints } from '../../../../src/modules/complaints/reads.ts';
import { complaintFromRow, complaintToRow, giveExt, pointToRow, takeExt } from '../../../../src/modules/complaints/mapping.ts';
import { complaintsSubNavigation } from '../../../../src/modules/complaints/page-routes.ts';
import { complaintCards, ombudsmanCards } from '../../../../src/modules/complaints/view-shaping/case-cards.ts';
import { clockGroups } from '../../../../src/modules/complaints/view-shaping/compliance.ts';
import { checkboxValues, complaintForm, fieldFor, remedyForm } from '../../../../src/modules/complaints/view-shaping/form-inputs.ts';
import { penceFromText, pounds } from '../../../../src/modules/complaints/view-shaping/labels.ts';
import { refNamer } from '../../../../src/modules/complaints/view-shaping/names.ts';

const complaint: Complaint = {
  id: 'c1', receivedOn: '2026-02-02', complainant: 'ct1', organisationIds: ['la', 'icb'], leadOrganisationId: 'la', procedure: 'statutory_2009',
  points: [{ id: 'p1', text: 'No reply', answered: true, ext: { answer: 'We replied.' } }, { id: 'p2', text: 'No transfer', answered: false }],
};
const names = { organisation: (id: string) => ({ la: 'Northshire County Council', icb: 'NHS Northshire ICB' })[id] ?? id, ref: (ref: string) => (ref === 'ct1' ? 'Sam (representative)' : ref) };

function view(asOf: string): PersonComplaints {
  return {
    asOf,
    complaints: [complaintView({ record: complaint, version: 3, versions: { p1: 2, p2: 1 } }, asOf)],
    ombudsmanCases: ombudsmanCaseViews(
      [
        { record: { id: 'o1', body: 'LGSCO', reference: '20 000 001', finalDecisionOn: '2024-01-31', findings: ['fault'], remedies: [{ id: 'r0', text: 'Apologise', kind: 'apology', completedOn: '2024-03-10' }] }, version: 1, versions: {} },
        { record: { id: 'o2', body: 'joint', reference: '26 000 002', findings: [], remedies: [{ id: 'r1', text: 'Audit others', kind: 'service_improvement' }], ext: { enquiryOn: '2026-01-10' } }, version: 1, versions: { r1: 4 } },
      ],
      asOf,
    ),
  };
}

test('complaint cards: the clock tag, points answered or not, and step buttons only for those who manage complaints', () => {
  const [managed] = complaintCards('person-1', view('2026-02-06'), names, true);
  assert.ok(managed);
  assert.deepEqual(managed.tag, { text: 'Acknowledgement overdue', classes: 'govuk-tag--red' });
  assert.deepEqual(managed.points.map((p) => [p.tag.text, p.answer]), [['Answered', 'We replied.'], ['Not answered', null]]);
  assert.deepEqual(managed.steps.map((s) => s.href), ['/people/person-1/complaints/c1/acknowledge', '/people/person-1/complaints/c1/agree-response-date', '/people/person-1/complaints/c1/withdraw']);
  assert.ok(managed.rows.some((r) => r.key.text === 'Lead body' && r.value.text === 'Northshire County Council'));
  assert.ok(managed.rows.some((r) => r.key.text === 'Complainant' && r.value.text === 'Sam (representative)'));
  assert.equal(managed.rows.some((r) => r.key.text === 'Six-month letter'), false);
  const [late] = complaintCards('person-1', view('2026-08-03'), names, true);
  assert.match(late?.rows.find((r) => r.key.text === 'Six-month letter')?.value.text ?? '', /no response by 2 August 2026/);
  const [readOnly] = complaintCards('person-1', view('2026-02-06'), names, false);
  assert.deepEqual(readOnly?.steps, []);
  assert.equal(readOnly?.addPointHref, null);
  assert.equal(readOnly?.points[0]?.href, null);
});

test('Ombudsman cards: remedies with due date and state, and the earlier case with how late each action was', () => {
  const cards = ombudsmanCards('person-1', view('2026-03-01'), names, true);
  const repeat = cards.find((c) => c.id === 'o2');
  assert.equal(repeat?.title, 'LGSCO and PHSO 26 000 002');
  assert.equal(repeat?.remedies[0]?.due, 'No final decision yet');
  assert.equal(repeat?.remedies[0]?.reviewHref, '/people/person-1/ombudsman-cases/o2/remedies/r1/review');
  assert.deepEqual(repeat?.earlier, [{ reference: '20 000 001', text: 'Apologise', due: '29 February 2024', done: '10 March 2024', lateness: '10 days late' }]);
  assert.deepEqual(cards.find((c) => c.id === 'o1')?.earlier, []);
});

test('complaints by clock state: late first, empty states left out', () => {
  const rows = [
    { personId: 'a', personName: 'A', complaintId: '1', receivedOn: '2026-01-01', procedure: 'other' as const, clock: complaintView({ record: { ...complaint, procedure: 'other' }, version: 1, versions: {} }, '2026-09-01').clock },
    { personId: 'b', personName: 'B', complaintId: '2', receivedOn: '2026-02-02', procedure: 'statutory_2009' as const, clock: complaintView({ record: complaint, version: 1, versions: {} }, '2026-02-03').clock },
  ];
  assert.deepEqual(clockGroups(rows).map((g) => [g.state, g.count]), [['response_overdue', 1], ['awaiting_acknowledgement', 1]]);
});

test('form inputs: checkboxes, points one per line, money in pounds, schema paths to form fields', () => {
  assert.deepEqual(checkboxValues({ a: 'x' }, 'a'), ['x']);
  assert.deepEqual(checkboxValues({ a: ['x', ' ', 'y'] }, 'a'), ['x', 'y']);
  const input = complaintForm.toInput({ 'receivedOn-day': '2', 'receivedOn-month': '2', 'receivedOn-year': '2026', procedure: 'statutory_2009', corporateStage: '2', points: 'One\r\n\r\nTwo ' });
  assert.equal(input.receivedOn, '2026-02-02');
  assert.equal(input.corporateStage, undefined);
  assert.deepEqual(input.points, ['One', 'Two']);
  assert.equal(remedyForm.toInput({ amount: '£1,250.5' }).amountPence, 125050);
  assert.ok(Number.isNaN(penceFromText('lots')));
  assert.equal(pounds(125050), '£1,250.50');
  assert.equal(fieldFor('amountPence'), 'amount');
  assert.equal(fieldFor('organisationIds[1]'), 'organisationIds');
});

test('names and the sub-navigation', () => {
  const namer = refNamer({ person: { id: 'p', givenName: 'Ada', familyName: 'Lovelace', createdByOrganisationId: null, version: 1 }, contacts: [{ id: 'ct1', name: 'Sam', role: 'nearest_relative', actsForPerson: true, version: 1 }], organisations: [{ id: 'la', name: 'Council', kind: 'local_authority' }], staff: [] });
  assert.equal(namer.ref('person'), 'Ada Lovelace (the person)');
  assert.equal(namer.ref('ct1'), 'Sam (nearest relative)');
  assert.equal(namer.ref('la'), 'Council');
  assert.equal(namer.ref('unknown'), 'unknown');
  const alone = complaintsSubNavigation('p');
  assert.deepEqual(alone.at(-1), { text: 'Complaints', href: '/people/p/complaints', active: true });
  const listed = complaintsSubNavigation('p', [{ key: 'complaints', text: 'Complaints', href: (id) => `/people/${id}/complaints` }]);
  assert.equal(listed.filter((i) => i.text === 'Complaints').length, 1);
  assert.equal(listed.find((i) => i.text === 'Complaints')?.active, true);
});

test('mapping: the product fields travel in ext and come back as they were', () => {
  assert.deepEqual(takeExt({ answer: 'x', other: 1 }, ['answer']), { taken: { answer: 'x' }, rest: { other: 1 } });
  assert.equal(giveExt(null, { answer: null }), undefined);
  const withStage = { ...complaint, ext: { corporateStage: 2, keep: true } };
  const row = { ...complaintToRow('p', withStage), version: 1, createdAt: new Date(), updatedAt: new Date() } as Parameters<typeof complaintFromRow>[0];
  const points = withStage.points.map((p, i) => ({ ...pointToRow('p', 'c1', i, p), version: 1, createdAt: new Date(), updatedAt: new Date() })) as Parameters<typeof complaintFromRow>[1];
  assert.equal(row.corporateStage, 2);
  assert.deepEqual(complaintFromRow(row, points.reverse()), withStage);
});
