import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ombudsmanRoute, pointsUnansweredAfterResponse, responseLetter, unansweredPoints,
} from '../../../../src/domain/complaints/complaint-points.ts';
import type { Complaint, Organisation } from '../../../../src/domain/case-file/schema.ts';

const organisations: Organisation[] = [
  { id: 'worcs', name: 'Worcestershire County Council', kind: 'local_authority', nation: 'england' },
  { id: 'icb', name: 'Herefordshire and Worcestershire ICB', kind: 'icb', nation: 'england' },
  { id: 'trust', name: 'Herefordshire and Worcestershire Health and Care NHS Trust', kind: 'nhs_trust', nation: 'england' },
  { id: 'newport', name: 'Newport City Council', kind: 'local_authority', nation: 'wales' },
  { id: 'charity', name: 'Charity 2', kind: 'voluntary' },
];

// Mr B's complaint of August 2024 (reference decision), made through his representative.
const mrB: Complaint = {
  id: 'cmp-b', receivedOn: '2024-08-05', complainant: 'rep', organisationIds: ['worcs'], procedure: 'statutory_2009',
  points: [
    { id: 'p1', text: 'The social worker refuses to transfer my care package to council K', answered: true },
    { id: 'p2', text: 'Communication from the social worker has been poor', answered: true },
    { id: 'p3', text: 'I want a new social worker', answered: false },
  ],
  acknowledgedOn: '2024-08-07', respondedOn: '2024-10-01',
};

test('unanswered points, and only after a response on or before asOf (complaint-points-unanswered)', () => {
  assert.deepEqual(unansweredPoints(mrB).map((p) => p.id), ['p3']);
  const cases: [Complaint, string, string[]][] = [
    [mrB, '2024-10-01', ['p3']],
    [mrB, '2024-09-30', []], // the response has not happened yet on asOf
    [{ ...mrB, respondedOn: undefined }, '2025-01-01', []],
    [{ ...mrB, outcome: 'withdrawn' }, '2025-01-01', []],
    [{ ...mrB, points: mrB.points.map((p) => ({ ...p, answered: true })) }, '2025-01-01', []],
  ];
  for (const [complaint, asOf, expected] of cases) {
    assert.deepEqual(pointsUnansweredAfterResponse(complaint, asOf).map((p) => p.id), expected, asOf);
  }
});

test('the Ombudsman named in the letter follows the bodies complained about (CMP-05, CMP-12)', () => {
  const cases: [string[], string[], boolean][] = [
    [['worcs'], ['LGSCO'], false],
    [['icb'], ['PHSO'], false],
    [['icb', 'trust'], ['PHSO'], false],
    [['worcs', 'icb'], ['LGSCO', 'PHSO'], true],
    [['newport'], ['PSOW'], false],
    [['charity'], [], false],
  ];
  for (const [ids, bodies, joint] of cases) {
    const route = ombudsmanRoute({ ...mrB, organisationIds: ids }, organisations);
    assert.deepEqual(route.bodies, bodies, ids.join());
    assert.equal(route.joint, joint, ids.join());
  }
  const joint = ombudsmanRoute({ ...mrB, organisationIds: ['worcs', 'icb'] }, organisations);
  assert.deepEqual(joint.ruleIds, ['CMP-05', 'CMP-11', 'CMP-12']);
  assert.match(joint.text, /Local Government and Social Care Ombudsman and the Parliamentary and Health Service Ombudsman/);
  assert.match(joint.text, /within 12 months/);
  assert.match(ombudsmanRoute(mrB, organisations).text, /^If you are not happy with our response, you can ask the Local Government/);
});

test('response letter lists every point with its answer and says what is missing', () => {
  const letter = responseLetter(mrB, organisations, {
    answers: { p1: 'Worcestershire stays responsible for your aftercare after a move.', p2: 'We agree communication could have been better.' },
    signedBy: ' ',
  });
  assert.deepEqual(letter.points.map((p) => [p.pointId, p.answer]), [
    ['p1', 'Worcestershire stays responsible for your aftercare after a move.'],
    ['p2', 'We agree communication could have been better.'],
    ['p3', null],
  ]);
  assert.equal(letter.leadOrganisationId, 'worcs');
  assert.deepEqual(letter.respondingWith, []);
  assert.equal(letter.signedBy, null);
  assert.deepEqual(letter.problems, [
    'Answer the point "I want a new social worker".',
    'Name the responsible person who signs the response (CMP-05).',
  ]);
  assert.deepEqual(letter.ombudsman.bodies, ['LGSCO']);
});

test('a joint complaint needs a lead body; a complete letter has no problems', () => {
  const joint: Complaint = { ...mrB, organisationIds: ['worcs', 'icb'] };
  const answers = { p1: 'a', p2: 'b', p3: 'c' };
  assert.deepEqual(responseLetter(joint, organisations, { answers, signedBy: 'Head of Service' }).problems, [
    'Agree which body leads the response to this joint complaint (CMP-02).',
  ]);
  const led = responseLetter({ ...joint, leadOrganisationId: 'worcs', outcome: 'partly_upheld' }, organisations, { answers, signedBy: 'Head of Service' });
  assert.deepEqual(led.problems, []);
  assert.deepEqual(led.respondingWith, ['icb']);
  assert.equal(led.outcome, 'partly_upheld');
  assert.equal(led.ombudsman.joint, true);
});
