import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../../../../src/domain/interop/legacy-register/csv.ts';

const fields = (text: string) => {
  const result = parseCsv(text);
  assert.ok(result.ok, JSON.stringify(result));
  return result.records.map((r) => r.fields);
};

test('plain fields, CRLF and LF line ends, and a last line without a line end', () => {
  assert.deepEqual(fields('a,b\r\n1,2\n3,4'), [['a', 'b'], ['1', '2'], ['3', '4']]);
});

test('a byte order mark is dropped', () => {
  assert.deepEqual(fields('\uFEFFName,DOB\r\nJo,1980'), [['Name', 'DOB'], ['Jo', '1980']]);
});

test('quoted fields keep commas, doubled quotes and line breaks', () => {
  assert.deepEqual(fields('"Smith, Jo","said ""no""","line one\r\nline two"\r\nx,y,z\r\n'), [
    ['Smith, Jo', 'said "no"', 'line one\r\nline two'],
    ['x', 'y', 'z'],
  ]);
});

test('empty fields, a quoted empty field and blank lines', () => {
  assert.deepEqual(fields('a,,c\r\n\r\n"",b,\r\n'), [['a', '', 'c'], ['', 'b', '']]);
});

test('each record knows the line it starts on, counting line breaks inside quotes', () => {
  const result = parseCsv('h1,h2\n"a\nb",c\n\nd,e\n');
  assert.ok(result.ok);
  assert.deepEqual(result.records.map((r) => r.line), [1, 2, 5]);
});

test('another delimiter', () => {
  const result = parseCsv('a;"b;c"\n', ';');
  assert.ok(result.ok);
  assert.deepEqual(result.records[0]!.fields, ['a', 'b;c']);
});

test('malformed quoting is reported with its line', () => {
  assert.deepEqual(parseCsv('a,b\n"open,c\n'), { ok: false, line: 2, message: 'a quoted field is not closed before the end of the file' });
  assert.deepEqual(parseCsv('a,b\nx"y,c\n'), { ok: false, line: 2, message: 'a quote appears inside an unquoted field' });
  assert.deepEqual(parseCsv('a\n"x"y\n'), { ok: false, line: 2, message: 'text follows the closing quote of a field' });
});
