import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { asOfView } from '../../../../src/domain/rules/as-of-view.ts';
import { fromDayNumber, toDayNumber } from '../../../../src/domain/calendar/civil-date.ts';
import { validCaseFile } from '../case-file/valid-case-file.ts';

const arrays = [
  'organisations', 'staff', 'contacts', 'detentions', 'ctos', 'residences', 'gpRegistrations', 'duties', 'disputes', 'allocations',
  'carePlans', 'services', 'charges', 'paymentOffers', 'panelRequests', 'placementSearches', 'meetings', 'decisions', 'actions',
  'communicationPlans', 'communications', 'appointments', 'complaints', 'ombudsmanCases',
] as const;

test('as of a date after everything, the view is the file itself, array by array', () => {
  const file = validCaseFile();
  const view = asOfView(file, '2030-01-01');
  for (const name of arrays) assert.equal(view[name], file[name], name);
  assert.equal(view.person, file.person);
});

test('the input is never modified, and untouched records are shared', () => {
  const file = validCaseFile();
  const view = asOfView(file, '2024-07-15');
  assert.deepEqual(file, validCaseFile());
  assert.equal(view.organisations, file.organisations);
  assert.equal(view.staff, file.staff);
  assert.equal(view.detentions[0], file.detentions[0]);
  assert.equal(view.gpRegistrations, file.gpRegistrations);
});

test('detentions: not started dropped; end after asOf drops end and leftHospital', () => {
  const file = validCaseFile();
  assert.deepEqual(asOfView(file, '2023-12-31').detentions, []);
  const during = asOfView(file, '2024-03-01').detentions;
  assert.equal(during.length, 2);
  assert.equal(during[1]!.end, undefined);
  assert.equal(during[1]!.leftHospital, undefined);
  assert.equal(during[1]!.continuesFrom, 'd1');
  assert.deepEqual(during[1]!.leave, []); // leave from 2024-05-01 had not begun
  assert.equal(during[0]!.end, '2024-01-20');
});

test('detentions: ended but still in hospital on asOf keeps leftHospital', () => {
  const view = asOfView(validCaseFile(), '2024-06-02');
  assert.equal(view.detentions[1]!.end, '2024-06-01');
  assert.equal(view.detentions[1]!.leftHospital, '2024-06-03');
});

test('s17 leave: an end not yet reached is dropped', () => {
  const view = asOfView(validCaseFile(), '2024-05-02');
  assert.deepEqual(view.detentions[1]!.leave, [{ from: '2024-05-01', kind: 'overnight' }]);
});

test('duties, CTOs, residences, allocations: starts after asOf dropped, later ends dropped', () => {
  const before = asOfView(validCaseFile(), '2024-06-02');
  assert.deepEqual(before.duties, []);
  assert.equal(before.ctos[0]!.end, undefined);
  assert.deepEqual(before.residences.map((r) => [r.from, r.to]), [['2023-01-01', '2024-01-01'], ['2024-01-01', undefined]]);
  assert.deepEqual(before.allocations, []);
  const view = asOfView(validCaseFile(), '2025-05-22');
  const duty = view.duties[0]!;
  assert.equal(duty.end, undefined);
  assert.equal(duty.endReason, undefined);
  assert.deepEqual(duty.ending?.localAuthoritySignOff, { staffId: 'st1', date: '2025-05-20' });
  assert.equal(duty.ending?.healthBodySignOff, undefined);
  assert.equal(duty.ending?.writtenReasonsSentOn, undefined);
  const ended = asOfView(validCaseFile(), '2025-06-01').duties[0]!;
  assert.equal(ended.end, '2025-06-01');
  assert.equal(ended.ending?.writtenReasonsSentOn, undefined);
});

test('care plans: agreed after asOf dropped, superseded plan counts as agreed again, drafts kept, later reviews dropped', () => {
  const view = asOfView(validCaseFile(), '2024-11-01');
  assert.deepEqual(view.carePlans.map((p) => [p.id, p.status, p.agreedOn]), [['cp1', 'agreed', '2024-06-10'], ['cp3', 'draft', undefined]]);
  const later = asOfView(validCaseFile(), '2025-01-01');
  assert.deepEqual(later.carePlans.map((p) => [p.id, p.status]), [['cp1', 'superseded'], ['cp2', 'agreed'], ['cp3', 'draft']]);
  assert.deepEqual(later.carePlans[1]!.reviewedOn, []);
  assert.deepEqual(asOfView(validCaseFile(), '2025-03-01').carePlans[1]!.reviewedOn, ['2025-03-01']);
});

