import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paginationView } from '../../../../src/modules/register/view-shaping/pagination.ts';
import { registerHref, registerListView, registerPagination } from '../../../../src/modules/register/view-shaping/register-list.ts';
import { registerQuery } from '../../../../src/modules/register/api-schemas.ts';
import { dateField, formErrors, linesField, yesNoField } from '../../../../src/modules/register/view-shaping/forms.ts';
import { describeCode, formatCivilDate, formatNhsNumber, period, periodPhrase } from '../../../../src/modules/register/view-shaping/format.ts';
import { isOpenOn, statusTag } from '../../../../src/modules/register/view-shaping/status-tags.ts';
import { selectItems } from '../../../../src/modules/register/view-shaping/options.ts';

test('dates read "12 March 2024" and NHS numbers 3 3 4', () => {
  assert.equal(formatCivilDate('2024-03-12'), '12 March 2024');
  assert.equal(formatNhsNumber('9434765919'), '943 476 5919');
  assert.equal(period('2019-08-01'), 'From 1 August 2019');
  assert.equal(periodPhrase('2019-08-01', '2020-06-03'), '1 August 2019 to 3 June 2020');
  assert.equal(describeCode('nearest_relative'), 'Nearest relative');
  assert.equal(describeCode('icb'), 'ICB');
});

test('one tag colour per meaning, and periods open until their end date', () => {
  assert.equal(statusTag('open', 'Open').classes, 'govuk-tag--green');
  assert.equal(statusTag('ended', 'Ended').classes, 'govuk-tag--grey');
  assert.notEqual(statusTag('allocated', 'x').classes, statusTag('unallocated', 'x').classes);
  assert.equal(isOpenOn(undefined, '2026-01-01'), true);
  assert.equal(isOpenOn('2026-01-01', '2026-01-01'), false, 'a period is half-open: it has ended on its end date');
  assert.equal(isOpenOn('2026-01-02', '2026-01-01'), true);
});

test('pagination shows the first, last and neighbouring pages with ellipses', () => {
  assert.equal(paginationView(1, 1, String), null);
  const middle = paginationView(5, 10, (n) => `/p${n}`);
  assert.deepEqual(middle?.previous, { href: '/p4' });
  assert.deepEqual(middle?.next, { href: '/p6' });
  assert.deepEqual(
    middle?.items.map((i) => ('ellipsis' in i ? '…' : i.current ? `[${i.number}]` : String(i.number))),
    ['1', '…', '4', '[5]', '6', '…', '10'],
  );
  const first = paginationView(1, 3, String);
  assert.equal(first?.previous, undefined);
  assert.equal(first?.items.length, 3);
});

test('register links keep only the parameters that differ from the defaults', () => {
  assert.equal(registerHref({}), '/people');
  assert.equal(registerHref({ q: 'ada', status: 'all', sort: 'name', page: 2 }), '/people?q=ada&page=2');
  assert.equal(registerHref({ status: 'open', sort: 'dutyStart', order: 'desc' }), '/people?status=open&sort=dutyStart&order=desc');
});

test('the register table: sort links toggle the order, rows read as people read them, filters can be removed', () => {
  const query = registerQuery.parse({ sort: 'name', order: 'asc', q: 'lov', organisation: 'org-1' });
  const view = registerListView(
    {
      people: [
        { id: 'p 1', givenName: 'Ada', familyName: 'Lovelace', nhsNumber: '9434765919', dateOfBirth: '1990-03-12', openDuties: 1, latestDutyStart: '2024-06-01', localAuthority: { id: 'org-1', name: 'Northshire' }, healthBody: null, workers: [] },
      ],
      total: 1,
      page: 1,
      pageSize: 25,
      pages: 1,
      totalExact: true,
      nextCursor: null,
      previousCursor: null,
    },
    query,
    { organisations: new Map([['org-1', 'Northshire']]), workers: new Map() },
  );
  const name = view.columns.find((c) => c.label === 'Name');
  assert.equal(name?.ariaSort, 'ascending');
  assert.equal(name?.href, '/people?q=lov&organisation=org-1&order=desc');
  assert.equal(view.columns.find((c) => c.label === 'Date of birth')?.ariaSort, 'none');
  assert.equal(view.columns.find((c) => c.label === 'Worker')?.href, undefined);
  const row = view.rows[0];
  assert.deepEqual(
    { href: row?.href, name: row?.name, nhs: row?.nhsNumber, dob: row?.dateOfBirth, hb: row?.healthBody, workers: row?.workers, status: row?.status.text },
    { href: '/people/p%201', name: 'Lovelace, Ada', nhs: '943 476 5919', dob: '12 March 1990', hb: 'None recorded', workers: 'Not allocated', status: 'Open' },
  );
  assert.equal(view.resultCount, '1 person');
  assert.deepEqual(view.selected.map((s) => s.items[0]?.text), ['lov', 'Northshire']);
  assert.equal(view.selected[0]?.items[0]?.href, '/people?organisation=org-1');
  assert.equal(view.pagination, null);
});

