/**
 * Audit completeness for every service but the register (whose writes audit-and-concurrency.test.ts
 * drives): each kind of change through care records, coordination, complaints, alerts, users and API
 * tokens adds exactly one audit event, with the expected action, person and record, written by the same
 * transaction as the change (the event's xmin is the changed row's). A refused change and a change rolled
 * back after its write (a case-change listener throwing inside the transaction) leave no event.
 *
 * The services' methods are enumerated from `createServices`: every method must be exercised here, or be
 * listed below as a read or as exempt with its reason — a new write method fails this test until it is.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/platform/db/client.ts';
import type { Role, ServiceContext } from '../../src/platform/context.ts';
import { ValidationError } from '../../src/platform/errors.ts';
import { createApiToken, revokeApiToken } from '../../src/platform/auth/api-tokens.ts';
import { todayInLondon } from '../../src/domain/calendar/civil-date.ts';
import { createWorld, ORGS, type World } from './support/world.ts';

/** Methods that change nothing (or only read, with `case.view` audited by their own tests). */
const READS = new Set([
  'auth.sessionPolicy', 'auth.oidcProviders', 'auth.oidcClient', 'audit.search',
  'coordination.cqcApiEnabled', 'coordination.listProviders', 'coordination.getCoordination', 'coordination.prepareLetter', 'coordination.listWorkers', 'coordination.myActions', 'coordination.panelAgenda',
  'careRecords.getCareRecords', 'careRecords.refundCalculation',
  'alerts.listAlerts', 'alerts.openAlerts', 'alerts.caseAlerts', 'alerts.alertHistory', 'alerts.openAlertCounts', 'alerts.openAlertsOf', 'alerts.alertsPage',
  'complaints.personComplaints', 'complaints.responseLetter', 'complaints.remedyCompliance', 'complaints.complaintClocks', 'complaints.cohortWorklist',
  'reports.dutyList', 'reports.dashboard', 'reports.heldAlerts', 'reports.exportRegisterCsv',
  'chronology.chronology', 'chronology.journey', 'chronology.lawSummary', 'chronology.caseFileForBundle',
  'interop.referenceOrganisations', 'interop.suggestMapping', 'interop.planRegisterImport', 'interop.fhirBundle', 'interop.cldExport',
]);

/** Methods that change something but are audited elsewhere or are not a user's change, and why. */
const EXEMPT: Record<string, string> = {
  'auth.signInWithPassword': 'sign-in: every outcome audited, tested in sign-in.test.ts',
  'auth.signInWithOidcClaims': 'sign-in: every outcome audited, tested in oidc.test.ts',
  'auth.refuseOidcSignIn': 'writes only the refusal’s audit event (oidc.test.ts)',
  'auth.startSessionFor': 'the session row of a sign-in that its caller audits',
  'careRecords.rehearse': 'runs a write in a transaction that always rolls back (checked below)',
  'caseWriter.writeCase': 'the frame every case write runs in (exercised by every case write here)',
  'caseWriter.caseChanged': 'the listeners of a change, inside the change’s transaction',
  'caseWriter.casesChanged': 'the listeners of many changes (a batch of imported files), inside their transaction',
  'caseWriter.addListener': 'wiring, at start-up',
  'alerts.sweep': 'recomputes derived alerts for the passage of time (system, no user change); sweep.test.ts',
  'alerts.recomputeCase': 'recomputes derived alerts; the sweep’s and the listener’s work',
  'alerts.recomputeCases': 'recomputes derived alerts of a batch of cases: the sweep’s work (in a sweep worker thread)',
  'alerts.onCaseChanged': 'the case-change listener, inside the audited change',
  'alerts.onCasesChanged': 'the case-change listener for a batch of imported files, inside their audited import',
  'interop.loadOrganisations': 'bulk reference data: one organisations.load event per load (interop.test.ts)',
  'interop.commitRegisterImport': 'bulk: one register.import event and a case.import per person (interop.test.ts)',
  'coordination.importLocations': 'bulk provider directory import (CQC file), not case data',
  'coordination.refreshFromCqc': 'provider directory refresh from the CQC API (off in tests: no key)',
};

let world: World;
let manager: ServiceContext;
let icb: ServiceContext;
let admin: ServiceContext;
let failAfterWrite = false;