test('services: not started dropped; end after asOf undone; funding and top-up periods', () => {
  const file = validCaseFile();
  file.services[0]!.end = '2025-01-01';
  file.services[0]!.status = 'ended';
  file.services.push({ id: 's2', dutyId: 'du1', needIds: [], description: 'Day centre', kind: 'day_service', status: 'planned', aftercare: true });
  assert.deepEqual(asOfView(file, '2024-06-02').services.map((s) => s.id), ['s2']); // no start: no date of its own
  const running = asOfView(file, '2024-06-20').services[0]!;
  assert.equal(running.end, undefined);
  assert.equal(running.status, 'active');
  assert.equal(running.topUp, undefined); // top-up began 2024-07-01
  assert.equal(running.funding!.length, 1);
  assert.equal(asOfView(file, '2025-01-01').services[0]!.status, 'ended');
});

test('charges: later to and refund dropped', () => {
  const view = asOfView(validCaseFile(), '2024-07-01');
  assert.equal(view.charges[0]!.to, undefined);
  assert.equal(view.charges[0]!.refund, undefined);
  assert.deepEqual(asOfView(validCaseFile(), '2024-06-01').charges, []);
  assert.equal(asOfView(validCaseFile(), '2024-09-01').charges[0]!.refund?.pence, 8000);
});

test('payment offers, panel requests and placement searches: later responses, decisions and outcomes are pending', () => {
  const view = asOfView(validCaseFile(), '2024-06-21');
  assert.deepEqual(view.paymentOffers[0], { id: 'po1', dutyId: 'du1', kind: 'direct_payment', offeredOn: '2024-06-20', response: 'pending', reviewOn: '2024-12-25' });
  const panels = asOfView(validCaseFile(), '2024-05-16');
  assert.deepEqual(panels.panelRequests[1], { id: 'pr2', dutyId: 'du1', submittedOn: '2024-05-15', proposal: 'Supported living', providerId: 'prov1', resubmissionOf: 'pr1' });
  assert.equal(panels.panelRequests[0]!.decision, 'rejected');
  assert.deepEqual(panels.placementSearches[0], { id: 'ps1', dutyId: 'du1', providerId: 'prov1', approachedOn: '2024-05-10', outcome: 'pending' });
  assert.deepEqual(asOfView(validCaseFile(), '2024-04-30').panelRequests, []);
});

test('meetings, decisions, communications, appointments: dropped when dated after asOf; actions of a later meeting dropped', () => {
  const view = asOfView(validCaseFile(), '2025-05-14');
  assert.deepEqual(view.meetings, []);
  assert.deepEqual(view.decisions, []);
  assert.deepEqual(view.actions, []);
  assert.deepEqual(view.communications, []);
  assert.equal(view.appointments.length, 1);
  const after = asOfView(validCaseFile(), '2025-05-18');
  assert.equal(after.actions[0]!.completedOn, undefined);
  assert.equal(after.communications.length, 1);
});

test('decisions: a premise failing later had not failed', () => {
  const file = validCaseFile();
  file.decisions[0]!.premiseFailedOn = '2025-07-01';
  assert.equal(asOfView(file, '2025-06-01').decisions[0]!.premiseFailedOn, undefined);
  assert.equal(asOfView(file, '2025-07-01').decisions[0]!.premiseFailedOn, '2025-07-01');
});

test('communication plans: later plans dropped, later ends dropped', () => {
  const file = validCaseFile();
  file.communicationPlans[0]!.to = '2025-01-01';
  assert.equal(asOfView(file, '2024-12-31').communicationPlans[0]!.to, undefined);
  assert.deepEqual(asOfView(file, '2024-06-02').communicationPlans, []);
});

