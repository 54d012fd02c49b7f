import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../../src/domain/calendar/working-days.ts';
import { isBankHoliday, isBankHolidayNumber } from '../../../../src/domain/calendar/bank-holidays.ts';
import { fromDayNumber, toDayNumber } from '../../../../src/domain/calendar/civil-date.ts';

test('isWorkingDay', () => {
  const cases: [string, boolean][] = [
    ['2025-04-17', true], // Thursday before Easter
    ['2025-04-18', false], // Good Friday
    ['2025-04-19', false], // Saturday
    ['2025-04-21', false], // Easter Monday
    ['2025-04-22', true],
    ['2022-09-19', false], // state funeral
    ['2026-12-28', false], // Boxing Day substitute
    ['2026-12-29', true],
  ];
  for (const [date, expected] of cases) assert.equal(isWorkingDay(date), expected, date);
});

test('addWorkingDays: the Nth working day after D', () => {
  const cases: [string, number, string][] = [
    ['2025-04-17', 1, '2025-04-22'], // across Easter
    ['2025-04-16', 3, '2025-04-23'],
    ['2025-04-18', 1, '2025-04-22'], // D itself a holiday: it never counts
    ['2025-12-24', 1, '2025-12-29'], // across Christmas
    ['2026-12-24', 1, '2026-12-29'], // Boxing Day substitute on Monday 28th
    ['2026-12-24', 5, '2027-01-05'], // and New Year's Day
    ['2025-01-31', 1, '2025-02-03'], // month end on a Friday
    ['2025-02-27', 2, '2025-03-03'], // February into March
    ['2024-02-28', 1, '2024-02-29'], // leap day
    ['2025-08-22', 1, '2025-08-26'], // summer bank holiday
    ['2025-11-24', 5, '2025-12-01'],
    ['2025-11-22', 5, '2025-11-28'], // from a Saturday
    ['2025-11-24', 0, '2025-11-24'],
    ['2025-04-22', -1, '2025-04-17'], // backwards across Easter
    ['1990-12-24', 1, '1990-12-27'], // outside the verified years: general rules
    ['2035-12-31', 1, '2036-01-02'], // into an unverified year
  ];
  for (const [date, n, expected] of cases) assert.equal(addWorkingDays(date, n), expected, `${date} + ${n}`);
});

test('addWorkingDays rejects a fractional count', () => {
  assert.throws(() => addWorkingDays('2025-01-01', 1.5), RangeError);
});

test('workingDaysBetween counts days after from up to and including to', () => {
  assert.equal(workingDaysBetween('2025-04-17', '2025-04-22'), 1);
  assert.equal(workingDaysBetween('2025-04-17', '2025-04-17'), 0);
  assert.equal(workingDaysBetween('2025-04-22', '2025-04-17'), 0);
  assert.equal(workingDaysBetween('2025-12-01', '2025-12-31'), 20);
  for (const [from, n] of [['2025-03-03', 7], ['2024-12-20', 10], ['2023-04-28', 6]] as const) {
    assert.equal(workingDaysBetween(from, addWorkingDays(from, n)), n);
  }
});

test('fast enough for evaluation', () => {
  const started = performance.now();
  for (let i = 0; i < 100_000; i += 1) addWorkingDays('2025-12-19', 10);
  assert.ok(performance.now() - started < 2000);
});

const anyDate = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2040-12-31') }).map(fromDayNumber);

test('property: the Nth working day after D is a working day, with exactly N working days after D up to it', () => {
  fc.assert(
    fc.property(anyDate, fc.integer({ min: 1, max: 40 }), (date, n) => {
      const result = addWorkingDays(date, n);
      assert.ok(result > date);
      assert.equal(isWorkingDay(result), true);
      assert.equal(workingDaysBetween(date, result), n);
      assert.equal(addWorkingDays(result, -n) <= date, true);
    }),
  );
});

test('property: the fast day-number lookup agrees with isBankHoliday', () => {
  fc.assert(
    fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }), (dayNumber) => {
      assert.equal(isBankHolidayNumber(dayNumber), isBankHoliday(fromDayNumber(dayNumber)));
    }),
    { numRuns: 2000 },
  );
});
