import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../src/platform/errors.ts';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { systemContext } from '../../../src/platform/context.ts';
import { complaintsSectionStore } from '../../../src/modules/complaints/section-store.ts';
import { staff } from '../../../src/modules/register/tables.ts';
import { northPerson, openWorld, orgs, type ComplaintsWorld } from './support.ts';

let world: ComplaintsWorld;
before(async () => {
  world = await openWorld();
});
after(() => world.database.close());

const officer = (on?: string) => world.as(orgs.north, ['complaints_officer'], on);
const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

async function clockOn(personId: string, on: string) {
  const view = await world.complaints.personComplaints(officer(on), personId);
  const [complaint] = view.complaints;
  assert.ok(complaint);
  return complaint;
}

test('statutory clock: acknowledge by the 3rd working day across Christmas; respond 6 months after receipt', async () => {
  const { id } = await northPerson(world, 'Christmas');
  await world.complaints.recordComplaint(officer(), id, { receivedOn: '2025-12-23', complainant: 'person', organisationIds: [orgs.north], procedure: 'statutory_2009' });
  const onTime = await clockOn(id, '2025-12-30');
  assert.equal(onTime.clock.acknowledgementDue, '2025-12-30');
  assert.equal(onTime.clock.responseDue, '2026-06-23');
  assert.equal(onTime.clock.state, 'awaiting_acknowledgement');
  assert.equal((await clockOn(id, '2025-12-31')).clock.state, 'acknowledgement_overdue');
  const late = await clockOn(id, '2026-06-24');
  assert.equal(late.clock.state, 'response_overdue');
  assert.equal(late.clock.delayLetter?.needed, true);
});

test('statutory clock at a month end: 31 August gives 3 September and 28 February', async () => {
  const { id } = await northPerson(world, 'Monthend');
  await world.complaints.recordComplaint(officer(), id, { receivedOn: '2025-08-31', complainant: 'person', organisationIds: [orgs.north], procedure: 'statutory_2009' });
  const view = await clockOn(id, '2025-09-01');
  assert.equal(view.clock.acknowledgementDue, '2025-09-03');
  assert.equal(view.clock.responseDue, '2026-02-28');
  assert.equal((await clockOn(id, '2026-02-28')).clock.responseOverdue, false);
  assert.equal((await clockOn(id, '2026-03-01')).clock.responseOverdue, true);
});

test('corporate clocks: stage 1 and stage 2 across Easter and the early May bank holiday', async () => {
  const { id } = await northPerson(world, 'Corporate');
  const stage1 = await world.complaints.recordComplaint(officer(), id, { receivedOn: '2026-03-31', complainant: 'person', organisationIds: [orgs.north], procedure: 'corporate', corporateStage: 1 });
  const stage2 = await world.complaints.recordComplaint(officer(), id, { receivedOn: '2026-03-31', complainant: 'person', organisationIds: [orgs.north], procedure: 'corporate', corporateStage: 2 });
  for (const c of [stage1, stage2]) await world.complaints.applyStep(officer('2026-04-09'), id, c.id, { kind: 'acknowledge', on: '2026-04-09', version: c.version });
  const view = await world.complaints.personComplaints(officer('2026-04-10'), id);
  const byId = new Map(view.complaints.map((c) => [c.complaint.id, c]));
  assert.equal(byId.get(stage1.id)?.clock.acknowledgementDue, '2026-04-09');
  assert.equal(byId.get(stage1.id)?.clock.responseDue, '2026-04-23');
  assert.equal(byId.get(stage1.id)?.clock.latestExtendedResponse, '2026-05-08');
  assert.equal(byId.get(stage2.id)?.clock.responseDue, '2026-05-08');
});