function contextOf(id: string, organisationId: string, roles: Role[]): ServiceContext {
  return { actor: { kind: 'user', id, name: `Audit ${id}`, organisationId, teamId: null, roles }, requestId: 'audit-completeness', now: new Date() };
}

before(async () => {
  world = await createWorld();
  const north = world.users.get('team_manager');
  assert.ok(north);
  manager = contextOf(north.id, ORGS.north, ['team_manager', 'complaints_officer', 'panel_member', 'practitioner']);
  icb = contextOf(world.icbUser.id, ORGS.icb, ['commissioner']);
  admin = contextOf(world.users.get('admin')?.id ?? 'admin', ORGS.north, ['admin']);
  // A listener that fails after the write, inside its transaction: the change must roll back whole.
  world.t.services.caseWriter.addListener(async () => {
    if (failAfterWrite) throw new Error('forced failure after the write');
  });
});

after(async () => {
  await world?.t.close();
});

interface AuditRow {
  id: number;
  action: string;
  record_type: string | null;
  record_id: string | null;
  person_id: string | null;
  tx: string;
}

const db = () => world.t.database.db;

async function lastAuditId(): Promise<number> {
  const [row] = rowsOf<{ id: number | null }>(await db().execute(sql`select max(id)::int as id from audit_event`));
  return Number(row?.id ?? 0);
}

async function auditSince(id: number): Promise<AuditRow[]> {
  return rowsOf<AuditRow>(await db().execute(sql`select id::int as id, action, record_type, record_id, person_id, xmin::text as tx from audit_event where id > ${id} order by id`));
}

async function xminOf(table: string, id: string): Promise<string | undefined> {
  const [row] = rowsOf<{ tx: string }>(await db().execute(sql`select xmin::text as tx from ${sql.identifier(table)} where id = ${id}`));
  return row?.tx;
}

const exercised = new Set<string>();

interface Expectation<T> {
  /** The person the event names (null: none). */
  person: string | null;
  /** The record the event names, from the result (default: its `id`). */
  record?: (result: T) => string | undefined;
  /** The table whose row with the event's person (people) or record id was written by the same transaction. */
  table?: string;
}

/**
 * Runs one change and asserts exactly one audit event of `action`, naming the person and record, in the
 * change's transaction. A change that writes two records (a communication plan is also a decision) names
 * both actions: one event each, the last being the record the result names.
 */
async function once<T>(method: string, action: string | string[], expectation: Expectation<T>, change: () => Promise<T>): Promise<T> {
  exercised.add(method);
  const actions = Array.isArray(action) ? action : [action];
  const mark = await lastAuditId();
  const result = await change();
  const events = await auditSince(mark).then((rows) => rows.filter((e) => e.action !== 'case.view'));
  assert.deepEqual(events.map((e) => e.action), actions, `${method}: one audit event per record changed, with its action`);
  assert.equal(new Set(events.map((e) => e.tx)).size, 1, `${method}: its events in one transaction`);
  const event = events.at(-1) as AuditRow;
  assert.equal(event.person_id, expectation.person, `${method}: person`);
  const record = expectation.record ? expectation.record(result) : (result as { id?: string } | undefined)?.id;
  if (record !== undefined) assert.equal(event.record_id, record, `${method}: record`);
  const table = expectation.table ?? 'people';
  const rowTx = await xminOf(table, table === 'people' ? (expectation.person ?? '') : (event.record_id ?? ''));
  assert.equal(rowTx, event.tx, `${method}: the event and the change (${table}) were written by one transaction`);
  return result;
}

async function newPerson(familyName: string): Promise<{ id: string; dutyId: string; detentionId: string }> {
  const r = world.t.services.register;
  const { id } = await r.createPerson(manager, { givenName: 'Audrey', familyName, dateOfBirth: '1980-04-01' });
  const detention = await r.addDetention(manager, id, { section: '3', start: '2025-01-10', end: '2025-06-01' });
  const duty = await r.addDuty(manager, id, { detentionId: detention.id, start: '2025-06-01', localAuthorityId: ORGS.north, healthBodyId: ORGS.icb });
  await r.addContact(manager, id, { name: 'Rita Rep', role: 'representative', actsForPerson: true, consent: { given: true, date: '2025-06-01' }, address: ['2 Law Lane'] });
  return { id, dutyId: duty.id, detentionId: detention.id };
}

