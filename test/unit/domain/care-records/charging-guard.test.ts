import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkChargeAllowed, type ChargeRequest } from '../../../../src/domain/care-records/charging-guard.ts';
import type { Charge, Service } from '../../../../src/domain/case-file/schema.ts';

const supportedLiving: Pick<Service, 'description' | 'kind' | 'aftercare'> = { description: 'Oak House supported living', kind: 'supported_living', aftercare: true };
const dayService: Pick<Service, 'description' | 'kind' | 'aftercare'> = { description: 'Riverside day centre', kind: 'day_service', aftercare: true };
const careAtHome: Pick<Service, 'description' | 'kind' | 'aftercare'> = { description: 'Help with washing', kind: 'care_at_home', aftercare: false };
const activeDuty = [{ start: '2025-06-01' }];
const charge = (kind: Charge['kind'], from = '2025-07-01', to?: string): ChargeRequest['charge'] => ({ kind, from, to });

test('charging guard: refusals on aftercare (SERV-05, SERV-04)', () => {
  const cases: [string, ChargeRequest, string, RegExp][] = [
    ['contribution on aftercare', { charge: charge('contribution'), service: dayService, activeDutyPeriods: activeDuty }, 'SERV-05', /cannot ask for a contribution towards "Riverside day centre".*must be free/],
    ['other charge on aftercare', { charge: charge('other'), service: dayService, activeDutyPeriods: activeDuty }, 'SERV-05', /cannot charge for "Riverside day centre"/],
    ['contribution on aftercare accommodation', { charge: charge('contribution'), service: supportedLiving, activeDutyPeriods: activeDuty }, 'SERV-05', /must be free/],
    ['rent on aftercare accommodation', { charge: charge('rent'), service: supportedLiving, activeDutyPeriods: activeDuty }, 'SERV-04', /cannot charge rent for "Oak House supported living"/],
    ['service charge on aftercare accommodation', { charge: charge('service_charge'), service: supportedLiving, activeDutyPeriods: activeDuty }, 'SERV-04', /cannot charge a service charge/],
    ['housing benefit claim on aftercare accommodation', { charge: charge('housing_benefit_claim'), service: supportedLiving, activeDutyPeriods: activeDuty }, 'SERV-04', /Do not ask the person to claim housing benefit/],
    ['charge starting before the duty and running into it', { charge: charge('contribution', '2025-05-01', '2025-06-02'), service: dayService, activeDutyPeriods: activeDuty }, 'SERV-05', /must be free/],
    ['open-ended charge against a duty that ended later', { charge: charge('rent', '2024-01-01'), service: supportedLiving, activeDutyPeriods: [{ start: '2025-06-01', end: '2025-09-01' }] }, 'SERV-04', /council and the health body must pay/],
  ];
  for (const [name, request, ruleId, message] of cases) {
    const verdict = checkChargeAllowed(request);
    assert.equal(verdict.allowed, false, name);
    assert.equal(verdict.reasons.length, 1, name);
    assert.equal(verdict.reasons[0]?.ruleId, ruleId, name);
    assert.equal(verdict.reasons[0]?.field, 'kind', name);
    assert.match(verdict.reasons[0]?.reason ?? '', message, name);
  }
});

test('charging guard: allowed, with the reason it may be charged', () => {
  const cases: [string, ChargeRequest, string, RegExp][] = [
    ['contribution on a service that is not aftercare', { charge: charge('contribution'), service: careAtHome, activeDutyPeriods: activeDuty }, 'SERV-06', /not classified as section 117 aftercare.*Care Act financial assessment/],
    ['charge for no service', { charge: charge('contribution'), activeDutyPeriods: activeDuty }, 'SERV-06', /not for a service in the aftercare plan/],
    ['charge only before the duty started (half-open: to = duty start)', { charge: charge('contribution', '2025-05-01', '2025-06-01'), service: dayService, activeDutyPeriods: activeDuty }, 'SERV-05', /no section 117 duty/],
    ['charge only after the duty ended', { charge: charge('rent', '2025-09-01'), service: supportedLiving, activeDutyPeriods: [{ start: '2025-06-01', end: '2025-09-01' }] }, 'SERV-05', /no section 117 duty/],
    ['rent linked to aftercare that is not accommodation', { charge: charge('rent'), service: dayService, activeDutyPeriods: activeDuty }, 'SERV-04', /not accommodation/],
  ];
  for (const [name, request, ruleId, message] of cases) {
    const verdict = checkChargeAllowed(request);
    assert.equal(verdict.allowed, true, name);
    assert.equal(verdict.reasons[0]?.ruleId, ruleId, name);
    assert.match(verdict.reasons[0]?.reason ?? '', message, name);
  }
});

test('charging guard: the request has no override', () => {
  const request = { charge: charge('rent'), service: supportedLiving, activeDutyPeriods: activeDuty, override: true } as ChargeRequest;
  assert.equal(checkChargeAllowed(request).allowed, false);
});

test('charging guard: a duty only the law gives refuses the charge too, with the same rule and where the duty comes from', () => {
  const lawOnly = [{ start: '2025-06-01', end: '2025-09-01', source: 'recorded' as const }, { start: '2025-06-01', source: 'law' as const }];
  const refused = checkChargeAllowed({ charge: charge('contribution', '2025-10-01'), service: dayService, activeDutyPeriods: lawOnly });
  assert.equal(refused.allowed, false);
  assert.equal(refused.reasons[0]?.ruleId, 'SERV-05');
  assert.match(refused.reasons[0]?.reason ?? '', /^You cannot ask for a contribution towards "Riverside day centre"\. It is section 117 aftercare, and aftercare must be free\. No section 117 duty is recorded for these dates, but the law gives the person one from 1 June 2025\. Record the duty on the register\.$/);
  const rent = checkChargeAllowed({ charge: charge('rent', '2025-10-01'), service: supportedLiving, activeDutyPeriods: lawOnly });
  assert.equal(rent.reasons[0]?.ruleId, 'SERV-04');
  assert.match(rent.reasons[0]?.reason ?? '', /law gives the person one from 1 June 2025/);
  // Where a recorded duty covers the dates, the message is the plain one.
  const recorded = checkChargeAllowed({ charge: charge('contribution', '2025-07-01'), service: dayService, activeDutyPeriods: lawOnly });
  assert.equal(recorded.allowed, false);
  assert.doesNotMatch(recorded.reasons[0]?.reason ?? '', /law gives/);
  // Neither recorded nor by law: allowed.
  const none = checkChargeAllowed({ charge: charge('contribution', '2025-01-01', '2025-06-01'), service: dayService, activeDutyPeriods: lawOnly });
  assert.equal(none.allowed, true);
});
