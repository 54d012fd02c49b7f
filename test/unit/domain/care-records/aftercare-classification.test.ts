import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyService, isAccommodationService } from '../../../../src/domain/care-records/aftercare-classification.ts';
import type { Need, Service } from '../../../../src/domain/case-file/schema.ts';

const needs: Need[] = [
  { id: 'n-acc', description: 'Somewhere safe to live with staff on site', relatedToMentalDisorder: true, category: 'accommodation' },
  { id: 'n-mh', description: 'Help to take medication', relatedToMentalDisorder: true, category: 'mental_health' },
  { id: 'n-phys', description: 'Help with mobility after a stroke', relatedToMentalDisorder: false, category: 'personal_care' },
];
type Classified = Pick<Service, 'kind' | 'needIds' | 'aftercare' | 'accommodationPlus'>;
const yes = { enhancedSpecialised: true, relatedToOriginalCondition: true, reducesRisk: true };

test('accommodation: suggestion, conflict and the alert condition (SERV-04)', () => {
  const cases: [string, Classified, string, boolean, boolean][] = [
    // name, service, suggested, conflictsWithRecord, classificationUnclear (alert)
    ['all three yes, recorded aftercare', { kind: 'supported_living', needIds: ['n-acc'], aftercare: true, accommodationPlus: yes }, 'aftercare', false, false],
    ['all three yes, recorded not aftercare', { kind: 'supported_living', needIds: ['n-acc'], aftercare: false, accommodationPlus: yes }, 'aftercare', true, true],
    ['one no, recorded aftercare', { kind: 'residential_care', needIds: ['n-acc'], aftercare: true, accommodationPlus: { ...yes, enhancedSpecialised: false } }, 'not_aftercare', true, true],
    ['one no, recorded not aftercare', { kind: 'accommodation', needIds: ['n-acc'], aftercare: false, accommodationPlus: { ...yes, reducesRisk: false } }, 'not_aftercare', false, false],
    ['one unanswered, recorded aftercare', { kind: 'nursing_care', needIds: ['n-acc'], aftercare: true, accommodationPlus: { enhancedSpecialised: true, reducesRisk: true } }, 'undecided', false, true],
    ['none answered, recorded not aftercare', { kind: 'nursing_care', needIds: ['n-acc'], aftercare: false }, 'undecided', false, false],
    ['all yes, linked to no need yet (SERV-06 asks for the link)', { kind: 'accommodation', needIds: [], aftercare: true, accommodationPlus: yes }, 'aftercare', false, false],
    ['all yes, linked only to a need not related to the disorder', { kind: 'supported_living', needIds: ['n-phys'], aftercare: true, accommodationPlus: yes }, 'undecided', false, false],
  ];
  for (const [name, service, suggested, conflict, unclear] of cases) {
    const advice = classifyService(service, needs);
    assert.equal(advice.suggested, suggested, name);
    assert.equal(advice.conflictsWithRecord, conflict, name);
    assert.equal(advice.classificationUnclear, unclear, name);
    assert.ok(advice.reasons.length > 0, name);
  }
});

test('accommodation: the reasons name the missing questions and the rule', () => {
  const advice = classifyService({ kind: 'supported_living', needIds: ['n-acc'], aftercare: true, accommodationPlus: { reducesRisk: true } }, needs);
  assert.deepEqual(advice.reasons.map((r) => [r.ruleId, r.field]), [
    ['SERV-04', 'accommodationPlus.relatedToOriginalCondition'],
    ['SERV-04', 'accommodationPlus.enhancedSpecialised'],
  ]);
  const no = classifyService({ kind: 'supported_living', needIds: ['n-acc'], aftercare: true, accommodationPlus: { ...yes, enhancedSpecialised: false } }, needs);
  assert.match(no.reasons[0]?.reason ?? '', /answer is no to: Is it enhanced, specialised accommodation/);
  assert.match(no.reasons[1]?.reason ?? '', /recorded as aftercare, but the answers above say it is not/);
});

test('other services: from the needs they meet (SERV-01, SERV-06)', () => {
  const cases: [string, Classified, string, boolean, string[]][] = [
    ['meets a related need, recorded aftercare', { kind: 'community_mental_health', needIds: ['n-mh'], aftercare: true }, 'aftercare', false, ['SERV-01']],
    ['meets a related and an unrelated need', { kind: 'care_at_home', needIds: ['n-mh', 'n-phys'], aftercare: false }, 'aftercare', true, ['SERV-01', 'SERV-01']],
    ['meets only an unrelated need, recorded not aftercare', { kind: 'care_at_home', needIds: ['n-phys'], aftercare: false }, 'not_aftercare', false, ['SERV-01']],
    ['meets only an unrelated need, recorded aftercare', { kind: 'care_at_home', needIds: ['n-phys'], aftercare: true }, 'not_aftercare', true, ['SERV-01', 'SERV-01']],
    ['linked to no need', { kind: 'day_service', needIds: [], aftercare: true }, 'undecided', false, ['SERV-06']],
    ['linked to a need id not in the plan', { kind: 'day_service', needIds: ['gone'], aftercare: true }, 'undecided', false, ['SERV-06']],
  ];
  for (const [name, service, suggested, conflict, ruleIds] of cases) {
    const advice = classifyService(service, needs);
    assert.equal(advice.suggested, suggested, name);
    assert.equal(advice.conflictsWithRecord, conflict, name);
    assert.equal(advice.classificationUnclear, false, name); // the alert only concerns accommodation
    assert.deepEqual(advice.reasons.map((r) => r.ruleId), ruleIds, name);
  }
});

test('isAccommodationService: the four accommodation-type kinds', () => {
  const kinds: [Service['kind'], boolean][] = [
    ['accommodation', true], ['supported_living', true], ['residential_care', true], ['nursing_care', true],
    ['care_at_home', false], ['day_service', false], ['other', false],
  ];
  for (const [kind, expected] of kinds) assert.equal(isAccommodationService({ kind }), expected, kind);
});