test('every change through coordination, care records, complaints, alerts, users and tokens: one audit event, same transaction', async () => {
  const { coordination: co, careRecords: cr, complaints: cm, alerts, users } = world.t.services;

  // Coordination: panel, placements, meetings, decisions, actions, communications, appointments, letters.
  const p = await newPerson('Coordinated');
  const on = { person: p.id };
  const request = await once('coordination.raisePanelRequest', 'panel_request.create', on, () => co.raisePanelRequest(manager, p.id, { dutyId: p.dutyId, submittedOn: '2025-07-01', proposal: 'Supported living' }));
  await once('coordination.decidePanelRequest', 'panel_request.decide', { ...on, record: () => request.id }, () => co.decidePanelRequest(manager, p.id, request.id, { decision: 'approved', decidedOn: '2025-07-10', reasons: 'Meets the needs in the plan', version: 1 }));
  const search = await once('coordination.addPlacementSearch', 'placement_search.create', on, () => co.addPlacementSearch(manager, p.id, { dutyId: p.dutyId, approachedOn: '2025-07-11' }));
  await once('coordination.recordPlacementOutcome', 'placement_search.outcome', { ...on, record: () => search.id }, () => co.recordPlacementOutcome(manager, p.id, search.id, { outcome: 'declined_by_provider', outcomeOn: '2025-07-20', reason: 'No vacancy', version: 1 }));
  const meeting = await once('coordination.planMeeting', 'meeting.create', on, () => co.planMeeting(manager, p.id, { dutyId: p.dutyId, date: '2025-08-01', kind: 'review', invited: ['person'] }));
  await once('coordination.recordMeetingHeld', 'meeting.held', { ...on, record: () => meeting.id }, () => co.recordMeetingHeld(manager, p.id, meeting.id, { attended: ['person'], minutes: 'Reviewed the plan', version: 1 }));
  const other = await co.planMeeting(manager, p.id, { dutyId: p.dutyId, date: '2025-09-01', kind: 'mdt', invited: ['person'] });
  await once('coordination.cancelMeeting', 'meeting.cancel', { ...on, record: () => other.id }, () => co.cancelMeeting(manager, p.id, other.id, { version: 1 }));
  const decision = await once('coordination.recordDecision', 'decision.create', on, () => co.recordDecision(manager, p.id, { dutyId: p.dutyId, date: '2025-08-01', kind: 'placement', text: 'Supported living agreed', affectsPerson: true, premise: 'A place at Oak Lodge', meetingId: meeting.id }));
  await once('coordination.recordPremiseFailed', 'decision.premise_failed', { ...on, record: () => decision.id }, () => co.recordPremiseFailed(manager, p.id, decision.id, { premiseFailedOn: '2025-08-20', version: 1 }));
  const action = await once('coordination.addAction', 'action.create', on, () => co.addAction(manager, p.id, { text: 'Find another placement', ownerId: manager.actor.id, due: '2025-09-01', meetingId: meeting.id }));
  await once('coordination.completeAction', 'action.complete', { ...on, record: () => action.id }, () => co.completeAction(manager, p.id, action.id, { completedOn: '2025-08-30', evidence: 'Found one', version: 1 }));
  await once('coordination.changeCommunicationPlan', ['decision.create', 'communication_plan.create'], on, () => co.changeCommunicationPlan(manager, p.id, { from: '2025-08-01', route: 'direct', agreedWithPerson: true, reason: 'Agreed at the review' }));
  await once('coordination.recordCommunication', 'communication.create', on, () => co.recordCommunication(manager, p.id, { date: '2025-08-02', direction: 'outbound', channel: 'phone', with: ['person'], aboutDecisionIds: [decision.id], summary: 'Told them' }));
  const appointment = await once('coordination.addAppointment', 'appointment.create', on, () => co.addAppointment(manager, p.id, { date: '2025-09-10', staffId: manager.actor.id, with: ['person'], purpose: 'Visit' }));
  await once('coordination.recordAppointmentOutcome', 'appointment.outcome', { ...on, record: () => appointment.id }, () => co.recordAppointmentOutcome(manager, p.id, appointment.id, { outcome: 'attended', version: 1 }));
  await once('coordination.recordLetter', 'communication.create', on, () => co.recordLetter(manager, p.id, { date: '2025-08-03', with: ['person'], decisionId: decision.id, summary: 'Decision letter' }));
  await once('coordination.generateLetter', 'communication.create', { ...on, record: (r: { communicationId: string | null }) => r.communicationId ?? 'none' }, () => co.generateLetter(manager, p.id, { decisionId: decision.id, date: '2025-08-04' }));

  // Care records: plans and needs, reviews, services, funding, top-ups, charges, refunds, offers, endings.
  const plan = await once('careRecords.createPlan', 'care_plan.create', on, () => cr.createPlan(manager, p.id, { dutyId: p.dutyId, coordinatingFramework: 'CMHF', involved: ['person'] }));
  let version = plan.version;
  const need = await once('careRecords.addNeed', 'care_plan.add_need', { ...on, record: () => plan.id }, () => cr.addNeed(manager, p.id, plan.id, { version, description: 'Somewhere safe to live', relatedToMentalDisorder: true, category: 'accommodation' }));
  version = need.version;
  const extra = await cr.addNeed(manager, p.id, plan.id, { version, description: 'Help with money', relatedToMentalDisorder: false });
  version = extra.version;
  const stored = (await cr.getCareRecords(manager, p.id)).carePlans.find((x) => x.record.id === plan.id);
  const [firstNeed, secondNeed] = stored?.record.needs ?? [];
  assert.ok(firstNeed && secondNeed, 'the plan has two needs');
  version = (await once('careRecords.changeNeed', 'care_plan.change_need', { ...on, record: () => plan.id }, () => cr.changeNeed(manager, p.id, plan.id, firstNeed.id, { version, description: 'A safe home', relatedToMentalDisorder: true, category: 'accommodation' }))).version;
  version = (await once('careRecords.removeNeed', 'care_plan.remove_need', { ...on, record: () => plan.id }, () => cr.removeNeed(manager, p.id, plan.id, secondNeed.id, { version }))).version;
  version = (await once('careRecords.agreePlan', 'care_plan.agree', { ...on, record: () => plan.id }, () => cr.agreePlan(manager, p.id, plan.id, { version, agreedOn: '2025-08-05' }))).version;
  version = (await once('careRecords.recordReview', 'care_plan.review', { ...on, record: () => plan.id }, () => cr.recordReview(manager, p.id, plan.id, { version, reviewedOn: '2025-09-01' }))).version;
  await once('careRecords.recordPlanShared', 'care_plan.share', { ...on, record: () => plan.id }, () => cr.recordPlanShared(manager, p.id, plan.id, { version, sentTo: ['person'], sentOn: '2025-09-02', channel: 'letter' }));
  const service = await once('careRecords.addService', 'service.create', on, () => cr.addService(manager, p.id, { dutyId: p.dutyId, description: 'Care home, Oak Lodge', kind: 'residential_care', status: 'active', start: '2025-08-01', weeklyCostPence: 150000, aftercare: true }));
  const funded = await once('careRecords.addFundingShare', 'service.funding_share', { ...on, record: () => service.id }, () => cr.addFundingShare(manager, p.id, service.id, { version: 1, from: '2025-08-01', localAuthorityPercent: 50, healthBodyPercent: 50 }));
  const topped = await once('careRecords.setTopUp', 'service.top_up', { ...on, record: () => service.id }, () =>
    cr.setTopUp(manager, p.id, service.id, { version: funded.version, payer: 'family', weeklyPence: 5000, from: '2025-08-01', preferredAccommodationChosen: true, suitableAlternativeOffered: true, usualWeeklyCostPence: 130000 }));
  await once('careRecords.changeService', 'service.update', { ...on, record: () => service.id }, () => cr.changeService(manager, p.id, service.id, { version: topped.version, description: 'Care home, Oak Lodge (room 4)', kind: 'residential_care', status: 'active', start: '2025-08-01', aftercare: true }));
  const cleaning = await cr.addService(manager, p.id, { dutyId: p.dutyId, description: 'Cleaning', kind: 'care_at_home', status: 'active', start: '2025-06-01', aftercare: false });
  const charge = await once('careRecords.addCharge', 'charge.create', on, () => cr.addCharge(manager, p.id, { serviceId: cleaning.id, payer: 'person', kind: 'contribution', from: '2025-01-01', to: '2025-01-15', weeklyPence: 7000 }));
  await once('careRecords.recordRefund', 'charge.refund', { ...on, record: () => charge.id }, () => cr.recordRefund(manager, p.id, charge.id, { version: 1, refundDate: '2025-09-01' }));
  const charge2 = await cr.addCharge(manager, p.id, { serviceId: cleaning.id, payer: 'person', kind: 'contribution', from: '2025-07-01', weeklyPence: 1500 });
  await once('careRecords.endCharge', 'charge.end', { ...on, record: () => charge2.id }, () => cr.endCharge(manager, p.id, charge2.id, { version: 1, to: '2025-09-30' }));
  await once('careRecords.endService', 'service.end', { ...on, record: () => cleaning.id }, () => cr.endService(manager, p.id, cleaning.id, { version: 1, end: '2025-10-01' }));
  const offer = await once('careRecords.addPaymentOffer', 'payment_offer.create', on, () => cr.addPaymentOffer(manager, p.id, { dutyId: p.dutyId, kind: 'personal_health_budget', offeredOn: '2025-09-01' }));
  await once('careRecords.recordOfferResponse', 'payment_offer.response', { ...on, record: () => offer.id }, () => cr.recordOfferResponse(manager, p.id, offer.id, { version: 1, response: 'declined', respondedOn: '2025-09-10', reviewOn: '2026-03-10' }));
  const ending = { grounds: ['needs_no_longer_arise'], reviewMeetingId: meeting.id, personInvolved: true, writtenReasonsSentOn: '2025-10-01', moveOnPlanInPlace: true };
  await once('careRecords.proposeEnding', 'duty.propose_ending', { ...on, record: () => p.dutyId }, () => cr.proposeEnding(manager, p.id, p.dutyId, { version: 1, ...ending }));
  await once('careRecords.withdrawEnding', 'duty.withdraw_ending', { ...on, record: () => p.dutyId }, () => cr.withdrawEnding(manager, p.id, p.dutyId, { version: 2 }));
  await cr.proposeEnding(manager, p.id, p.dutyId, { version: 3, ...ending });
  await once('careRecords.signOffEnding', 'duty.sign_off_ending', { ...on, record: () => p.dutyId }, () => cr.signOffEnding(manager, p.id, p.dutyId, { version: 4, body: 'local_authority', date: '2025-10-05' }));
  await cr.signOffEnding(icb, p.id, p.dutyId, { version: 5, body: 'health_body', date: '2025-10-06' });
  await once('careRecords.reinstateDuty', 'duty.reinstate', { ...on, record: () => p.dutyId }, () => cr.reinstateDuty(manager, p.id, p.dutyId, { version: 6, decidedOn: '2025-10-10', reason: 'The review missed relapse prevention' }));

  // Complaints: complaints and their steps, Ombudsman cases, remedies and their evidence, review cohorts.
  const complaint = await once('complaints.recordComplaint', 'complaint.create', on, () =>
    cm.recordComplaint(manager, p.id, { receivedOn: '2025-10-01', complainant: 'person', organisationIds: [ORGS.north], procedure: 'statutory_2009', points: ['No reply'] }));
  const pointed = await once('complaints.addPoint', 'complaint_point.create', on, () => cm.addPoint(manager, p.id, complaint.id, { text: 'Charged for aftercare' }));
  const [point] = (await cm.personComplaints(manager, p.id)).complaints[0]?.complaint.points ?? [];
  assert.ok(point);
  await once('complaints.answerPoint', 'complaint_point.answer', { ...on, record: () => point.id }, () => cm.answerPoint(manager, p.id, complaint.id, point.id, { answered: true, answer: 'We replied', version: pointed.version }));
  await once('complaints.applyStep', 'complaint.acknowledge', { ...on, record: () => complaint.id }, () => cm.applyStep(manager, p.id, complaint.id, { kind: 'acknowledge', on: '2025-10-03', version: complaint.version }));
  const ombudsmanCase = await once('complaints.recordOmbudsmanCase', 'ombudsman_case.create', on, () => cm.recordOmbudsmanCase(manager, p.id, { body: 'LGSCO', reference: '25 000 123', enquiryOn: '2025-10-10', findings: [] }));
  await once('complaints.updateOmbudsmanCase', 'ombudsman_case.update', { ...on, record: () => ombudsmanCase.id }, () => cm.updateOmbudsmanCase(manager, p.id, ombudsmanCase.id, { body: 'LGSCO', reference: '25 000 123', enquiryOn: '2025-10-10', finalDecisionOn: '2025-11-01', findings: ['fault'], version: 1 }));
  const remedy = await once('complaints.addRemedy', 'remedy.create', on, () => cm.addRemedy(manager, p.id, ombudsmanCase.id, { text: 'Review everyone without a worker', kind: 'service_improvement' }));
  await once('complaints.recordRemedyProgress', 'remedy.progress', { ...on, record: () => remedy.id }, () => cm.recordRemedyProgress(manager, p.id, ombudsmanCase.id, remedy.id, { completedOn: '2025-11-05', evidenceSentOn: '2025-11-06', evidence: 'Letter', version: 1 }));
  const remedy2 = await cm.addRemedy(manager, p.id, ombudsmanCase.id, { text: 'Review everyone without a worker (again)', kind: 'service_improvement' });
  const unallocated = await newPerson('Unallocated');
  await once('complaints.defineReviewCohort', 'review_cohort.create', { ...on, record: () => remedy2.id }, () => cm.defineReviewCohort(manager, p.id, ombudsmanCase.id, remedy2.id, { criterion: 'no_allocated_worker' }));
  await once('complaints.recordCohortReview', 'review_cohort.review', { ...on, record: () => remedy2.id }, () =>
    cm.recordCohortReview(manager, p.id, ombudsmanCase.id, remedy2.id, { memberPersonId: unallocated.id, memberDutyId: unallocated.dutyId, reviewedOn: todayInLondon(manager.now) }));

  // Alerts: acknowledging one.
  const [alert] = await alerts.caseAlerts(manager, p.id);
  assert.ok(alert, 'the person has an alert to acknowledge');
  const lookAgainOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await once('alerts.acknowledge', 'alert.acknowledge', { person: p.id, table: 'alert_acknowledgements' }, () =>
    alerts.acknowledge(manager, p.id, { ruleId: alert.id, subjectKind: alert.subject.kind, subjectId: alert.subject.id, reason: 'Known; in hand', lookAgainOn }));

  // Users, API tokens, sign-out.
  await once('users.createUser', 'user.create', { person: null, table: 'users' }, () => users.createUser(admin, { email: 'audit-new@example.org', name: 'New Starter', organisation: ORGS.north, roles: ['practitioner'], password: 'three random words here' }));
  const token = await once('(api token) create', 'api_token.create', { person: null, table: 'api_tokens' }, () => createApiToken(db(), admin, { name: 'integration', organisationId: ORGS.north, roles: ['practitioner'] }));
  await once('(api token) revoke', 'api_token.revoke', { person: null, table: 'api_tokens', record: () => token.id }, () => revokeApiToken(db(), admin, token.id));
  const revokedMark = await lastAuditId();
  assert.equal(await revokeApiToken(db(), admin, token.id), false, 'a token already revoked is not revoked again');
  assert.equal(await revokeApiToken(db(), admin, 'no-such-token'), false);
  assert.deepEqual(await auditSince(revokedMark), [], 'revoking nothing writes no audit event');
  const signedIn = await world.t.signedInUser(['auditor'], { organisationId: ORGS.north });
  const signOutCtx = contextOf(signedIn.id, ORGS.north, ['auditor']);
  exercised.add('auth.signOut');
  const mark = await lastAuditId();
  await world.t.services.auth.signOut(signOutCtx, signedIn.sessionId);
  assert.deepEqual((await auditSince(mark)).map((e) => [e.action, e.record_id]), [['auth.sign_out', signedIn.id]]);

  // Every method of every service is exercised here, a read, or exempt for a stated reason.
  const unaccounted: string[] = [];
  const methods = new Set<string>();
  for (const [name, service] of Object.entries(world.t.services)) {
    if (['db', 'config', 'logger', 'register'].includes(name) || !service || typeof service !== 'object') continue;
    for (const method of Object.keys(service)) {
      const key = `${name}.${method}`;
      methods.add(key);
      if (!exercised.has(key) && !READS.has(key) && !(key in EXEMPT)) unaccounted.push(key);
    }
  }
  assert.deepEqual(unaccounted, [], 'a service method is neither exercised here, a read, nor exempt: add it to this test');
  const stale = [...READS, ...Object.keys(EXEMPT)].filter((key) => !methods.has(key));
  assert.deepEqual(stale, [], 'the lists name only methods that exist');
});

