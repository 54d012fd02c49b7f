import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatPounds } from '../../../../src/domain/care-records/wording.ts';
import { checkTopUpAllowed, type TopUpRequest } from '../../../../src/domain/care-records/top-up-guard.ts';

// TC-17: aged 70, usual cost £1,200 a week, prefers Home X at £1,350 a week; £150 a week extra.
const tc17: TopUpRequest = {
  topUp: { payer: 'person', weeklyPence: 15_000, from: '2025-04-01', preferredAccommodationChosen: true, suitableAlternativeOffered: true },
  service: { description: 'Home X nursing care', kind: 'nursing_care', aftercare: true, weeklyCostPence: 135_000 },
  dateOfBirth: '1955-02-10',
  responsibleBodyIds: ['la-a', 'icb-a'],
  usualWeeklyCostPence: 120_000,
};
const withTopUp = (change: Partial<TopUpRequest['topUp']>): TopUpRequest => ({ ...tc17, topUp: { ...tc17.topUp, ...change } });

test('top-up guard: TC-17 allowed for the person or a third party (SERV-08)', () => {
  for (const payer of ['person', 'daughter-contact']) {
    const verdict = checkTopUpAllowed(withTopUp({ payer }));
    assert.equal(verdict.allowed, true, payer);
    assert.equal(verdict.reasons[0]?.ruleId, 'SERV-08');
    assert.match(verdict.reasons[0]?.reason ?? '', /chose "Home X nursing care"/);
  }
  // less than the extra cost is fine too (the rest may come from another payer)
  assert.equal(checkTopUpAllowed(withTopUp({ weeklyPence: 10_000 })).allowed, true);
  // without a known usual rate the amount is not checked
  assert.equal(checkTopUpAllowed({ ...tc17, usualWeeklyCostPence: undefined, topUp: { ...tc17.topUp, weeklyPence: 50_000 } }).allowed, true);
});

test('top-up guard: each refusal with its rule and field', () => {
  const cases: [string, TopUpRequest, string, string, RegExp][] = [
    ['not a preferred setting', withTopUp({ preferredAccommodationChosen: false }), 'SERV-09', 'topUp.preferredAccommodationChosen', /chose a place that costs more/],
    ['no suitable place offered at the usual rate', withTopUp({ suitableAlternativeOffered: false }), 'SERV-09', 'topUp.suitableAlternativeOffered', /must pay the full cost/],
    ['council as payer', withTopUp({ payer: 'la-a' }), 'SERV-08', 'topUp.payer', /not by the council or the health body/],
    ['health body as payer', withTopUp({ payer: 'icb-a' }), 'SERV-08', 'topUp.payer', /not by the council/],
    ['no amount', withTopUp({ weeklyPence: 0 }), 'SERV-08', 'topUp.weeklyPence', /weekly top-up amount/],
    ['ends before it starts', withTopUp({ to: '2025-04-01' }), 'SERV-08', 'topUp.to', /must be after/],
    ['more than the extra cost (TC-17: £150)', withTopUp({ weeklyPence: 15_001 }), 'SERV-05', 'topUp.weeklyPence', /no more than the extra cost of £150 a week/],
    ['home costs no more than the usual rate', { ...tc17, usualWeeklyCostPence: 135_000 }, 'SERV-09', 'topUp', /costs no more than the authority usually pays/],
    ['TC-20: a 15-year-old', { ...tc17, dateOfBirth: '2010-01-01' }, 'SERV-07', 'topUp.from', /under 18/],
    ['the day before the 18th birthday', { ...tc17, dateOfBirth: '2007-04-02' }, 'SERV-07', 'topUp.from', /under 18/],
    ['no date of birth', { ...tc17, dateOfBirth: undefined }, 'SERV-07', 'dateOfBirth', /date of birth/],
    ['aftercare that is not accommodation', { ...tc17, service: { ...tc17.service, kind: 'day_service' } }, 'SERV-05', 'topUp', /must be free/],
  ];
  for (const [name, request, ruleId, field, message] of cases) {
    const verdict = checkTopUpAllowed(request);
    assert.equal(verdict.allowed, false, name);
    assert.deepEqual(verdict.reasons.map((r) => [r.ruleId, r.field]), [[ruleId, field]], name);
    assert.match(verdict.reasons[0]?.reason ?? '', message, name);
  }
});

test('top-up guard: 18th birthday on the start date is allowed', () => {
  assert.equal(checkTopUpAllowed({ ...tc17, dateOfBirth: '2007-04-01' }).allowed, true);
});

test('top-up guard: every refusal is listed at once', () => {
  const verdict = checkTopUpAllowed({ ...withTopUp({ preferredAccommodationChosen: false, suitableAlternativeOffered: false, payer: 'la-a' }), dateOfBirth: undefined });
  assert.equal(verdict.allowed, false);
  assert.deepEqual(verdict.reasons.map((r) => r.field), ['dateOfBirth', 'topUp.preferredAccommodationChosen', 'topUp.suitableAlternativeOffered', 'topUp.payer']);
});

test('top-up guard: services that are not aftercare are outside these rules', () => {
  const verdict = checkTopUpAllowed({ ...tc17, service: { ...tc17.service, aftercare: false }, topUp: { ...tc17.topUp, preferredAccommodationChosen: false } });
  assert.equal(verdict.allowed, true);
  assert.match(verdict.reasons[0]?.reason ?? '', /Care Act rules/);
});

test('formatPounds and formatDate', () => {
  assert.equal(formatDate('2025-04-01'), '1 April 2025');
  assert.equal(formatDate('2026-12-31'), '31 December 2026');
  assert.equal(formatPounds(15_000), '£150');
  assert.equal(formatPounds(12_345_678), '£123,456.78');
  assert.equal(formatPounds(5), '£0.05');
});