test('the workflow: steps offered only when allowed, refusals in plain English, warnings for unanswered points', async () => {
  const { id } = await northPerson(world, 'Workflow');
  const { id: complaintId } = await world.complaints.recordComplaint(officer(), id, {
    receivedOn: '2026-01-05', complainant: 'person', organisationIds: [orgs.north, orgs.northIcb], leadOrganisationId: orgs.north, procedure: 'statutory_2009',
    points: ['The social worker did not reply', 'The care package was not transferred'],
  });
  let [view] = (await world.complaints.personComplaints(officer(), id)).complaints;
  assert.deepEqual(view?.steps, ['acknowledge', 'agree_response_date', 'withdraw']);
  const refused = await errorOf(world.complaints.applyStep(officer(), id, complaintId, { kind: 'respond', on: '2026-02-01', version: 1 }));
  assert.ok(refused instanceof ValidationError);
  assert.equal(refused.issues[0]?.message, 'Record the acknowledgement before the response.');

  await world.complaints.applyStep(officer(), id, complaintId, { kind: 'acknowledge', on: '2026-01-07', version: 1 });
  const [first] = view?.complaint.points ?? [];
  assert.ok(first);
  await world.complaints.answerPoint(officer(), id, complaintId, first.id, { answered: true, answer: 'We have now replied.', version: 1 });
  const stale = await errorOf(world.complaints.answerPoint(officer(), id, complaintId, first.id, { answered: false, version: 1 }));
  assert.ok(stale instanceof ConflictError);

  const responded = await world.complaints.applyStep(officer(), id, complaintId, { kind: 'respond', on: '2026-02-20', signedBy: 'Jo Bloggs, Head of Service', version: 2 });
  assert.deepEqual(responded.warnings, ['The response does not answer the point "The care package was not transferred".']);
  [view] = (await world.complaints.personComplaints(officer(), id)).complaints;
  assert.deepEqual(view?.steps, ['close', 'withdraw']);
  assert.equal(view?.unansweredAfterResponse.length, 1);

  const { letter } = await world.complaints.responseLetter(officer(), id, complaintId);
  assert.equal(letter.points.length, 2);
  assert.equal(letter.points[0]?.answer, 'We have now replied.');
  assert.equal(letter.signedBy, 'Jo Bloggs, Head of Service');
  assert.deepEqual(letter.ombudsman.bodies, ['LGSCO', 'PHSO']);
  assert.match(letter.ombudsman.text, /Local Government and Social Care Ombudsman and the Parliamentary and Health Service Ombudsman/);
  assert.ok(await world.auditCount('complaint.respond') >= 1);
});

test('validation reports every error at once, including a complainant without authority to act', async () => {
  const { id } = await northPerson(world, 'Invalid');
  const manager = world.as(orgs.north, ['team_manager']);
  const { id: contactId } = await world.register.addContact(manager, id, { name: 'Sam Brother', role: 'family', actsForPerson: true });
  const error = await errorOf(world.complaints.recordComplaint(officer(), id, { receivedOn: '2026-02-30', complainant: contactId, organisationIds: [orgs.north, orgs.northIcb], procedure: 'corporate' }));
  assert.ok(error instanceof ValidationError);
  assert.deepEqual(error.issues.map((i) => i.path).sort(), ['complainant', 'corporateStage', 'leadOrganisationId', 'receivedOn']);
  const noConsent = await errorOf(world.complaints.recordComplaint(officer(), id, { receivedOn: '2026-02-02', complainant: contactId, organisationIds: [orgs.north], procedure: 'statutory_2009' }));
  assert.ok(noConsent instanceof ValidationError);
  assert.equal(noConsent.issues[0]?.path, 'complainant');
  assert.match(noConsent.issues[0]?.message ?? '', /no recorded authority to act/);
});

test('practitioners read complaints on their cases but cannot change them; other organisations cannot see them', async () => {
  const { id } = await northPerson(world, 'Readonly');
  const { id: complaintId } = await world.complaints.recordComplaint(officer(), id, { receivedOn: '2026-01-05', complainant: 'person', organisationIds: [orgs.north], procedure: 'other' });
  const practitioner = world.as(orgs.north, ['practitioner']);
  assert.equal((await world.complaints.personComplaints(practitioner, id)).complaints.length, 1);
  assert.ok((await errorOf(world.complaints.applyStep(practitioner, id, complaintId, { kind: 'withdraw', version: 1 }))) instanceof ForbiddenError);
  assert.ok((await errorOf(world.complaints.remedyCompliance(practitioner, {}))) instanceof ForbiddenError);
  const south = world.as(orgs.south, ['complaints_officer']);
  assert.ok((await errorOf(world.complaints.personComplaints(south, id))) instanceof NotFoundError);
  assert.ok((await errorOf(world.complaints.recordComplaint(south, id, { receivedOn: '2026-01-05', complainant: 'person', organisationIds: [orgs.north], procedure: 'other' }))) instanceof NotFoundError);
  assert.equal((await world.complaints.complaintClocks(south, {})).rows.some((r) => r.personId === id), false);
});