test('a refused change, and a change rolled back after its write, leave no audit event', async () => {
  const { coordination: co, careRecords: cr, complaints: cm, alerts, users } = world.t.services;
  const p = await newPerson('Rollback');
  const plan = await cr.createPlan(manager, p.id, { dutyId: p.dutyId });
  const count = async (table: string) => Number(rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from ${sql.identifier(table)} where person_id = ${p.id}`))[0]?.n ?? 0);

  const start = await lastAuditId();
  // Refused by validation or guard: nothing written, nothing audited.
  await assert.rejects(cr.addNeed(manager, p.id, plan.id, { version: 1, description: '', relatedToMentalDisorder: true }), ValidationError);
  await assert.rejects(cr.agreePlan(manager, p.id, plan.id, { version: 1, agreedOn: '2025-08-05' }), ValidationError); // no needs yet
  await assert.rejects(co.raisePanelRequest(manager, p.id, { dutyId: 'nope', submittedOn: '2025-13-01', proposal: ' ' }), ValidationError);
  await assert.rejects(cm.recordComplaint(manager, p.id, { receivedOn: '2025-02-30', complainant: 'person', organisationIds: [], procedure: 'corporate' }), ValidationError);
  await assert.rejects(alerts.acknowledge(manager, p.id, { ruleId: 'X', subjectKind: 'duty', subjectId: p.dutyId, reason: 'r', lookAgainOn: '2020-01-01' }), ValidationError);
  await assert.rejects(users.createUser(admin, { email: 'weak@example.org', name: 'Weak', organisation: ORGS.north, roles: ['practitioner'], password: 'password' }), ValidationError);
  assert.deepEqual((await auditSince(start)).filter((e) => e.action !== 'case.view').map((e) => e.action), [], 'refusals are not audited as changes');

  // A failure after the write, inside the transaction: the change and its event roll back together.
  const before = { plans: await count('care_plans'), panel: await count('panel_requests'), complaints: await count('complaints') };
  const mark = await lastAuditId();
  failAfterWrite = true;
  try {
    await assert.rejects(cr.addNeed(manager, p.id, plan.id, { version: 1, description: 'Rolled back', relatedToMentalDisorder: true }), /forced failure/);
    await assert.rejects(co.raisePanelRequest(manager, p.id, { dutyId: p.dutyId, submittedOn: '2025-07-01', proposal: 'Rolled back' }), /forced failure/);
    await assert.rejects(cm.recordComplaint(manager, p.id, { receivedOn: '2025-10-01', complainant: 'person', organisationIds: [ORGS.north], procedure: 'other' }), /forced failure/);
  } finally {
    failAfterWrite = false;
  }
  assert.deepEqual((await auditSince(mark)).filter((e) => e.action !== 'case.view').map((e) => e.action), [], 'no audit event survives a rolled-back change');
  assert.deepEqual({ plans: await count('care_plans'), panel: await count('panel_requests'), complaints: await count('complaints') }, before, 'no row survives either');
  const [storedPlan] = (await cr.getCareRecords(manager, p.id)).carePlans;
  assert.equal(storedPlan?.record.needs.length, 0);
  assert.equal(storedPlan?.version, 1);

  // A rehearsal (what a confirmation page checks) always rolls back: no event.
  const rehearsalMark = await lastAuditId();
  await cr.rehearse.removeNeed(manager, p.id, plan.id, 'no-such-need', { version: 1 }).catch(() => undefined);
  assert.deepEqual((await auditSince(rehearsalMark)).filter((e) => e.action !== 'case.view').map((e) => e.action), []);
});
