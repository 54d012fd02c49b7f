import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflictRows } from '../../../src/platform/http/conflict-rows.ts';
import { errorSummary, fieldErrors, fieldId } from '../../../src/platform/http/form-errors.ts';
import { safeReturnTo, signInPath } from '../../../src/platform/http/paths.ts';
import { pathFromPointer, problem } from '../../../src/platform/http/problem.ts';
import { formatIssuePath } from '../../../src/platform/errors.ts';
import { withoutParams } from '../../../src/platform/logging.ts';

test('JSON pointers and zod paths both become duties[0].start', () => {
  assert.equal(pathFromPointer('/duties/0/start', 'body'), 'duties[0].start');
  assert.equal(pathFromPointer('', 'querystring'), 'querystring');
  assert.equal(formatIssuePath(['duties', 0, 'start']), 'duties[0].start');
  assert.equal(formatIssuePath(['person', 'nhsNumber']), 'person.nhsNumber');
});

test('problem details carry type, title and status', () => {
  assert.deepEqual(problem(404, { detail: 'x' }), { type: 'https://aftercare.dev/problems/not-found', title: 'Not found', status: 404, detail: 'x' });
});

test('form errors link to field ids', () => {
  const issues = [{ path: 'duties[0].start', message: 'Enter a date' }, { path: 'email', message: 'Enter an email' }, { path: 'email', message: 'second' }];
  assert.equal(fieldId('duties[0].start'), 'duties-0-start');
  assert.deepEqual(errorSummary(issues)[0], { text: 'Enter a date', href: '#duties-0-start' });
  assert.deepEqual(fieldErrors(issues), { 'duties[0].start': 'Enter a date', email: 'Enter an email' });
});

test('return addresses are local paths only', () => {
  assert.equal(safeReturnTo('/people/p1?tab=duties'), '/people/p1?tab=duties');
  for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', 'people', '/sign-in', '/sign-out', undefined, 3]) assert.equal(safeReturnTo(bad), undefined, String(bad));
  assert.equal(signInPath('/'), '/sign-in');
  assert.equal(signInPath('/audit?x=1'), '/sign-in?returnTo=%2Faudit%3Fx%3D1');
});

test('the conflict page rows show each attempted field beside what is saved, without bookkeeping', () => {
  assert.deepEqual(conflictRows({ name: 'Bob', end: null, version: 3 }, { name: 'Alice', end: '2026-01-01', version: 2 }), [
    { field: 'name', current: 'Bob', attempted: 'Alice' },
    { field: 'end', current: '(blank)', attempted: '2026-01-01' },
  ]);
});

test('SQL parameters never reach the logs', () => {
  assert.equal(withoutParams('Failed query: select 1 where nhs = $1\nparams: 9434765919'), 'Failed query: select 1 where nhs = $1\nparams: [redacted]');
});
