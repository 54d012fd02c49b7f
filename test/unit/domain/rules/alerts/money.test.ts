import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Charge, Service } from '../../../../../src/domain/case-file/schema.ts';
import {
  alertsOn,
  assertNotRaised,
  assertRaisedFrom,
  caseWithDuty,
  detention,
  emptyCaseFile,
  lawDuty,
  lawOf,
} from './support.ts';

const supportedLiving = (overrides: Partial<Service> = {}): Service => ({
  id: 's1',
  dutyId: 'du1',
  needIds: [],
  description: 'Supported flat',
  kind: 'supported_living',
  start: '2024-02-01',
  status: 'active',
  aftercare: true,
  accommodationPlus: { enhancedSpecialised: true, relatedToOriginalCondition: true, reducesRisk: true },
  ...overrides,
});

describe('accommodation-classification-unclear', () => {
  test('aftercare accommodation with an accommodation-plus answer missing: raised from the service start', () => {
    const file = caseWithDuty({
      services: [
        supportedLiving({
          accommodationPlus: { enhancedSpecialised: true, relatedToOriginalCondition: true },
        }),
      ],
    });
    assertRaisedFrom(file, 'accommodation-classification-unclear', '2024-02-01', {
      since: '2024-02-01',
      subjectId: 's1',
      subjectKind: 'service',
    });
  });

  test('not aftercare while all three answers are yes: raised', () => {
    assertRaisedFrom(
      caseWithDuty({ services: [supportedLiving({ aftercare: false })] }),
      'accommodation-classification-unclear',
      '2024-02-01',
      { since: '2024-02-01', subjectId: 's1' },
    );
  });

  test('consistent answers put it right; other kinds of service are not looked at', () => {
    assertNotRaised(
      caseWithDuty({ services: [supportedLiving()] }),
      'accommodation-classification-unclear',
      '2024-03-01',
    );
    assertNotRaised(
      caseWithDuty({ services: [supportedLiving({ kind: 'day_service', accommodationPlus: {} })] }),
      'accommodation-classification-unclear',
      '2024-03-01',
    );
  });
});

const charge = (overrides: Partial<Charge> = {}): Charge => ({
  id: 'ch1',
  serviceId: 's1',
  payer: 'person',
  kind: 'contribution',
  from: '2024-03-01',
  weeklyPence: 4500,
  ...overrides,
});
const homeCare: Service = {
  id: 's1',
  dutyId: 'du1',
  needIds: [],
  description: 'Home care',
  kind: 'care_at_home',
  start: '2024-02-01',
  status: 'active',
  aftercare: true,
};

describe('aftercare-charged', () => {
  test('a contribution for an aftercare service during a duty: raised from the charge start', () => {
    const alert = assertRaisedFrom(
      caseWithDuty({ services: [homeCare], charges: [charge()] }),
      'aftercare-charged',
      '2024-03-01',
      { since: '2024-03-01', subjectId: 'ch1', subjectKind: 'charge' },
    );
    assert.match(alert.message, /£45 a week/);
  });

  test('a refund puts it right', () => {
    const file = caseWithDuty({
      services: [homeCare],
      charges: [charge({ to: '2024-04-01', refund: { date: '2024-05-01', pence: 18000 } })],
    });
    assert.equal(alertsOn(file, '2024-04-30', 'aftercare-charged').length, 1);
    assertNotRaised(file, 'aftercare-charged', '2024-05-01');
  });

  test('a duty the law gives counts even if none is registered', () => {
    const file = emptyCaseFile({ detentions: [detention()], services: [homeCare], charges: [charge()] });
    assertNotRaised(file, 'aftercare-charged', '2024-03-05');
    assert.equal(alertsOn(file, '2024-03-05', 'aftercare-charged', { law: lawOf(lawDuty()) }).length, 1);
  });

  test('a charge that ended before the duty began, or on a service not classed as aftercare, is not raised', () => {
    assertNotRaised(
      caseWithDuty({ services: [homeCare], charges: [charge({ from: '2023-11-01', to: '2024-01-08' })] }),
      'aftercare-charged',
      '2024-03-05',
    );
    assertNotRaised(
      caseWithDuty({ services: [{ ...homeCare, aftercare: false }], charges: [charge()] }),
      'aftercare-charged',
      '2024-03-05',
    );
  });

  test('a charge during a duty that has since ended is still raised', () => {
    const file = caseWithDuty(
      { services: [homeCare], charges: [charge({ to: '2024-04-01' })] },
      { end: '2024-06-03', endReason: 'joint_decision' },
    );
    assert.equal(alertsOn(file, '2024-07-01', 'aftercare-charged').length, 1);
  });
});

