/**
 * Coordination through its service on one database: the panel and meeting state machines, the
 * communication plan as a decision, "who has been told" against the alert engine, letters recorded on the
 * log, and the section store's round trip. The story follows the reference decision (LGSCO 24 014 179).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { ConflictError, ForbiddenError, ValidationError } from '../../../src/platform/errors.ts';
import { rowsOf } from '../../../src/platform/db/client.ts';
import { organisations } from '../../../src/platform/organisations/tables.ts';
import { staff } from '../../../src/modules/register/tables.ts';
import { createRegisterService } from '../../../src/modules/register/service.ts';
import { createCoordinationService } from '../../../src/modules/coordination/service.ts';
import { coordinationSectionStore } from '../../../src/modules/coordination/section-store.ts';
import { previousRejectionBanner } from '../../../src/domain/coordination/panel-requests.ts';
import { whoHasBeenTold } from '../../../src/domain/coordination/who-has-been-told.ts';
import { evaluate } from '../../../src/domain/rules/evaluate.ts';
import type { CaseFile } from '../../../src/domain/case-file/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { contextFor } from '../register/support.ts';

let database: TestDatabase;
let register: ReturnType<typeof createRegisterService>;
let coordination: ReturnType<typeof createCoordinationService>;
const worker = contextFor('org-w', ['practitioner'], 'user-sw');
const panel = contextFor('org-w', ['panel_member'], 'user-panel');
const outsider = contextFor('org-other', ['team_manager'], 'user-other');
let personId = '';
let dutyId = '';
let representativeId = '';
let charityWorkerId = '';

const issuePaths = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
  return error.issues.map((i) => i.path).sort();
};
const auditCount = async (action: string) => rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from audit_event where action = ${action}`))[0]?.n ?? 0;

async function caseFile(): Promise<CaseFile> {
  const file = await register.exportCaseFile(worker, personId);
  return { ...file, ...(await coordinationSectionStore.exportSections(database.db, personId)) } as CaseFile;
}

before(async () => {
  database = await createTestDatabase();
  await database.db.insert(organisations).values([
    { id: 'org-w', name: 'Worcestershire County Council', kind: 'local_authority', code: 'E10000034', nation: 'england' },
    { id: 'org-icb', name: 'NHS Herefordshire and Worcestershire ICB', kind: 'icb', code: 'QGH', nation: 'england' },
    { id: 'org-other', name: 'Other Council', kind: 'local_authority', code: 'E10000099', nation: 'england' },
    { id: 'org-agency1', name: 'Agency One Supported Living', kind: 'provider', code: '1-000000001', cqc: { overall: 'good', wellLed: 'requires_improvement' } },
  ]);
  await database.db.insert(staff).values([{ id: 'user-sw', name: 'Sam Social Worker', organisationId: 'org-w' }]);
  register = createRegisterService({ db: database.db });
  coordination = createCoordinationService({ db: database.db, cqcApi: null });
  personId = (await register.createPerson(worker, { givenName: 'Brian', familyName: 'Bee' })).id;
  await register.updatePerson(worker, personId, { address: ['1 Hope Street', 'Kidderminster'], communicationNeeds: ['Large print'], version: 1 });
  const detention = await register.addDetention(worker, personId, { section: '3', start: '2022-01-10', end: '2022-06-01' });
  dutyId = (await register.addDuty(worker, personId, { detentionId: detention.id, start: '2022-06-01', localAuthorityId: 'org-w', healthBodyId: 'org-icb' })).id;
  representativeId = (await register.addContact(worker, personId, { name: 'Rita Rep', role: 'representative', actsForPerson: true, consent: { given: true, date: '2024-08-01' }, address: ['2 Law Lane'] })).id;
  charityWorkerId = (await register.addContact(worker, personId, { name: 'Charlie Charity', role: 'support_worker', actsForPerson: false, address: ['Charity 2'] })).id;
});
after(() => database.close());

test('panel requests: reasons required, only panel members decide, resubmission carries the refused-before banner, stale versions conflict', async () => {
  const first = await coordination.raisePanelRequest(worker, personId, { dutyId, submittedOn: '2023-12-01', proposal: 'Supported living with Agency One', providerId: 'org-agency1', weeklyCostPence: 185000 });
  assert.deepEqual(await issuePaths(coordination.raisePanelRequest(worker, personId, { dutyId: 'nope', submittedOn: '2023-13-01', proposal: ' ', providerId: 'org-w' })), ['dutyId', 'proposal', 'providerId', 'submittedOn']);
  await assert.rejects(coordination.decidePanelRequest(worker, personId, first.id, { decision: 'rejected', decidedOn: '2023-12-14', reasons: 'x', version: 1 }), ForbiddenError);
  assert.deepEqual(await issuePaths(coordination.decidePanelRequest(panel, personId, first.id, { decision: 'rejected', decidedOn: '2023-12-14', reasons: '  ', version: 1 })), ['reasons']);
  await coordination.decidePanelRequest(panel, personId, first.id, { decision: 'rejected', decidedOn: '2023-12-14', reasons: 'Shared service; provider requires improvement on well-led', version: 1 });
  await assert.rejects(coordination.decidePanelRequest(panel, personId, first.id, { decision: 'approved', decidedOn: '2023-12-20', reasons: 'Changed our mind', version: 1 }), ConflictError);
  assert.deepEqual(await issuePaths(coordination.decidePanelRequest(panel, personId, first.id, { decision: 'approved', decidedOn: '2023-12-20', reasons: 'Changed our mind', version: 2 })), ['decision']);

  assert.deepEqual(await issuePaths(coordination.raisePanelRequest(worker, personId, { dutyId, submittedOn: '2023-12-01', proposal: 'Same again', resubmissionOf: first.id })), ['submittedOn']);
  const second = await coordination.raisePanelRequest(worker, personId, { dutyId, submittedOn: '2024-03-19', proposal: 'Supported living with Agency One', providerId: 'org-agency1', resubmissionOf: first.id, supportingNotes: 'Met the manager on 18 January' });
  const c = await coordination.getCoordination(worker, personId);
  const stored = c.panelRequests.find((r) => r.id === second.id);
  assert.ok(stored);
  assert.deepEqual(stored.ext, { supportingNotes: 'Met the manager on 18 January' });
  assert.match(previousRejectionBanner(stored, c.panelRequests) ?? '', /refused this proposal once before \(on 2023-12-14: Shared service/);
  const agenda = await coordination.panelAgenda(panel, '2024-03-26');
  assert.deepEqual(agenda.map((a) => a.request.id), [second.id]);
  assert.equal((await coordination.panelAgenda(outsider, '2024-03-26')).length, 0);
  await coordination.decidePanelRequest(panel, personId, second.id, { decision: 'rejected', decidedOn: '2024-03-26', reasons: 'Provider untested for extremely complex needs', version: 1 });
  const alerts = evaluate(await caseFile(), '2024-04-01').alerts.map((a) => a.id);
  assert.ok(alerts.includes('panel-repeat-rejection'));
  assert.equal(await auditCount('panel_request.decide'), 2);
});

test('placement searches record outcomes; three refusals while unsettled raise the alert', async () => {
  for (const [approachedOn, outcomeOn] of [['2024-05-01', '2024-05-10'], ['2024-05-12', '2024-06-01'], ['2024-06-05', '2024-06-20']] as const) {
    const search = await coordination.addPlacementSearch(worker, personId, { dutyId, approachedOn });
    assert.deepEqual(await issuePaths(coordination.recordPlacementOutcome(worker, personId, search.id, { outcome: 'declined_by_provider', outcomeOn: '2024-04-01', version: 1 })), ['outcomeOn']);
    await coordination.recordPlacementOutcome(worker, personId, search.id, { outcome: 'declined_by_provider', outcomeOn, reason: 'Needs too complex', version: 1 });
  }
  assert.ok(evaluate(await caseFile(), '2024-07-01').alerts.some((a) => a.id === 'placement-refusals-unresolved'));
});

test('meetings: planned, held with attendance and minutes, then final; actions are owned, due and completed', async () => {
  const meeting = await coordination.planMeeting(worker, personId, { dutyId, date: '2024-10-08', kind: 'mdt', invited: ['user-sw', charityWorkerId] });
  assert.deepEqual(await issuePaths(coordination.recordMeetingHeld(worker, personId, meeting.id, { attended: [], minutes: '', version: 1 })), ['attended', 'minutes']);
  await coordination.recordMeetingHeld(worker, personId, meeting.id, { attended: ['user-sw', charityWorkerId], minutes: 'Agreed to update Mr B through Charity 2', version: 1 });
  assert.deepEqual(await issuePaths(coordination.cancelMeeting(worker, personId, meeting.id, { version: 2 })), ['status']);
  const action = await coordination.addAction(worker, personId, { text: 'Invite the representative to the next meeting', ownerId: 'user-sw', due: '2024-10-22', meetingId: meeting.id });
  assert.deepEqual((await coordination.myActions(worker)).map((a) => a.action.id), [action.id]);
  await coordination.completeAction(worker, personId, action.id, { completedOn: '2024-10-21', evidence: 'Email sent', version: 1 });
  assert.equal((await coordination.myActions(worker)).length, 0);
  await assert.rejects(coordination.planMeeting(outsider, personId, { date: '2024-10-08', kind: 'mdt', invited: ['person'] }), /No such person/);
});

test('changing the communication plan is a decision; who has been told agrees with the alerts until a letter reaches both', async () => {
  assert.deepEqual(await issuePaths(coordination.changeCommunicationPlan(worker, personId, { from: '2024-10-08', route: 'via_contact', agreedWithPerson: false, reason: '' })), ['reason', 'viaContactId']);
  await coordination.changeCommunicationPlan(worker, personId, { from: '2024-10-08', route: 'via_contact', viaContactId: charityWorkerId, agreedWithPerson: false, reason: 'Charity 2 worker sees him often; a place at Charity 2 is expected soon' });
  let c = await coordination.getCoordination(worker, personId);
  const decision = c.decisions.find((d) => d.kind === 'communication_arrangement');
  assert.ok(decision?.affectsPerson);
  assert.equal(c.communicationPlans[0]?.decisionId, decision.id);

  // Telling only the new route (the charity worker) does not count for a change of route.
  await coordination.recordCommunication(worker, personId, { date: '2024-10-09', direction: 'outbound', channel: 'phone', with: [charityWorkerId], aboutDecisionIds: [decision.id], summary: 'Told Charlie' });
  c = await coordination.getCoordination(worker, personId);
  const told = whoHasBeenTold(decision, c, '2024-10-20');
  const alerts = evaluate(await caseFile(), '2024-10-20').alerts.filter((a) => a.subject.id === decision.id).map((a) => a.id).sort();
  assert.deepEqual(told?.addressees.map((a) => [a.ref, a.state]), [['person', 'overdue'], [representativeId, 'overdue']]);
  assert.deepEqual(alerts, ['decision-not-communicated', 'decision-not-shared-with-representative']);
  assert.equal(told?.notCommunicated, alerts.includes('decision-not-communicated'));

  const { letter, communicationId } = await coordination.generateLetter(worker, personId, { decisionId: decision.id, date: '2024-10-21' });
  assert.ok(communicationId);
  assert.deepEqual(letter.copies.map((copy) => copy.ref), ['person', representativeId]);
  assert.ok(letter.adjustments.largePrint);
  c = await coordination.getCoordination(worker, personId);
  assert.deepEqual(whoHasBeenTold(decision, c, '2024-10-22')?.addressees.map((a) => a.state), ['reached', 'reached']);
  assert.equal(evaluate(await caseFile(), '2024-10-22').alerts.filter((a) => a.subject.id === decision.id).length, 0);
});

test('appointments record outcomes, including staff did not attend', async () => {
  const appointment = await coordination.addAppointment(worker, personId, { date: '2024-11-01', staffId: 'user-sw', with: [representativeId], purpose: 'Meet the representative' });
  assert.ok(evaluate(await caseFile(), '2024-11-10').alerts.some((a) => a.id === 'appointment-outcome-missing'));
  await coordination.recordAppointmentOutcome(worker, personId, appointment.id, { outcome: 'staff_did_not_attend', version: 1 });
  assert.ok(!evaluate(await caseFile(), '2024-11-10').alerts.some((a) => a.id === 'appointment-outcome-missing'));
});

test('the section store gives back what it was given, ids and ext included', async () => {
  const sections = await coordinationSectionStore.exportSections(database.db, personId);
  const other = (await register.createPerson(worker, { givenName: 'Copy', familyName: 'Case' })).id;
  const identity = { organisation: (id: string) => id, staff: (id: string) => id, ref: (id: string) => id };
  await coordinationSectionStore.importSections(database.db, worker, other, { ...(await caseFile()), ...sections } as CaseFile, identity);
  const byId = (records: Partial<CaseFile>) => Object.fromEntries(Object.entries(records).map(([k, v]) => [k, [...(v as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id))]));
  assert.deepEqual(byId(await coordinationSectionStore.exportSections(database.db, other)), byId(sections));
  const referenced = coordinationSectionStore.referencedIds(sections);
  assert.ok(referenced.organisationIds.includes('org-agency1'));
  assert.ok(referenced.staffIds.includes('user-sw'));
});