test('complaints: later acknowledgement and response dropped, with the outcome unless withdrawn', () => {
  const view = asOfView(validCaseFile(), '2025-02-02');
  const complaint = view.complaints[0]!;
  assert.equal(complaint.acknowledgedOn, undefined);
  assert.equal(complaint.respondedOn, undefined);
  assert.equal(complaint.outcome, undefined);
  assert.equal(complaint.responseDue, '2025-03-31');
  const file = validCaseFile();
  file.complaints[0]!.outcome = 'withdrawn';
  assert.equal(asOfView(file, '2025-02-02').complaints[0]!.outcome, 'withdrawn');
  assert.deepEqual(asOfView(file, '2025-01-31').complaints, []);
  assert.deepEqual(asOfView(file, '2025-01-31').ombudsmanCases, []); // no ombudsman case before its complaint
});

test('ombudsman: later final decision, completion and evidence dropped', () => {
  const view = asOfView(validCaseFile(), '2025-03-31');
  assert.equal(view.ombudsmanCases[0]!.finalDecisionOn, undefined);
  assert.equal(view.ombudsmanCases[0]!.remedies[0]!.completedOn, undefined);
  const mid = asOfView(validCaseFile(), '2025-04-21').ombudsmanCases[0]!.remedies[0]!;
  assert.equal(mid.completedOn, '2025-04-20');
  assert.equal(mid.evidenceSentOn, undefined);
});

test('person and contacts: later death and consent dropped', () => {
  const file = validCaseFile();
  file.person.dateOfDeath = '2026-01-01';
  assert.equal(asOfView(file, '2025-12-31').person.dateOfDeath, undefined);
  assert.equal(asOfView(file, '2026-01-01').person.dateOfDeath, '2026-01-01');
  assert.equal(asOfView(file, '2024-01-04').contacts[0]!.consent, undefined);
  assert.deepEqual(asOfView(file, '2024-01-05').contacts[0]!.consent, { given: true, date: '2024-01-05' });
});

test('disputes: later referral and resolution dropped', () => {
  const view = asOfView(validCaseFile(), '2024-08-01');
  assert.equal(view.disputes[0]!.resolvedOn, undefined);
  assert.equal(view.disputes[0]!.leadOrganisationId, 'la1');
});

const asOfDate = fc.integer({ min: toDayNumber('2023-06-01'), max: toDayNumber('2026-01-01') }).map(fromDayNumber);

test('property: no record or change dated after asOf survives in the view', () => {
  const ownDates = ['start', 'from', 'date', 'receivedOn', 'submittedOn', 'approachedOn', 'offeredOn', 'openedOn', 'agreedOn',
    'end', 'to', 'outcomeOn', 'decidedOn', 'respondedOn', 'completedOn', 'writtenReasonsSentOn', 'acknowledgedOn', 'premiseFailedOn',
    'evidenceSentOn', 'referredOn', 'resolvedOn', 'finalDecisionOn', 'dateOfDeath'];
  fc.assert(
    fc.property(asOfDate, (asOf) => {
      const view = asOfView(validCaseFile(), asOf);
      const visit = (value: unknown, path: string): void => {
        if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
        else if (value && typeof value === 'object') {
          for (const [key, field] of Object.entries(value)) {
            // leftHospital is kept when the detention ended by asOf (still in hospital on asOf)
            if (ownDates.includes(key) && typeof field === 'string') assert.ok(field <= asOf, `${path}.${key} = ${field} > ${asOf}`);
            if (key === 'reviewedOn') for (const day of field as string[]) assert.ok(day <= asOf, `${path}.reviewedOn`);
            visit(field, `${path}.${key}`);
          }
        }
      };
      visit(view, '');
    }),
    { numRuns: 300 },
  );
});

test('property: viewing as of a later date, then an earlier one, is the same as viewing as of the earlier one', () => {
  fc.assert(
    fc.property(asOfDate, asOfDate, (a, b) => {
      const [earlier, later] = a <= b ? [a, b] : [b, a];
      assert.deepEqual(asOfView(asOfView(validCaseFile(), later), earlier), asOfView(validCaseFile(), earlier));
    }),
    { numRuns: 300 },
  );
});