test('register pagination: previous and next follow the cursors, page numbers only while the count is exact, filters kept', () => {
  const query = registerQuery.parse({ status: 'open', after: 'c-old' });
  const page = { people: [], total: 80, page: 2, pageSize: 25, pages: 4, totalExact: true, nextCursor: 'c-next', previousCursor: 'c-prev' };
  const exact = registerPagination(page, query);
  assert.equal(exact?.next?.href, '/people?status=open&after=c-next');
  assert.equal(exact?.previous?.href, '/people?status=open&before=c-prev');
  assert.deepEqual(exact?.items.map((i) => ('ellipsis' in i ? '…' : i.href)), ['/people?status=open', '/people?status=open&page=2', '/people?status=open&page=3', '/people?status=open&page=4']);
  const capped = registerPagination({ ...page, total: 10_000, totalExact: false, pages: 400 }, query);
  assert.deepEqual(capped?.items, []);
  assert.equal(capped?.next?.href, '/people?status=open&after=c-next');
  const view = registerListView({ ...page, total: 10_000, totalExact: false, pages: 400 }, query, { organisations: new Map(), workers: new Map() });
  assert.equal(view.resultCount, 'More than 10,000 people');
  assert.equal(view.columns.find((c) => c.label === 'Name')?.href, '/people?status=open&order=desc', 'a sort link starts again from the first page');
  assert.equal(registerPagination({ ...page, page: 1, pages: 1, total: 3, nextCursor: null, previousCursor: null }, query), null);
});

test('date inputs become civil dates; a partial date is passed on for the service to refuse', () => {
  assert.equal(dateField({ 'd-day': '1', 'd-month': '8', 'd-year': '2019' }, 'd'), '2019-08-01');
  assert.equal(dateField({ 'd-day': '', 'd-month': '', 'd-year': '' }, 'd'), undefined);
  const partial = dateField({ 'd-day': '1', 'd-year': '2019' }, 'd');
  assert.ok(partial !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(partial));
  assert.equal(yesNoField({ a: 'yes' }, 'a'), true);
  assert.equal(yesNoField({ a: 'no' }, 'a'), false);
  assert.equal(yesNoField({}, 'a'), undefined);
  assert.deepEqual(linesField({ address: '1 High Street\r\n\r\nWorcester ' }, 'address'), ['1 High Street', 'Worcester']);
});

test('errors link to their field (a date to its day box) and each field shows its first message', () => {
  const { errors, fieldErrors } = formErrors(
    [
      { path: 'familyName', message: 'Enter the family name' },
      { path: 'dateOfBirth', message: 'Date of birth must be a real date' },
      { path: 'familyName', message: 'A second message' },
      { path: 'consent.date', message: 'Enter the date' },
    ],
    ['dateOfBirth', 'consentDate'],
    (path) => (path === 'consent.date' ? 'consentDate' : path),
  );
  assert.deepEqual(errors, [
    { text: 'Enter the family name', href: '#familyName' },
    { text: 'Date of birth must be a real date', href: '#dateOfBirth-day' },
    { text: 'Enter the date', href: '#consentDate-day' },
  ]);
  assert.deepEqual(fieldErrors.familyName, { text: 'Enter the family name' });
});

test('select items keep the answer chosen', () => {
  const items = selectItems([{ value: 'a', text: 'A' }, { value: 'b', text: 'B' }], 'b', 'Choose');
  assert.deepEqual(items, [{ value: '', text: 'Choose' }, { value: 'a', text: 'A', selected: false }, { value: 'b', text: 'B', selected: true }]);
});
