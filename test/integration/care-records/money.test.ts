import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/platform/db/client.ts';
import { ValidationError } from '../../../src/platform/errors.ts';
import { openCareWorld, orgs, refusedWith, type CareWorld } from './support.ts';

let w: CareWorld;
before(async () => {
  w = await openCareWorld();
});
after(() => w.close());

async function planWithNeed(personId: string, dutyId: string) {
  const plan = await w.care.createPlan(w.council, personId, { dutyId, coordinatingFramework: 'CMHF', involved: ['person'] });
  const withNeed = await w.care.addNeed(w.council, personId, plan.id, { version: plan.version, description: 'Supported housing after discharge', relatedToMentalDisorder: true, category: 'accommodation' });
  const view = await w.care.getCareRecords(w.council, personId);
  const needId = view.carePlans[0]?.record.needs[0]?.id ?? '';
  return { planId: plan.id, version: withNeed.version, needId };
}

describe('the charging guard, through the service', () => {
  test('rent on aftercare accommodation is refused with the rule, nothing is written and nothing audited', async () => {
    const { id, dutyId } = await w.person();
    const { needId } = await planWithNeed(id, dutyId);
    const service = await w.care.addService(w.council, id, {
      dutyId, needIds: [needId], description: 'Supported living, Elm House', kind: 'supported_living', providerId: orgs.provider, start: '2025-06-01', status: 'active',
      weeklyCostPence: 120000, aftercare: true, accommodationPlus: { relatedToOriginalCondition: true, enhancedSpecialised: true, reducesRisk: true },
    });
    const charges = await w.count('charges');
    const audits = await w.auditCount('charge.create');
    for (const kind of ['rent', 'housing_benefit_claim', 'contribution']) {
      await assert.rejects(
        w.care.addCharge(w.council, id, { serviceId: service.id, payer: 'person', kind, from: '2025-07-01', weeklyPence: 9000 }),
        (error: unknown) => error instanceof ValidationError && error.issues[0]?.path === 'kind' && /aftercare|housing benefit/.test(error.issues[0].message),
      );
    }
    await assert.rejects(
      w.care.addCharge(w.council, id, { serviceId: service.id, payer: 'person', kind: 'rent', from: '2025-07-01' }),
      refusedWith('kind', /You cannot charge rent for "Supported living, Elm House"\. The accommodation is section 117 aftercare/),
    );
    assert.equal(await w.count('charges'), charges);
    assert.equal(await w.auditCount('charge.create'), audits);
  });

  test('a charge for a service that is not aftercare is written and audited', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Bea', familyName: 'Charged' });
    const { needId } = await planWithNeed(id, dutyId);
    const service = await w.care.addService(w.council, id, { dutyId, needIds: [needId], description: 'Cleaning help', kind: 'care_at_home', status: 'active', start: '2025-06-01', aftercare: false });
    const audits = await w.auditCount('charge.create');
    const charge = await w.care.addCharge(w.council, id, { serviceId: service.id, payer: 'person', kind: 'contribution', from: '2025-07-01', weeklyPence: 1500 });
    assert.equal(charge.version, 1);
    assert.equal(await w.auditCount('charge.create'), audits + 1);
    const view = await w.care.getCareRecords(w.council, id);
    assert.equal(view.charges.find((c) => c.record.id === charge.id)?.guard.refused, false);
    assert.equal(view.services[0]?.classification.conflictsWithRecord, true, 'a service meeting a related need recorded as not aftercare is a conflict');
  });

  test('the top-up guard refuses a top-up nobody chose, and allows a chosen dearer place with a suitable one offered', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Cy', familyName: 'Topup' });
    const service = await w.care.addService(w.council, id, { dutyId, description: 'Care home, Oak Lodge', kind: 'residential_care', status: 'active', start: '2025-06-01', weeklyCostPence: 150000, aftercare: true });
    const topUp = { version: 1, payer: 'person', weeklyPence: 10000, from: '2025-07-01', preferredAccommodationChosen: false, suitableAlternativeOffered: false };
    const audits = await w.auditCount('service.top_up');
    await assert.rejects(w.care.setTopUp(w.council, id, service.id, topUp), (error: unknown) => {
      const paths = (error as ValidationError).issues.map((issue) => issue.path);
      return paths.includes('preferredAccommodationChosen') && paths.includes('suitableAlternativeOffered');
    });
    await assert.rejects(w.care.setTopUp(w.council, id, service.id, { ...topUp, payer: orgs.north, preferredAccommodationChosen: true, suitableAlternativeOffered: true }), refusedWith('payer', /not by the council/));
    assert.equal(await w.auditCount('service.top_up'), audits);
    const saved = await w.care.setTopUp(w.council, id, service.id, { ...topUp, preferredAccommodationChosen: true, suitableAlternativeOffered: true, usualWeeklyCostPence: 130000 });
    assert.equal(saved.version, 2);
    assert.equal(await w.auditCount('service.top_up'), audits + 1);
    const view = await w.care.getCareRecords(w.council, id);
    assert.deepEqual(view.services[0]?.record.topUp, { payer: 'person', weeklyPence: 10000, from: '2025-07-01', preferredAccommodationChosen: true, suitableAlternativeOffered: true });
    // A stale version is a conflict, not an overwrite.
    await assert.rejects(w.care.setTopUp(w.council, id, service.id, { ...topUp, preferredAccommodationChosen: true, suitableAlternativeOffered: true }), { name: 'ConflictError' });
  });

  test('funding shares: each period must total 100%, and the summary splits the cost', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Di', familyName: 'Funded' });
    const service = await w.care.addService(w.council, id, { dutyId, description: 'Day service', kind: 'day_service', status: 'active', start: '2026-01-01', weeklyCostPence: 70000, aftercare: true });
    await assert.rejects(
      w.care.addFundingShare(w.council, id, service.id, { version: 1, from: '2026-01-01', localAuthorityPercent: 60, healthBodyPercent: 30 }),
      refusedWith('healthBodyPercent', /add up to 100%\. They add up to 90%/),
    );
    await w.care.addFundingShare(w.council, id, service.id, { version: 1, from: '2026-01-01', localAuthorityPercent: 50, healthBodyPercent: 50, agreementReference: 'Panel 14 Jan 2026' });
    const view = await w.care.getCareRecords(w.council, id);
    const funding = view.services[0]?.funding;
    assert.equal(funding?.localAuthorityPence, funding?.healthBodyPence);
    assert.equal(view.services[0]?.record.ext?.fundingAgreements && (view.services[0].record.ext.fundingAgreements as Record<string, string>)['2026-01-01'], 'Panel 14 Jan 2026');
  });

  test('the refund calculator: a hand-checked example, then the refund recorded with its method and rate', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Ed', familyName: 'Refunded' });
    const service = await w.care.addService(w.council, id, { dutyId, description: 'Cleaning', kind: 'care_at_home', status: 'active', start: '2025-06-01', aftercare: false });
    const charge = await w.care.addCharge(w.council, id, { serviceId: service.id, payer: 'person', kind: 'contribution', from: '2025-01-01', to: '2025-01-15', weeklyPence: 7000 });
    // Two weeks of £70: paid 1 Jan (365 days held: 7000 × 8% × 365/365 = 560p) and 8 Jan (358 days: 549.26 → 549p).
    const calculation = await w.care.refundCalculation(w.council, id, { refundDate: '2026-01-01' });
    assert.equal(calculation.principalPence, 14000);
    assert.equal(calculation.interestPence, 1109);
    assert.equal(calculation.totalPence, 15109);
    assert.deepEqual(calculation.periods[0]?.instalments.map((i) => [i.paidOn, i.daysHeld, i.interestPence]), [['2025-01-01', 365, 560], ['2025-01-08', 358, 549]]);
    const weekly = await w.care.refundCalculation(w.council, id, { refundDate: '2026-01-01', method: 'simple_weekly', annualRatePercent: 5 });
    // 52 whole weeks: 7000 × 5% × 52/52 = 350p; 51 whole weeks: 7000 × 5% × 51/52 = 343.27 → 343p.
    assert.equal(weekly.interestPence, 693);

    await w.care.recordRefund(w.council, id, charge.id, { version: 1, refundDate: '2026-01-01' });
    const view = await w.care.getCareRecords(w.council, id);
    const refunded = view.charges.find((c) => c.record.id === charge.id)?.record;
    assert.deepEqual(refunded?.refund, { date: '2026-01-01', pence: 14000, interestPence: 1109 });
    assert.equal((refunded?.ext?.refundTerms as { method: string }).method, 'simple_daily');
    await assert.rejects(w.care.recordRefund(w.council, id, charge.id, { version: 2, refundDate: '2026-01-01' }), refusedWith('refundDate', /already recorded/));
  });

  test('payment offers: the prompt until both are offered, then the answer recorded', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Fay', familyName: 'Offered' });
    let view = await w.care.getCareRecords(w.council, id);
    assert.deepEqual(view.duties[0]?.offerPrompt?.notOffered, ['direct_payment', 'personal_health_budget']);
    const offer = await w.care.addPaymentOffer(w.council, id, { dutyId, kind: 'personal_health_budget', offeredOn: '2026-02-01' });
    await w.care.addPaymentOffer(w.council, id, { dutyId, kind: 'direct_payment', offeredOn: '2026-02-01', weeklyPence: 20000 });
    await w.care.recordOfferResponse(w.council, id, offer.id, { version: 1, response: 'declined', respondedOn: '2026-02-10', reviewOn: '2026-08-10' });
    view = await w.care.getCareRecords(w.council, id);
    assert.equal(view.duties[0]?.offerPrompt?.prompt, false);
    assert.equal(view.paymentOffers.find((o) => o.record.id === offer.id)?.record.response, 'declined');
  });

  test('changing and ending a service: audited, version bumped, a stale version is a conflict', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Gil', familyName: 'Changed' });
    const { needId } = await planWithNeed(id, dutyId);
    const service = await w.care.addService(w.council, id, { dutyId, needIds: [needId], description: 'Supported living, Ash Court', kind: 'supported_living', status: 'active', start: '2025-06-01', weeklyCostPence: 90000, aftercare: false });
    const charge = await w.care.addCharge(w.council, id, { serviceId: service.id, payer: 'person', kind: 'rent', from: '2025-07-01', weeklyPence: 9000 });
    const audits = await w.auditCount('service.update');
    const changed = await w.care.changeService(w.council, id, service.id, {
      version: 1, description: 'Supported living, Ash Court (flat 2)', kind: 'supported_living', providerId: orgs.provider, start: '2025-06-01', status: 'active', weeklyCostPence: 95000,
      aftercare: true, classificationReason: 'Meets the accommodation-plus test', accommodationPlus: { relatedToOriginalCondition: true, enhancedSpecialised: true, reducesRisk: true },
    });
    assert.equal(changed.version, 2);
    assert.equal(await w.auditCount('service.update'), audits + 1);
    assert.equal(changed.classification.suggested, 'aftercare');
    assert.deepEqual(changed.chargesToRefund.map((c) => c.chargeId), [charge.id], 'the charge is kept and listed to refund');
    assert.match(changed.chargesToRefund[0]?.warning ?? '', /^Must be refunded/);
    let view = await w.care.getCareRecords(w.council, id);
    assert.equal(view.charges.find((c) => c.record.id === charge.id)?.guard.refused, true);
    assert.equal(view.services[0]?.record.weeklyCostPence, 95000);
    await assert.rejects(w.care.changeService(w.council, id, service.id, { version: 1, description: 'Stale', kind: 'supported_living', status: 'active', aftercare: true }), { name: 'ConflictError' });

    const ends = await w.auditCount('service.end');
    await assert.rejects(w.care.endService(w.council, id, service.id, { version: 2, end: '2025-05-31' }), refusedWith('end', /on or after the date it started/));
    assert.equal(await w.auditCount('service.end'), ends, 'a refused end writes nothing');
    view = await w.care.getCareRecords(w.council, id);
    assert.equal(view.services[0]?.version, 2);
    const ended = await w.care.endService(w.council, id, service.id, { version: 2, end: '2026-02-28' });
    assert.equal(ended.version, 3);
    assert.equal(await w.auditCount('service.end'), ends + 1);
    view = await w.care.getCareRecords(w.council, id);
    assert.equal(view.services[0]?.record.status, 'ended');
    assert.equal(view.services[0]?.record.end, '2026-02-28');
    await assert.rejects(w.care.endService(w.council, id, service.id, { version: 2, end: '2026-02-28' }), { name: 'ConflictError' });
  });

  test('ending a charge is allowed even where the guard would refuse it now; to before from is refused', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Hal', familyName: 'Ended' });
    const service = await w.care.addService(w.council, id, { dutyId, description: 'Cleaning', kind: 'care_at_home', status: 'active', start: '2025-06-01', aftercare: false });
    const charge = await w.care.addCharge(w.council, id, { serviceId: service.id, payer: 'person', kind: 'contribution', from: '2025-07-01', weeklyPence: 1500 });
    await w.care.changeService(w.council, id, service.id, { version: 1, description: 'Cleaning', kind: 'care_at_home', status: 'active', start: '2025-06-01', aftercare: true });
    await assert.rejects(w.care.endCharge(w.council, id, charge.id, { version: 1, to: '2025-06-30' }), refusedWith('to', /on or after the date it starts/));
    const audits = await w.auditCount('charge.end');
    const ended = await w.care.endCharge(w.council, id, charge.id, { version: 1, to: '2025-12-31' });
    assert.equal(ended.version, 2);
    assert.equal(await w.auditCount('charge.end'), audits + 1);
    const view = await w.care.getCareRecords(w.council, id);
    assert.equal(view.charges.find((c) => c.record.id === charge.id)?.record.to, '2025-12-31');
  });

  test('a charge on aftercare during a duty the law gives but the register shows as ended is refused; outside any duty it is allowed', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Ivy', familyName: 'Unrecorded' });
    const service = await w.care.addService(w.council, id, { dutyId, description: 'Day centre', kind: 'day_service', status: 'active', start: '2025-06-01', aftercare: true });
    // Recorded as ended with no joint decision: the law says the duty goes on (END-01).
    await w.register.endDuty(w.council, id, dutyId, { end: '2025-09-01', endReason: 'other', version: 1 });
    const before = await w.count('charges');
    await assert.rejects(
      w.care.addCharge(w.council, id, { serviceId: service.id, payer: 'person', kind: 'contribution', from: '2025-10-01', weeklyPence: 2000 }),
      refusedWith('kind', /aftercare must be free\. No section 117 duty is recorded for these dates, but the law gives the person one from 1 June 2025/),
    );
    assert.equal(await w.count('charges'), before, 'nothing written');
    // Before the person left hospital there was no duty, recorded or by law: the charge is allowed.
    const earlier = await w.care.addCharge(w.council, id, { serviceId: service.id, payer: 'person', kind: 'contribution', from: '2025-02-01', to: '2025-03-01', weeklyPence: 2000 });
    assert.equal(earlier.version, 1);
    const view = await w.care.getCareRecords(w.council, id);
    assert.equal(view.charges.find((c) => c.record.id === earlier.id)?.guard.refused, false);
  });

  test('changing a service rewrites ext: a cleared reason leaves no empty ext, and the audit keeps what it was', async () => {
    const { id, dutyId } = await w.person({ givenName: 'Jo', familyName: 'Reasoned' });
    const service = await w.care.addService(w.council, id, { dutyId, description: 'Gym', kind: 'other', status: 'active', aftercare: false, classificationReason: 'Not related to the disorder' });
    await w.care.changeService(w.council, id, service.id, { version: 1, description: 'Gym', kind: 'other', status: 'active', aftercare: false });
    const view = await w.care.getCareRecords(w.council, id);
    assert.equal(view.services[0]?.record.ext, undefined);
    const [event] = rowsOf<{ before: { ext?: Record<string, unknown> }; after: { ext?: unknown } }>(
      await w.db.execute(sql`select before, after from audit_event where action = 'service.update' and person_id = ${id}`),
    );
    assert.deepEqual(event?.before.ext, { classificationReason: 'Not related to the disorder' });
    assert.equal(event?.after.ext, undefined);
  });
});
