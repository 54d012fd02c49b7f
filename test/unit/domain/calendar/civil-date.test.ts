/**
 * `isCivilDate` reads character codes (it runs on every date of every imported file); these pin it to the
 * plain definition: `YYYY-MM-DD` with a real month and a day that exists in that month of that year.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { daysInMonth, isCivilDate } from '../../../../src/domain/calendar/civil-date.ts';

/** The definition, written the obvious way. */
function reference(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

test('isCivilDate: real dates yes, everything else no', () => {
  for (const yes of ['2025-06-30', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-04-30']) assert.equal(isCivilDate(yes), true, yes);
  for (const no of ['2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '2026-01-1', '20260101', '2026/01/01', ' 2026-01-01', '2026-01-01 ', '2026-01-0a', '２０２６-01-01', '', null, 20260101, undefined]) {
    assert.equal(isCivilDate(no), false, String(no));
  }
});

test('isCivilDate agrees with the plain definition on any string', () => {
  const digit = fc.constantFrom(...'0123456789');
  const dateLike = fc.tuple(fc.array(digit, { minLength: 4, maxLength: 4 }), fc.array(digit, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 2, maxLength: 2 })).map(([y, m, d]) => `${y.join('')}-${m.join('')}-${d.join('')}`);
  fc.assert(fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 })), (value) => isCivilDate(value) === reference(value)), { numRuns: 20_000 });
});