test('remedy due dates and the compliance view before and after the deadlines (the Worcestershire actions)', async () => {
  const { id } = await northPerson(world, 'Remedies');
  const { id: caseId } = await world.complaints.recordOmbudsmanCase(officer(), id, { body: 'LGSCO', reference: '24 014 179', enquiryOn: '2024-11-07', finalDecisionOn: '2025-07-31', findings: ['fault', 'service_failure', 'injustice'] });
  const apology = await world.complaints.addRemedy(officer(), id, caseId, { text: 'Apologise in writing to Mr B for the fault.', kind: 'apology', ownerId: orgs.north });
  await world.complaints.addRemedy(officer(), id, caseId, { text: 'Offer Mr B a meeting and a further assessment.', kind: 'reassessment', dueWithin: 'P2M' });
  await world.complaints.addRemedy(officer(), id, caseId, { text: 'Remind staff to record agreements on how to communicate.', kind: 'service_improvement' });
  const due = (await world.complaints.personComplaints(officer(), id)).ombudsmanCases[0]?.remedies.map((r) => r.due.due);
  assert.deepEqual(due, ['2025-08-31', '2025-09-30', '2025-10-31']);

  const states = async (on: string, query: Record<string, string> = {}) =>
    (await world.complaints.remedyCompliance(officer(on), { asOf: on, ...query })).rows.filter((r) => r.personId === id).map((r) => `${r.remedyId === apology.id ? 'apology' : r.text.slice(0, 6)}:${r.state}`);
  assert.deepEqual(await states('2025-08-31'), ['apology:due', 'Offer :due', 'Remind:due']);
  assert.deepEqual(await states('2025-09-01'), ['apology:overdue', 'Offer :due', 'Remind:due']);
  await world.complaints.recordRemedyProgress(officer(), id, caseId, apology.id, { completedOn: '2025-09-05', version: 1 });
  assert.deepEqual(await states('2025-09-10'), ['apology:done_awaiting_evidence', 'Offer :due', 'Remind:due']);
  assert.deepEqual(await states('2025-11-01'), ['Offer :overdue', 'Remind:overdue', 'apology:done_awaiting_evidence']);
  await world.complaints.recordRemedyProgress(officer(), id, caseId, apology.id, { completedOn: '2025-09-05', evidenceSentOn: '2025-09-08', evidence: 'Letter of 5 September 2025', version: 2 });
  assert.deepEqual(await states('2025-11-01'), ['Offer :overdue', 'Remind:overdue']);
  assert.deepEqual(await states('2025-11-01', { state: 'closed' }), ['apology:closed']);
  const owned = (await world.complaints.remedyCompliance(officer('2025-09-06'), { asOf: '2025-09-06', owner: orgs.north })).rows.filter((r) => r.personId === id);
  assert.deepEqual(owned.map((r) => r.ownerName), ['Northshire County Council']);

  // A repeat complaint about the same person shows the earlier case's remedies and how late each was.
  const { id: repeatId } = await world.complaints.recordOmbudsmanCase(officer('2026-03-12'), id, { body: 'joint', reference: '26 000 001', enquiryOn: '2026-03-01', findings: [] });
  const repeat = (await world.complaints.personComplaints(officer('2026-03-12'), id)).ombudsmanCases.find((c) => c.ombudsmanCase.id === repeatId);
  assert.deepEqual(repeat?.earlier.map((r) => [r.text.slice(0, 6), r.daysLate, r.stillOpen]), [['Apolog', 5, false], ['Offer ', 163, true], ['Remind', 132, true]]);
});

