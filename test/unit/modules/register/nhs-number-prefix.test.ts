/**
 * A search by the start of an NHS number is also a range of the unique index (`nhs_number >= prefix and <
 * the digits after it`): the database's collation is not C, so `like '485%'` alone scanned every person.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digitsAfterPrefix } from '../../../../src/modules/register/register-list.ts';

test('the digits after every number with a prefix: the last digit raised, carrying past nines', () => {
  const cases: [string, string | undefined][] = [
    ['485', '486'],
    ['943476', '943477'],
    ['489', '49'],
    ['4899', '49'],
    ['099', '1'],
    ['123456789', '12345679'],
    ['999', undefined],
    ['999999999', undefined],
  ];
  for (const [prefix, after] of cases) assert.equal(digitsAfterPrefix(prefix), after, prefix);
});

test('every ten-digit number with the prefix lies in the range, and its neighbours outside do not', () => {
  for (const prefix of ['485', '489', '4899', '099', '943476']) {
    const after = digitsAfterPrefix(prefix);
    const inside = [prefix.padEnd(10, '0'), prefix.padEnd(10, '9')];
    for (const number of inside) assert.ok(number >= prefix && (after === undefined || number < after), `${prefix}: ${number}`);
    const below = String(Number(prefix.padEnd(10, '0')) - 1).padStart(10, '0');
    const above = String(Number(prefix.padEnd(10, '9')) + 1).padStart(10, '0');
    assert.ok(!(below >= prefix && (after === undefined || below < after)), `${prefix}: ${below} is outside`);
    if (after !== undefined) assert.ok(!(above < after), `${prefix}: ${above} is outside`);
  }
});
