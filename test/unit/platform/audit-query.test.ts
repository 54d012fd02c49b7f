import { test } from 'node:test';
import assert from 'node:assert/strict';
import { londonMidnight, parseAuditQuery } from '../../../src/platform/audit/audit-query.ts';

test('London midnight follows British Summer Time', () => {
  assert.equal(londonMidnight(2026, 1, 15).toISOString(), '2026-01-15T00:00:00.000Z');
  assert.equal(londonMidnight(2026, 7, 15).toISOString(), '2026-07-14T23:00:00.000Z');
});

test('a date range covers whole days: to is exclusive at the next midnight', () => {
  const parsed = parseAuditQuery({ fromDay: '1', fromMonth: '3', fromYear: '2026', toDay: '31', toMonth: '3', toYear: '2026' });
  assert.deepEqual(parsed.issues, []);
  assert.equal(parsed.from?.toISOString(), '2026-03-01T00:00:00.000Z');
  assert.equal(parsed.to?.toISOString(), '2026-03-31T23:00:00.000Z', '1 April 00:00 BST');
});

test('impossible dates and reversed ranges are named', () => {
  assert.deepEqual(parseAuditQuery({ fromDay: '30', fromMonth: '2', fromYear: '2026' }).issues.map((i) => i.path), ['fromDay']);
  assert.deepEqual(parseAuditQuery({ toDay: 'x', toMonth: '2', toYear: '2026' }).issues.map((i) => i.path), ['toDay']);
  const reversed = parseAuditQuery({ fromDay: '2', fromMonth: '3', fromYear: '2026', toDay: '1', toMonth: '3', toYear: '2026' });
  assert.deepEqual(reversed.issues.map((i) => i.path), ['toDay']);
});

test('blank fields are absent; the page is a positive number', () => {
  const parsed = parseAuditQuery({ personId: '  ', user: ' u1 ', page: '-3' });
  assert.equal(parsed.personId, undefined);
  assert.equal(parsed.user, 'u1');
  assert.equal(parsed.page, 1);
  assert.equal(parseAuditQuery({ page: '7' }).page, 7);
});