test('a service-improvement remedy defines a review cohort that becomes a worklist with progress', async () => {
  const manager = world.as(orgs.north, ['team_manager']);
  const unallocated = await northPerson(world, 'Cohortone');
  const allocatedPerson = await northPerson(world, 'Cohorttwo');
  await world.db.insert(staff).values({ id: 'sw-cohort', name: 'Sam Worker', organisationId: orgs.north });
  await world.register.allocateWorker(manager, allocatedPerson.id, { dutyId: allocatedPerson.dutyId, staffId: 'sw-cohort', from: '2025-06-01' });
  const { id } = await northPerson(world, 'Complainant');
  const { id: caseId } = await world.complaints.recordOmbudsmanCase(officer(), id, { body: 'LGSCO', reference: '25 000 002', finalDecisionOn: '2026-01-15', findings: ['fault'] });
  const apology = await world.complaints.addRemedy(officer(), id, caseId, { text: 'Apologise', kind: 'apology' });
  const audit = await world.complaints.addRemedy(officer(), id, caseId, { text: 'Review everyone without a worker', kind: 'service_improvement' });
  const refused = await errorOf(world.complaints.defineReviewCohort(officer(), id, caseId, apology.id, { criterion: 'no_allocated_worker' }));
  assert.ok(refused instanceof ValidationError);
  assert.equal(refused.issues[0]?.message, 'Only a service improvement can have a review of other people.');

  const { members } = await world.complaints.defineReviewCohort(officer(), id, caseId, audit.id, { criterion: 'no_allocated_worker' });
  let worklist = await world.complaints.cohortWorklist(officer(), id, caseId, audit.id);
  assert.equal(worklist.progress?.total, members);
  assert.ok(worklist.members.some((m) => m.personId === unallocated.id && m.name === 'Ada Cohortone'));
  assert.equal(worklist.members.some((m) => m.personId === allocatedPerson.id), false);
  assert.equal(worklist.progress?.summary, `0 of ${members} reviewed`);
  await world.complaints.recordCohortReview(officer(), id, caseId, audit.id, { memberPersonId: unallocated.id, memberDutyId: unallocated.dutyId, reviewedOn: '2026-03-12' });
  worklist = await world.complaints.cohortWorklist(officer(), id, caseId, audit.id);
  assert.equal(worklist.progress?.reviewed, 1);
  assert.equal(worklist.members.find((m) => m.personId === unallocated.id)?.reviewedOn, '2026-03-12');
  const outsider = await errorOf(world.complaints.recordCohortReview(officer(), id, caseId, audit.id, { memberPersonId: 'nobody', memberDutyId: 'x', reviewedOn: '2026-03-12' }));
  assert.ok(outsider instanceof ValidationError);
  const again = await errorOf(world.complaints.defineReviewCohort(officer(), id, caseId, audit.id, { criterion: 'no_allocated_worker' }));
  assert.ok(again instanceof ValidationError);
});

// The case-file sections: the section store, and import and export through the register.
const sections: Pick<CaseFile, 'complaints' | 'ombudsmanCases'> = {
  complaints: [
    {
      id: 'cmp1', receivedOn: '2024-08-12', complainant: 'ct-rep', organisationIds: [orgs.north, orgs.northIcb], leadOrganisationId: orgs.north, procedure: 'statutory_2009',
      points: [
        { id: 'pt1', text: 'The social worker acted as a gatekeeper', answered: true, ext: { answer: 'We found no fault here.', note: 'kept' } },
        { id: 'pt2', text: 'Poor communication', answered: false },
      ],
      acknowledgedOn: '2024-08-14', responseDue: '2024-10-01', respondedOn: '2024-10-01', outcome: 'partly_upheld',
      ext: { responseSignedBy: 'Head of Service', localRef: 'WCC/123' },
    },
    { id: 'cmp2', receivedOn: '2025-01-06', complainant: 'person', organisationIds: [orgs.north], procedure: 'corporate', points: [], ext: { corporateStage: 2 } },
  ],
  ombudsmanCases: [
    {
      id: 'om1', body: 'LGSCO', reference: '24 014 179', complaintId: 'cmp1', finalDecisionOn: '2025-07-31', findings: ['fault', 'service_failure', 'injustice'],
      remedies: [
        { id: 'rem1', text: 'Apologise in writing', kind: 'apology', ownerId: 'staff-1', completedOn: '2025-08-20', evidence: 'Letter', evidenceSentOn: '2025-08-22' },
        { id: 'rem2', text: 'Offer a meeting and assessment', kind: 'reassessment', dueWithin: 'P1M', ext: { x: 1 } },
        { id: 'rem3', text: 'Pay for time and trouble', kind: 'payment', due: '2025-09-01', amountPence: 25000, ownerId: orgs.north },
      ],
      ext: { enquiryOn: '2024-11-07', draftDecisionOn: '2025-06-30', other: true },
    },
  ],
};

