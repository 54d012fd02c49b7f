import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, daysBetween } from '../../../../../src/domain/calendar/civil-date.ts';
import { addWorkingDays } from '../../../../../src/domain/calendar/working-days.ts';
import {
  dateOfDayNumber,
  dayNumber,
  daysFrom,
  plusDays,
  workingDaysAfter,
} from '../../../../../src/domain/rules/alerts/dates.ts';
import { longDate } from '../../../../../src/domain/rules/alerts/format.ts';

test('integer day arithmetic agrees with the calendar module, leap years and centuries included', () => {
  for (let date = '1899-12-25'; date <= '2101-01-05'; date = addDays(date, 1)) {
    assert.equal(dayNumber(date), daysBetween('1970-01-01', date));
    assert.equal(dateOfDayNumber(dayNumber(date)), date);
  }
  assert.equal(plusDays('2024-02-28', 1), '2024-02-29');
  assert.equal(plusDays('2100-02-28', 1), '2100-03-01');
  assert.equal(plusDays('2000-02-28', 1), '2000-02-29');
  assert.equal(plusDays('2024-01-01', -1), '2023-12-31');
  assert.equal(daysFrom('2024-01-08', '2024-04-07'), 90);
});

test('working days after a date are the calendar module’s, memoised', () => {
  for (const [date, n] of [
    ['2024-03-28', 2],
    ['2024-12-20', 5],
    ['2025-04-17', 10],
    ['2024-05-01', 10],
  ] as const) {
    assert.equal(workingDaysAfter(date, n), addWorkingDays(date, n));
    assert.equal(workingDaysAfter(date, n), addWorkingDays(date, n));
  }
});

test('dates in messages read "12 March 2024"', () => {
  assert.equal(longDate('2024-03-12'), '12 March 2024');
  assert.equal(longDate('2025-01-01'), '1 January 2025');
  assert.equal(longDate('2025-01-01'), '1 January 2025');
});
