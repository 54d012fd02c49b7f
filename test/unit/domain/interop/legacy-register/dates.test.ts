import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDate, type DateFormat } from '../../../../../src/domain/interop/legacy-register/dates.ts';

const good: [string, DateFormat, string][] = [
  ['14/03/1980', 'DD/MM/YYYY', '1980-03-14'],
  ['1/7/1969', 'DD/MM/YYYY', '1969-07-01'],
  ['01-07-1969', 'DD/MM/YYYY', '1969-07-01'],
  ['01.07.1969', 'DD/MM/YYYY', '1969-07-01'],
  ['07/01/1969', 'MM/DD/YYYY', '1969-07-01'],
  ['1969-07-01', 'DD/MM/YYYY', '1969-07-01'],
  ['1969-07-01 00:00:00', 'DD/MM/YYYY', '1969-07-01'],
  ['1969-07-01T00:00:00.000Z', 'MM/DD/YYYY', '1969-07-01'],
  ['1969/07/01', 'YYYY-MM-DD', '1969-07-01'],
  ['3 Mar 2024', 'D MMM YYYY', '2024-03-03'],
  ['03-Mar-2024', 'DD/MM/YYYY', '2024-03-03'],
  ['29 February 2024', 'D MMM YYYY', '2024-02-29'],
];
for (const [input, format, date] of good) {
  test(`${input} in ${format} is ${date}`, () => assert.deepEqual(readDate(input, format), { ok: true, date }));
}

const bad: [string, DateFormat, RegExp][] = [
  ['31/02/1970', 'DD/MM/YYYY', /not a real date/],
  ['29 Feb 2023', 'D MMM YYYY', /not a real date/],
  ['13/13/2024', 'MM/DD/YYYY', /not a real date/],
  ['01/02/24', 'DD/MM/YYYY', /two-digit year/],
  ['3 Foo 2024', 'D MMM YYYY', /does not name a month/],
  ['soon', 'DD/MM/YYYY', /not a date in the form DD\/MM\/YYYY/],
  ['01/07/1969', 'YYYY-MM-DD', /not a date in the form YYYY-MM-DD/],
];
for (const [input, format, reason] of bad) {
  test(`${input} in ${format} is refused`, () => {
    const reading = readDate(input, format);
    assert.equal(reading.ok, false);
    assert.match(!reading.ok ? reading.reason : '', reason);
  });
}
