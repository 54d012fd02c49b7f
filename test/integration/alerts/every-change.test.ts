/**
 * Stored alerts equal a fresh evaluation of the exported case file after every kind of change, not only the
 * register's: random edit sequences through the care-records (plans, needs, services, charges, funding,
 * ending a duty), coordination (panel requests and decisions, placement searches, meetings, decisions,
 * actions, communications, appointments) and complaints (complaints, Ombudsman cases, remedies) services.
 * A write a service refuses (validation, a stale version, an unknown record) must change nothing, alerts
 * included. Each family must also succeed somewhere in the runs, so the property is not vacuous.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Services } from '../../../src/app/services.ts';
import type { ServiceContext } from '../../../src/platform/context.ts';
import { staff } from '../../../src/modules/register/tables.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { fixture, storedAndFresh, systemAt, withAlerts } from './support.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});

// Dates from the duty's start (10 January 2023) to just after "now" (12 March 2026).
const day = fc.integer({ min: 0, max: 1200 }).map((days) => new Date(Date.UTC(2023, 0, 10) + days * 86_400_000).toISOString().slice(0, 10));

type Family = 'care' | 'coordination' | 'complaints';
type Step = { family: Family; kind: string; on: string; pick: number; flag: boolean };

const kinds: Record<Family, readonly string[]> = {
  care: ['plan', 'need', 'agreePlan', 'review', 'service', 'charge', 'funding', 'proposeEnding', 'signOff', 'withdrawEnding'],
  coordination: ['panelRequest', 'panelDecision', 'placementSearch', 'placementOutcome', 'meeting', 'meetingHeld', 'decision', 'action', 'completeAction', 'communication', 'appointment', 'appointmentOutcome'],
  complaints: ['complaint', 'acknowledge', 'ombudsmanCase', 'remedy', 'remedyProgress'],
};

const step: fc.Arbitrary<Step> = fc.constantFrom<Family>('care', 'coordination', 'complaints').chain((family) =>
  fc.record({ family: fc.constant(family), kind: fc.constantFrom(...kinds[family]), on: day, pick: fc.nat(3), flag: fc.boolean() }),
);

const refused = (error: unknown) => error instanceof Error && /Validation|Conflict|NotFound/.test(error.constructor.name);

async function apply(services: Services, ctx: (org?: string) => ServiceContext, personId: string, s: Step, staffId: string): Promise<void> {
  const file = await services.register.readCaseFile(services.db, personId);
  const duty = file.duties[s.pick % file.duties.length]!;
  const nth = <T>(list: readonly T[]) => (list.length ? list[s.pick % list.length] : undefined);
  const { careRecords: care, coordination, complaints } = services;
  if (s.family === 'care') {
    const view = await care.getCareRecords(ctx(), personId);
    const plan = nth(view.carePlans);
    const service = nth(view.services);
    const dutyView = view.duties.find((d) => d.record.id === duty.id)!;
    switch (s.kind) {
      case 'plan': await care.createPlan(ctx(), personId, { dutyId: duty.id, involved: s.flag ? ['person'] : [] }); return;
      case 'need': if (plan) await care.addNeed(ctx(), personId, plan.record.id, { version: plan.version, description: 'Support with medication', relatedToMentalDisorder: s.flag }); return;
      case 'agreePlan': if (plan) await care.agreePlan(ctx(), personId, plan.record.id, { version: plan.version, agreedOn: s.on }); return;
      case 'review': if (plan) await care.recordReview(ctx(), personId, plan.record.id, { version: plan.version, reviewedOn: s.on }); return;
      case 'service':
        await care.addService(ctx(), personId, { dutyId: duty.id, description: 'Day service', kind: s.flag ? 'day_service' : 'care_at_home', status: 'active', start: s.on, weeklyCostPence: 20000, aftercare: s.flag });
        return;
      case 'charge': if (service) await care.addCharge(ctx(), personId, { serviceId: service.record.id, payer: 'person', kind: 'contribution', from: s.on, weeklyPence: 1500 }); return;
      case 'funding': if (service) await care.addFundingShare(ctx(), personId, service.record.id, { version: service.version, from: s.on, localAuthorityPercent: 50, healthBodyPercent: 50 }); return;
      case 'proposeEnding':
        await care.proposeEnding(ctx(duty.localAuthorityId), personId, duty.id, { version: dutyView.version, grounds: ['needs_no_longer_arise'], personInvolved: s.flag });
        return;
      case 'signOff': {
        const body = s.flag ? 'local_authority' : 'health_body';
        await care.signOffEnding(ctx(s.flag ? duty.localAuthorityId : duty.healthBodyId), personId, duty.id, { version: dutyView.version, body, date: s.on });
        return;
      }
      default: await care.withdrawEnding(ctx(duty.localAuthorityId), personId, duty.id, { version: dutyView.version }); return;
    }
  }
  if (s.family === 'coordination') {
    const c = await coordination.getCoordination(ctx(), personId);
    switch (s.kind) {
      case 'panelRequest': await coordination.raisePanelRequest(ctx(), personId, { dutyId: duty.id, submittedOn: s.on, proposal: 'Supported living' }); return;
      case 'panelDecision': {
        const request = nth(c.panelRequests);
        if (request) await coordination.decidePanelRequest(ctx(), personId, request.id, { decision: s.flag ? 'approved' : 'rejected', decidedOn: s.on, ...(s.pick % 2 ? { reasons: 'Cost and suitability' } : {}), version: request.version });
        return;
      }
      case 'placementSearch': await coordination.addPlacementSearch(ctx(), personId, { dutyId: duty.id, approachedOn: s.on }); return;
      case 'placementOutcome': {
        const search = nth(c.placementSearches);
        if (search) await coordination.recordPlacementOutcome(ctx(), personId, search.id, { outcome: 'declined_by_provider', outcomeOn: s.on, reason: 'Needs too complex', version: search.version });
        return;
      }
      case 'meeting': await coordination.planMeeting(ctx(), personId, { dutyId: duty.id, date: s.on, kind: s.flag ? 'review' : 'mdt', invited: ['person'] }); return;
      case 'meetingHeld': {
        const meeting = nth(c.meetings);
        if (meeting) await coordination.recordMeetingHeld(ctx(), personId, meeting.id, { attended: ['person'], minutes: 'Discussed the plan', version: meeting.version });
        return;
      }
      case 'decision': await coordination.recordDecision(ctx(), personId, { date: s.on, text: 'Move to supported living', kind: 'placement', affectsPerson: s.flag, dutyId: duty.id }); return;
      case 'action': await coordination.addAction(ctx(), personId, { text: 'Send the plan', ownerId: staffId, due: s.on, ...(c.meetings[0] ? { meetingId: c.meetings[0].id } : {}) }); return;
      case 'completeAction': {
        const action = nth(c.actions);
        if (action) await coordination.completeAction(ctx(), personId, action.id, { completedOn: s.on, evidence: 'Sent', version: action.version });
        return;
      }
      case 'communication': {
        const decision = nth(c.decisions);
        await coordination.recordCommunication(ctx(), personId, { date: s.on, direction: 'outbound', channel: 'letter', with: ['person'], summary: 'Wrote to the person', ...(decision && s.flag ? { aboutDecisionIds: [decision.id] } : {}) });
        return;
      }
      case 'appointment': await coordination.addAppointment(ctx(), personId, { date: s.on, staffId, with: ['person'], purpose: 'Visit' }); return;
      default: {
        const appointment = nth(c.appointments);
        if (appointment) await coordination.recordAppointmentOutcome(ctx(), personId, appointment.id, { outcome: s.flag ? 'attended' : 'did_not_attend', version: appointment.version });
        return;
      }
    }
  }
  const view = await complaints.personComplaints(ctx(), personId);
  switch (s.kind) {
    case 'complaint': await complaints.recordComplaint(ctx(), personId, { receivedOn: s.on, complainant: 'person', organisationIds: [duty.localAuthorityId], procedure: 'statutory_2009' }); return;
    case 'acknowledge': {
      const complaint = nth(view.complaints);
      if (complaint) await complaints.applyStep(ctx(), personId, complaint.complaint.id, { kind: 'acknowledge', on: s.on, version: complaint.version });
      return;
    }
    case 'ombudsmanCase': await complaints.recordOmbudsmanCase(ctx(), personId, { body: 'LGSCO', reference: `24 ${String(s.pick).padStart(3, '0')} 179`, finalDecisionOn: s.on, findings: ['fault'] }); return;
    case 'remedy': {
      const ombudsmanCase = nth(view.ombudsmanCases);
      if (ombudsmanCase) await complaints.addRemedy(ctx(), personId, ombudsmanCase.ombudsmanCase.id, { text: 'Apologise in writing', kind: 'apology', dueWithin: s.flag ? 'P1M' : 'P3M' });
      return;
    }
    default: {
      const ombudsmanCase = nth(view.ombudsmanCases);
      const remedy = ombudsmanCase && nth(ombudsmanCase.remedies);
      if (ombudsmanCase && remedy) await complaints.recordRemedyProgress(ctx(), personId, ombudsmanCase.ombudsmanCase.id, remedy.remedy.id, { completedOn: s.on, ...(s.flag ? { evidenceSentOn: s.on, evidence: 'Letter' } : {}), version: remedy.version });
    }
  }
}

describe('stored alerts across every kind of change', () => {
  it('equal a fresh evaluation after each random care-records, coordination and complaints edit', async () => {
    await withAlerts(async ({ services }) => {
      const system = systemAt();
      // The system actor may do anything; ending sign-offs also need the signing body's organisation.
      const ctx = (organisationId?: string): ServiceContext => (organisationId ? { ...system, actor: { ...system.actor, organisationId } } : system);
      const succeeded = new Map<Family, number>();
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 6 }), async (steps) => {
          const file = fixture('law/TC-04.json');
          const personId = `p-every-${++n}`;
          await services.register.importCaseFileAlone(system, { ...file, person: { ...file.person, id: personId } });
          const council = (await services.register.readCaseFile(services.db, personId)).duties[0]!.localAuthorityId;
          const staffId = 'st-every-change';
          await services.db.insert(staff).values({ id: staffId, name: 'Sam Worker', organisationId: council }).onConflictDoNothing();
          for (const s of steps) {
            try {
              await apply(services, ctx, personId, s, staffId);
              succeeded.set(s.family, (succeeded.get(s.family) ?? 0) + 1);
            } catch (error) {
              if (!refused(error)) throw error;
            }
            const check = await storedAndFresh(services, personId);
            assert.deepEqual(check.stored, check.fresh, `after ${s.family} ${s.kind} on ${s.on}`);
          }
        }),
        { numRuns: 12, seed: 1983 },
      );
      for (const family of ['care', 'coordination', 'complaints'] as const) assert.ok((succeeded.get(family) ?? 0) >= 3, `${family} edits succeeded ${succeeded.get(family) ?? 0} times`);
    }, database);
  });
});