describe('aftercare-rent-charged', () => {
  test('rent for aftercare accommodation: raised from the charge start', () => {
    assertRaisedFrom(
      caseWithDuty({ services: [supportedLiving()], charges: [charge({ kind: 'rent' })] }),
      'aftercare-rent-charged',
      '2024-03-01',
      { since: '2024-03-01', subjectId: 'ch1' },
    );
  });

  test('a housing benefit claim counts; a refund puts it right', () => {
    assert.equal(
      alertsOn(
        caseWithDuty({ services: [supportedLiving()], charges: [charge({ kind: 'housing_benefit_claim' })] }),
        '2024-03-05',
        'aftercare-rent-charged',
      ).length,
      1,
    );
    assertNotRaised(
      caseWithDuty({
        services: [supportedLiving()],
        charges: [charge({ kind: 'rent', refund: { date: '2024-03-04', pence: 100 } })],
      }),
      'aftercare-rent-charged',
      '2024-03-05',
    );
  });

  test('rent on a service that is not accommodation, or not aftercare, is not raised', () => {
    assertNotRaised(
      caseWithDuty({ services: [homeCare], charges: [charge({ kind: 'rent' })] }),
      'aftercare-rent-charged',
      '2024-03-05',
    );
    assertNotRaised(
      caseWithDuty({
        services: [supportedLiving({ aftercare: false })],
        charges: [charge({ kind: 'rent' })],
      }),
      'aftercare-rent-charged',
      '2024-03-05',
    );
  });
});

describe('top-up-without-choice', () => {
  const topUp = {
    payer: 'c1',
    weeklyPence: 15000,
    from: '2024-03-01',
    preferredAccommodationChosen: true,
    suitableAlternativeOffered: false,
  };
  const careHome = (overrides: Partial<Service> = {}) =>
    supportedLiving({ kind: 'residential_care', description: 'Home X', topUp, ...overrides });

  test('raised from the top-up start when no suitable alternative was offered', () => {
    const alert = assertRaisedFrom(
      caseWithDuty({ services: [careHome()] }),
      'top-up-without-choice',
      '2024-03-01',
      { since: '2024-03-01', subjectId: 's1', subjectKind: 'service' },
    );
    assert.match(alert.message, /suitable setting was offered/);
  });

  test('both answers put it right; an ended top-up is not raised', () => {
    assertNotRaised(
      caseWithDuty({ services: [careHome({ topUp: { ...topUp, suitableAlternativeOffered: true } })] }),
      'top-up-without-choice',
      '2024-03-05',
    );
    assertNotRaised(
      caseWithDuty({ services: [careHome({ topUp: { ...topUp, to: '2024-03-05' } })] }),
      'top-up-without-choice',
      '2024-03-05',
    );
  });
});

describe('personal-budget-not-offered', () => {
  const plan = { id: 'cp1', dutyId: 'du1', status: 'agreed' as const, agreedOn: '2024-01-10', needs: [] };

  test('raised 28 days after the first plan was agreed, about that plan', () => {
    assertRaisedFrom(
      caseWithDuty({ carePlans: [plan, { ...plan, id: 'cp2', agreedOn: '2024-01-20' }] }),
      'personal-budget-not-offered',
      '2024-02-07',
      { since: '2024-02-07', subjectId: 'cp1', subjectKind: 'carePlan' },
    );
  });

  test('an offer, however late, puts it right; one made before the duty and plan does not', () => {
    const offer = {
      id: 'po1',
      dutyId: 'du1',
      kind: 'personal_health_budget' as const,
      offeredOn: '2024-03-01',
      response: 'pending' as const,
    };
    assertNotRaised(
      caseWithDuty({ carePlans: [plan], paymentOffers: [offer] }),
      'personal-budget-not-offered',
      '2024-03-01',
    );
    assert.equal(
      alertsOn(
        caseWithDuty({ carePlans: [plan], paymentOffers: [{ ...offer, offeredOn: '2023-12-01' }] }),
        '2024-03-01',
        'personal-budget-not-offered',
      ).length,
      1,
    );
  });
});

describe('declined-offer-not-revisited', () => {
  const declined = {
    id: 'po1',
    dutyId: 'du1',
    kind: 'direct_payment' as const,
    offeredOn: '2024-02-01',
    response: 'declined' as const,
    respondedOn: '2024-02-05',
    reviewOn: '2024-08-01',
  };

  test('raised once reviewOn has passed, about the offer', () => {
    assertRaisedFrom(
      caseWithDuty({ paymentOffers: [declined] }),
      'declined-offer-not-revisited',
      '2024-08-02',
      { since: '2024-08-01', subjectId: 'po1', subjectKind: 'paymentOffer' },
    );
  });

  test('a later offer puts it right', () => {
    const again = {
      id: 'po2',
      dutyId: 'du1',
      kind: 'personal_health_budget' as const,
      offeredOn: '2024-08-10',
      response: 'pending' as const,
    };
    assertNotRaised(
      caseWithDuty({ paymentOffers: [declined, again] }),
      'declined-offer-not-revisited',
      '2024-08-10',
    );
  });
});
