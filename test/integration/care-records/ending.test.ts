import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { ValidationError } from '../../../src/platform/errors.ts';
import { meetings } from '../../../src/modules/coordination/tables.ts';
import { openCareWorld, orgs, refusedWith, type CareWorld } from './support.ts';

let w: CareWorld;
before(async () => {
  w = await openCareWorld();
});
after(() => w.close());

const proper = { grounds: ['needs_no_longer_arise'], reviewMeetingId: 'review-1', personInvolved: true, writtenReasonsSentOn: '2026-03-01' };
const dutyOf = async (personId: string) => (await w.care.getCareRecords(w.council, personId)).duties[0]!;
const messages = (error: unknown) => (error as ValidationError).issues.map((issue) => issue.message).join('\n');

describe('ending a duty, through the service', () => {
  test('council first, then the health body: proposed → council signed off → ended (joint decision on the later date)', async () => {
    const { id, dutyId } = await w.person();
    await w.care.proposeEnding(w.council, id, dutyId, { version: 1, ...proper });
    assert.equal((await dutyOf(id)).endingState, 'proposed');
    const first = await w.care.signOffEnding(w.council, id, dutyId, { version: 2, body: 'local_authority', date: '2026-03-05' });
    assert.equal(first.ended, false);
    assert.equal((await dutyOf(id)).endingState, 'council_signed_off');
    await assert.rejects(w.care.signOffEnding(w.council, id, dutyId, { version: 3, body: 'local_authority', date: '2026-03-06' }), refusedWith('signOff', /already signed off/));
    await assert.rejects(w.care.signOffEnding(w.council, id, dutyId, { version: 3, body: 'health_body', date: '2026-03-06' }), refusedWith('body', /Only someone from the responsible health body/));
    const second = await w.care.signOffEnding(w.icb, id, dutyId, { version: 3, body: 'health_body', date: '2026-03-08' });
    assert.equal(second.ended, true);
    const ended = await dutyOf(id);
    assert.equal(ended.endingState, 'ended');
    assert.equal(ended.record.end, '2026-03-08');
    assert.equal(ended.record.endReason, 'joint_decision');
    assert.deepEqual(ended.record.ending?.localAuthoritySignOff, { staffId: 'user-council', date: '2026-03-05' });
    assert.equal(await w.auditCount('duty.end'), 1);

    // Reinstated from the end date, the ending kept in the history.
    await w.care.reinstateDuty(w.council, id, dutyId, { version: ended.version, decidedOn: '2026-03-10', reason: 'The review did not consider relapse prevention' });
    const reinstated = await dutyOf(id);
    assert.equal(reinstated.record.end, undefined);
    assert.equal(reinstated.endingState, 'open');
    const history = reinstated.record.ext?.endingHistory as { reinstated: { continuesFrom: string; previous: { endReason: string } } }[];
    assert.equal(history[0]?.reinstated.continuesFrom, '2026-03-08');
    assert.equal(history[0]?.reinstated.previous.endReason, 'joint_decision');
  });

  test('health body first, then the council', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Hal', familyName: 'Healthfirst' });
    await w.care.proposeEnding(w.icb, id, dutyId, { version: 1, ...proper });
    await w.care.signOffEnding(w.icb, id, dutyId, { version: 2, body: 'health_body', date: '2026-03-09' });
    assert.equal((await dutyOf(id)).endingState, 'health_body_signed_off');
    await w.care.signOffEnding(w.council, id, dutyId, { version: 3, body: 'local_authority', date: '2026-03-04' });
    const ended = await dutyOf(id);
    assert.equal(ended.record.end, '2026-03-09');
    assert.equal(ended.record.endReason, 'joint_decision');
  });

  test('improper grounds are refused by name, and nothing is written', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Ivy', familyName: 'Improper' });
    const before = await w.auditCount('duty.propose_ending');
    await assert.rejects(w.care.proposeEnding(w.council, id, dutyId, { version: 1, ...proper, grounds: ['disengaged', 'time_elapsed'] }), (error: unknown) => {
      const text = messages(error);
      return /Not engaging with services is not a reason/.test(text) && /just because time has passed/.test(text) && /no longer needs it for their mental health/.test(text);
    });
    assert.equal((await dutyOf(id)).endingState, 'open');
    assert.equal(await w.auditCount('duty.propose_ending'), before);
  });

  test('refused while a CTO is in force', async () => {
    const { id, dutyId, detentionId } = await w.person({ givenName: 'Cat', familyName: 'Onacto' });
    await w.register.addCto(w.council, id, { detentionId, start: '2025-06-01' });
    await assert.rejects(w.care.proposeEnding(w.council, id, dutyId, { version: 1, ...proper }), refusedWith('date', /community treatment order \(CTO\)/));
  });

  test('a sign-off is refused without the review, involvement, written reasons or a move-on plan; withdrawing keeps the history', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Max', familyName: 'Missing' });
    await w.care.addService(w.council, id, {
      dutyId, description: 'Supported flat', kind: 'supported_living', status: 'active', start: '2025-06-01', aftercare: true,
      accommodationPlus: { relatedToOriginalCondition: true, enhancedSpecialised: true, reducesRisk: true },
    });
    await w.care.proposeEnding(w.council, id, dutyId, { version: 1, grounds: ['needs_no_longer_arise'], personInvolved: false });
    await assert.rejects(w.care.signOffEnding(w.council, id, dutyId, { version: 2, body: 'local_authority', date: '2026-03-05' }), (error: unknown) => {
      const paths = (error as ValidationError).issues.map((issue) => issue.path);
      return ['reviewMeetingId', 'personInvolved', 'writtenReasonsSentOn', 'moveOnPlanInPlace'].every((path) => paths.includes(path));
    });
    assert.equal((await dutyOf(id)).endingState, 'proposed');
    await w.care.withdrawEnding(w.council, id, dutyId, { version: 2 });
    const open = await dutyOf(id);
    assert.equal(open.endingState, 'open');
    assert.equal((open.record.ext?.endingHistory as unknown[]).length, 1);
  });

  test('the review meeting, where coordination holds it, must have been held by the sign-off', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Meg', familyName: 'Meeting' });
    await w.db.insert(meetings).values({ personId: id, id: 'review-1', record: { date: '2026-03-20', status: 'planned', kind: 'review', invited: ['person'], attended: [] } });
    await w.care.proposeEnding(w.council, id, dutyId, { version: 1, ...proper });
    await assert.rejects(w.care.signOffEnding(w.council, id, dutyId, { version: 2, body: 'local_authority', date: '2026-03-05' }), refusedWith('reviewMeetingId', /review meeting on 20 March 2026 has not been held/));
    await w.db.update(meetings).set({ record: { date: '2026-03-01', status: 'held', kind: 'review', invited: ['person'], attended: ['person'] } }).where(eq(meetings.personId, id));
    const signed = await w.care.signOffEnding(w.council, id, dutyId, { version: 2, body: 'local_authority', date: '2026-03-05' });
    assert.equal(signed.ended, false);
  });

  test('a qualifying re-detention ends the open duty (redetained); a section 2 does not', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Reg', familyName: 'Redetained' });
    await w.register.addDetention(w.council, id, { section: '2', start: '2025-09-01', end: '2025-09-20' });
    assert.equal((await dutyOf(id)).record.end, undefined);
    await w.register.addDetention(w.council, id, { section: '3', start: '2025-10-01' });
    const duty = await dutyOf(id);
    assert.equal(duty.record.id, dutyId);
    assert.equal(duty.record.end, '2025-10-01');
    assert.equal(duty.record.endReason, 'redetained');
  });

  test('another council cannot see or end the duty', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Pri', familyName: 'Vate' });
    const south = { ...w.council, actor: { ...w.council.actor, id: 'user-south', organisationId: orgs.south } };
    await assert.rejects(w.care.proposeEnding(south, id, dutyId, { version: 1, ...proper }), { name: 'NotFoundError' });
    const auditor = { ...w.council, actor: { ...w.council.actor, roles: ['auditor' as const] } };
    await assert.rejects(w.care.proposeEnding(auditor, id, dutyId, { version: 1, ...proper }), { name: 'ForbiddenError' });
  });
});