const sameIds = { organisation: (id: string) => id, staff: (id: string) => id, ref: (ref: string) => ref };

test('complaints and Ombudsman cases round-trip through the section store with their ids and ext', async () => {
  const { id } = await northPerson(world);
  const file = { ...sections, contacts: [] } as unknown as CaseFile;
  await world.db.transaction((tx) => complaintsSectionStore.importSections(tx, systemContext(), id, file, sameIds));
  const exported = await world.db.transaction((tx) => complaintsSectionStore.exportSections(tx, id));
  assert.deepEqual(exported, sections);
  const referenced = complaintsSectionStore.referencedIds({ ...exported, contacts: [{ id: 'ct-rep', name: 'Rep', role: 'representative', actsForPerson: true }] });
  assert.deepEqual(referenced.organisationIds.sort(), [orgs.north, orgs.northIcb, 'staff-1'].sort());
  assert.deepEqual(referenced.staffIds.sort(), [orgs.north, 'staff-1'].sort());
});

test('import maps organisation ids and Refs to the ids they were matched with', async () => {
  const { id } = await northPerson(world, 'Mapped');
  const ids = { organisation: (o: string) => (o === 'file-council' ? orgs.north : o), staff: (s: string) => s, ref: (r: string) => (r === 'file-council' ? orgs.north : r) };
  const file = {
    complaints: [{ id: 'c', receivedOn: '2025-01-06', complainant: 'person', organisationIds: ['file-council'], leadOrganisationId: 'file-council', procedure: 'other', points: [] }],
    ombudsmanCases: [{ id: 'o', body: 'LGSCO', reference: 'R', findings: [], remedies: [{ id: 'r', text: 'T', kind: 'other', ownerId: 'file-council' }] }],
  } as unknown as CaseFile;
  await world.db.transaction((tx) => complaintsSectionStore.importSections(tx, systemContext(), id, file, ids));
  const exported = await world.db.transaction((tx) => complaintsSectionStore.exportSections(tx, id));
  assert.deepEqual(exported.complaints?.[0]?.organisationIds, [orgs.north]);
  assert.equal(exported.complaints?.[0]?.leadOrganisationId, orgs.north);
  assert.equal(exported.ombudsmanCases?.[0]?.remedies[0]?.ownerId, orgs.north);
});

test('the reference decision: import and export through the register carry the complaint and the remedies unchanged; the compliance view reads them', async () => {
  const { referenceCaseFile, REFERENCE_PERSON_ID } = await import('../../../src/demo/reference-case.ts');
  const { createRegisterService } = await import('../../../src/modules/register/service.ts');
  const register = createRegisterService({ db: world.db, sectionStores: [complaintsSectionStore] });
  const full = referenceCaseFile();
  const stored = new Set(register.storedSections());
  // Only the sections this test's stores hold (the other capabilities' stores are wired by the app).
  const file = Object.fromEntries(Object.entries(full).map(([key, value]) => [key, Array.isArray(value) && key !== 'organisations' && key !== 'staff' && !stored.has(key as never) ? [] : value])) as unknown as CaseFile;
  await register.importCaseFileAlone(systemContext(), file);
  const exported = await register.exportCaseFile(systemContext(), REFERENCE_PERSON_ID);
  assert.deepEqual(exported.complaints, full.complaints);
  assert.deepEqual(exported.ombudsmanCases, full.ombudsmanCases);
  assert.ok(exported.organisations.some((o) => o.id === 'org-worcestershire'));

  const officer = world.as('org-worcestershire', ['complaints_officer']);
  const before = await world.complaints.remedyCompliance(officer, { asOf: '2025-10-10' });
  assert.deepEqual(before.rows.map((r) => [r.remedyId, r.state, r.due]), [['rem-apology', 'due', '2025-10-10'], ['rem-meeting-assessment', 'due', '2025-10-10'], ['rem-representative', 'due', '2025-10-10']]);
  const late = await world.complaints.remedyCompliance(officer, { asOf: '2025-10-11' });
  assert.deepEqual(late.rows.map((r) => [r.remedyId, r.state, r.daysLate]), [['rem-apology', 'overdue', 1], ['rem-meeting-assessment', 'overdue', 1], ['rem-representative', 'overdue', 1]]);
});
