import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dayBefore, gpRegistrationOn, lastIndexBefore, overlaps, residenceOn } from '../../../../../src/domain/rules/law/history.ts';
import { gp, residence } from './case-file-builder.ts';

describe('reading histories of half-open periods', () => {
  const residences = [residence('2020-01-01', '2021-01-01', 'own_home', 'la-a'), residence('2021-01-01', undefined, 'own_home', 'la-b')];

  it('finds the last period that began strictly before a date', () => {
    assert.equal(lastIndexBefore(residences, '2020-01-01'), -1);
    assert.equal(lastIndexBefore(residences, '2021-01-01'), 0);
    assert.equal(lastIndexBefore(residences, '2030-01-01'), 1);
  });

  it('reads the residence in force on a date: the next period starts on the day the last one ends', () => {
    assert.equal(residenceOn(residences, '2019-12-31'), null);
    assert.equal(residenceOn(residences, '2020-12-31')?.localAuthorityId, 'la-a');
    assert.equal(residenceOn(residences, '2021-01-01')?.localAuthorityId, 'la-b');
  });

  it('reads the GP registration in force on a date, and none in a gap', () => {
    const registrations = [gp('2020-01-01', '2020-06-01', 'icb-a'), gp('2020-07-01', undefined, 'icb-b')];
    assert.equal(gpRegistrationOn(registrations, '2020-05-31')?.healthBodyId, 'icb-a');
    assert.equal(gpRegistrationOn(registrations, '2020-06-15'), null);
    assert.equal(gpRegistrationOn(registrations, '2020-07-01')?.healthBodyId, 'icb-b');
  });

  it('tests overlap with a duty, open duties running to asOf', () => {
    const period = residence('2024-05-01', '2024-06-01', 'prison');
    assert.equal(overlaps(period, '2024-06-01', undefined, '2025-01-01'), false);
    assert.equal(overlaps(period, '2024-01-01', '2024-05-01', '2025-01-01'), false);
    assert.equal(overlaps(period, '2024-01-01', '2024-05-02', '2025-01-01'), true);
    assert.equal(overlaps(period, '2024-01-01', undefined, '2024-04-30'), false);
  });

  it('gives the day before across months, years and leap days', () => {
    assert.deepEqual(['2025-01-10', '2025-03-01', '2024-03-01', '2025-01-01', '2025-05-02'].map(dayBefore), ['2025-01-09', '2025-02-28', '2024-02-29', '2024-12-31', '2025-05-01']);
  });
});