describe('aftercare plans, through the service', () => {
  test('draft → agreed (review due 12 months on) → reviewed → superseded by the next version', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Pam', familyName: 'Planned' });
    const draft = await w.care.createPlan(w.council, id, { dutyId, coordinatingFramework: 'CMHF', involved: ['person', 'Care coordinator'] });
    await assert.rejects(w.care.agreePlan(w.council, id, draft.id, { version: 1, agreedOn: '2026-01-15' }), refusedWith('needs', /Add the person’s needs/));
    const withNeed = await w.care.addNeed(w.council, id, draft.id, { version: 1, description: 'Support to take medication', relatedToMentalDisorder: true, category: 'mental_health' });
    await w.care.agreePlan(w.council, id, draft.id, { version: withNeed.version, agreedOn: '2026-01-15' });
    let view = await w.care.getCareRecords(w.council, id);
    assert.equal(view.carePlans[0]?.record.status, 'agreed');
    assert.equal(view.carePlans[0]?.record.reviewDue, '2027-01-15');
    assert.equal(view.carePlans[0]?.record.ext?.coordinatingFramework, 'CMHF');
    await assert.rejects(w.care.addNeed(w.council, id, draft.id, { version: 3, description: 'More', relatedToMentalDisorder: false }), refusedWith('description', /Start a new version/));
    await w.care.recordReview(w.council, id, draft.id, { version: 3, reviewedOn: '2026-03-01' });
    await w.care.recordPlanShared(w.council, id, draft.id, { version: 4, sentTo: ['person', 'GP'], sentOn: '2026-03-02', channel: 'letter' });
    const next = await w.care.createPlan(w.council, id, { dutyId, copyFromPlanId: draft.id });
    await w.care.agreePlan(w.council, id, next.id, { version: 1, agreedOn: '2026-03-10' });
    view = await w.care.getCareRecords(w.council, id);
    const [first, second] = view.carePlans;
    assert.equal(first?.record.status, 'superseded');
    assert.deepEqual(first?.record.reviewedOn, ['2026-03-01']);
    assert.equal((first?.record.ext?.sharedWith as unknown[]).length, 1);
    assert.equal(second?.record.status, 'agreed');
    assert.equal(second?.record.needs[0]?.description, 'Support to take medication');
  });

  test('a need of a draft plan can be changed or removed; an agreed plan refuses (a new version takes the change)', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Ida', familyName: 'Needs' });
    const draft = await w.care.createPlan(w.council, id, { dutyId });
    await w.care.addNeed(w.council, id, draft.id, { version: 1, description: 'Help with money', relatedToMentalDisorder: false });
    const two = await w.care.addNeed(w.council, id, draft.id, { version: 2, description: 'Support to take medication', relatedToMentalDisorder: true });
    let plan = (await w.care.getCareRecords(w.council, id)).carePlans[0]?.record;
    const [first, second] = plan?.needs ?? [];
    const audits = await w.auditCount('care_plan.change_need');
    const changed = await w.care.changeNeed(w.council, id, draft.id, first?.id ?? '', { version: two.version, description: 'Help with benefits', relatedToMentalDisorder: true, category: 'daily_living' });
    assert.equal(changed.version, 4);
    assert.equal(await w.auditCount('care_plan.change_need'), audits + 1);
    await assert.rejects(w.care.changeNeed(w.council, id, draft.id, first?.id ?? '', { version: 3, description: 'Stale', relatedToMentalDisorder: true }), { name: 'ConflictError' });
    await assert.rejects(w.care.changeNeed(w.council, id, draft.id, 'no-such-need', { version: 4, description: 'X', relatedToMentalDisorder: true }), { name: 'NotFoundError' });
    const removed = await w.care.removeNeed(w.council, id, draft.id, second?.id ?? '', { version: 4 });
    plan = (await w.care.getCareRecords(w.council, id)).carePlans[0]?.record;
    assert.deepEqual(plan?.needs.map((n) => [n.description, n.relatedToMentalDisorder]), [['Help with benefits', true]]);

    await w.care.agreePlan(w.council, id, draft.id, { version: removed.version, agreedOn: '2026-01-15' });
    const before = await w.auditCount('care_plan.change_need');
    await assert.rejects(w.care.changeNeed(w.council, id, draft.id, first?.id ?? '', { version: removed.version + 1, description: 'Changed', relatedToMentalDisorder: true }), refusedWith('description', /Start a new version/));
    await assert.rejects(w.care.removeNeed(w.council, id, draft.id, first?.id ?? '', { version: removed.version + 1 }), refusedWith('form', /Start a new version/));
    assert.equal(await w.auditCount('care_plan.change_need'), before);
  });
});
