import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bankHolidaysIn, easterSunday, isBankHoliday } from '../../../../src/domain/calendar/bank-holidays.ts';

// The published gov.uk lists for England and Wales (https://www.gov.uk/bank-holidays).
const published: Record<number, string[]> = {
  2019: ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

for (const [year, dates] of Object.entries(published)) {
  test(`bank holidays ${year} match the published list`, () => {
    assert.deepEqual(bankHolidaysIn(Number(year)), dates);
  });
}

test('one-off bank holidays', () => {
  for (const date of ['1999-12-31', '2002-06-03', '2011-04-29', '2012-06-05', '2022-06-03', '2022-09-19', '2023-05-08']) {
    assert.equal(isBankHoliday(date), true, date);
  }
});

test('moved holidays replace the usual date', () => {
  assert.equal(isBankHoliday('1995-05-08'), true);
  assert.equal(isBankHoliday('1995-05-01'), false);
  assert.equal(isBankHoliday('2020-05-08'), true);
  assert.equal(isBankHoliday('2020-05-04'), false);
  assert.equal(isBankHoliday('2002-06-04'), true);
  assert.equal(isBankHoliday('2002-05-27'), false);
  assert.equal(isBankHoliday('2012-06-04'), true);
  assert.equal(isBankHoliday('2012-05-28'), false);
  assert.equal(isBankHoliday('2022-06-02'), true);
  assert.equal(isBankHoliday('2022-05-30'), false);
});

test('Christmas and Boxing Day substitutes for each weekday pattern', () => {
  assert.deepEqual(bankHolidaysIn(2010).slice(-2), ['2010-12-27', '2010-12-28']); // 25th Saturday
  assert.deepEqual(bankHolidaysIn(2016).slice(-2), ['2016-12-26', '2016-12-27']); // 25th Sunday
  assert.deepEqual(bankHolidaysIn(2015).slice(-2), ['2015-12-25', '2015-12-28']); // 25th Friday
  assert.equal(bankHolidaysIn(2017)[0], '2017-01-02'); // 1 January Sunday
  assert.equal(bankHolidaysIn(2011)[0], '2011-01-03'); // 1 January Saturday
});

test('Easter Sunday by the Gregorian computus', () => {
  const known: Record<number, string> = {
    1995: '1995-04-16', 2000: '2000-04-23', 2008: '2008-03-23', 2011: '2011-04-24', 2019: '2019-04-21',
    2024: '2024-03-31', 2025: '2025-04-20', 2035: '2035-03-25', 2038: '2038-04-25',
  };
  for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date);
});

test('every year 1995-2035 has 8 to 10 holidays, all on weekdays, sorted', () => {
  for (let year = 1995; year <= 2035; year += 1) {
    const dates = bankHolidaysIn(year);
    assert.ok(dates.length >= 8 && dates.length <= 10, `${year}: ${dates.length}`);
    assert.deepEqual([...dates].sort(), [...dates]);
    for (const date of dates) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      assert.ok(weekday >= 1 && weekday <= 5, date);
    }
  }
});

test('years outside 1995-2035 use the general rules rather than throwing', () => {
  assert.deepEqual(bankHolidaysIn(1990), ['1990-01-01', '1990-04-13', '1990-04-16', '1990-05-07', '1990-05-28', '1990-08-27', '1990-12-25', '1990-12-26']);
  assert.equal(bankHolidaysIn(2040).length, 8);
  assert.throws(() => bankHolidaysIn(2024.5), RangeError);
});
