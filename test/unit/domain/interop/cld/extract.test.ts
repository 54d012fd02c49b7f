import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseFile } from '../../../../../src/domain/case-file/schema.ts';
import { cldExtract } from '../../../../../src/domain/interop/cld/extract.ts';
import { cldColumns, type CldRow } from '../../../../../src/domain/interop/cld/layout.ts';
import { toDelimited } from '../../../../../src/domain/interop/cld/delimited.ts';
import { parseCsv } from '../../../../../src/domain/interop/legacy-register/csv.ts';
import { validCaseFile } from '../../case-file/valid-case-file.ts';

const worcestershire = 'E10000034';
function caseFile(): CaseFile {
  const file = validCaseFile();
  file.person.nhsNumber = '9990000042';
  file.person.address = ['1 High Street', 'Worcester', 'WR1 2AB'];
  return file;
}
const quarter = (start: string, end: string) => ({ councilCode: worcestershire, period: { start, end } });
const events = (rows: CldRow[]) => rows.map((r) => [r.Event_Type, r.Event_Reference, r.Event_Start_Date, r.Event_End_Date]);

test('the quarter the duty began: a request, an assessment (the plan agreed) and the service', () => {
  const { rows, left } = cldExtract([caseFile()], quarter('2024-04-01', '2024-06-30'));
  assert.deepEqual(events(rows), [
    ['Request', 'p1/du1/request', '2024-06-03', '2024-06-03'],
    ['Service', 'p1/s1', '2024-06-03', ''],
    ['Assessment', 'p1/cp1/assessment', '2024-06-10', '2024-06-10'],
  ]);
  const [request, service, assessment] = rows as [CldRow, CldRow, CldRow];
  assert.equal(request.Request_Route_of_Access, 'Discharge from Hospital');
  assert.equal(assessment.Event_Outcome, 'Long Term Support');
  assert.deepEqual(
    [service.Client_Funding_Status, service.Service_Type, service.Service_Component, service.Delivery_Mechanism, service.Unit_Cost, service.Cost_Frequency_Unit_Type, service.Planned_Units_Per_Week],
    ['Joint LA and NHS Funded', 'Long Term Support: Community', 'Supported Living', 'CASSR Commissioned Support', '1200.00', 'Weekly', '1'],
  );
  for (const row of rows) {
    assert.deepEqual(
      [row.LA_Code, row.Reporting_Period_Start_Date, row.Reporting_Period_End_Date, row.LA_Person_Unique_Identifier, row.NHS_Number, row.Date_of_Birth, row.Postcode, row.Primary_Support_Reason, row.Client_Type],
      [worcestershire, '2024-04-01', '2024-06-30', 'p1', '9990000042', '1980-02-29', 'WR1 2AB', 'Mental Health Support', 'Service User'],
    );
    assert.equal(row.Accommodation_Status, 'Supported accommodation / supported lodgings / supported group home');
    assert.equal(row.Gender, ''); // the case file does not hold gender or ethnicity
  }
  assert.deepEqual(left, []);
});

test('later quarters: the service continues; the second plan and its review appear in their quarters', () => {
  assert.deepEqual(events(cldExtract([caseFile()], quarter('2024-10-01', '2024-12-31')).rows), [
    ['Service', 'p1/s1', '2024-06-03', ''],
    ['Assessment', 'p1/cp2/assessment', '2024-12-10', '2024-12-10'],
  ]);
  assert.deepEqual(events(cldExtract([caseFile()], quarter('2025-01-01', '2025-03-31')).rows), [
    ['Service', 'p1/s1', '2024-06-03', ''],
    ['Review', 'p1/cp2/review/2025-03-01', '2025-03-01', '2025-03-01'],
  ]);
});

test('another council\'s duties give no rows; a period before the duty gives none', () => {
  assert.deepEqual(cldExtract([caseFile()], { councilCode: 'E06000019', period: { start: '2024-04-01', end: '2024-06-30' } }).rows, []);
  assert.deepEqual(cldExtract([caseFile()], quarter('2023-01-01', '2023-03-31')).rows, []);
});

test('a service the health body pays for wholly is left out, with the reason; one with no split is assumed council-funded and said so', () => {
  const file = caseFile();
  file.services[0]!.funding = [{ from: '2024-06-03', localAuthorityPercent: 0, healthBodyPercent: 100 }];
  const nhsFunded = cldExtract([file], quarter('2024-04-01', '2024-06-30'));
  assert.deepEqual(events(nhsFunded.rows).map((e) => e[0]), ['Request', 'Assessment']);
  assert.deepEqual(nhsFunded.left, [{ personId: 'p1', recordId: 's1', reason: 'funded wholly by the health body in the period: not a council service' }]);

  delete file.services[0]!.funding;
  const unknown = cldExtract([file], quarter('2024-04-01', '2024-06-30'));
  assert.equal(unknown.rows.find((r) => r.Event_Type === 'Service')!.Client_Funding_Status, 'Fully LA Funded');
  assert.match(unknown.left[0]!.reason, /no funding split recorded/);
});

test('a service that ended before the period is not in it (periods are half-open); an accepted direct payment is the delivery mechanism', () => {
  const file = caseFile();
  file.services[0]!.end = '2024-10-01';
  file.services[0]!.status = 'ended';
  assert.deepEqual(events(cldExtract([file], quarter('2024-10-01', '2024-12-31')).rows).map((e) => e[0]), ['Assessment']);
  const dp = caseFile();
  dp.paymentOffers[0]!.response = 'accepted';
  const service = cldExtract([dp], quarter('2024-07-01', '2024-09-30')).rows.find((r) => r.Event_Type === 'Service')!;
  assert.equal(service.Delivery_Mechanism, 'Direct Payment');
});

test('only English councils: CLD is an English collection', () => {
  assert.throws(() => cldExtract([caseFile()], { councilCode: 'W06000015', period: { start: '2024-04-01', end: '2024-06-30' } }), /not the GSS code of an English council/);
  assert.throws(() => cldExtract([caseFile()], quarter('2024-06-30', '2024-04-01')), /ends .* before it starts/);
});

test('the delimited file has the header and one line per row, quoted where needed, and reads back', () => {
  const { rows } = cldExtract([caseFile()], quarter('2024-04-01', '2024-06-30'));
  rows[0]!.Postcode = 'WR1 "2AB", x';
  const text = toDelimited(cldColumns, rows);
  assert.ok(text.startsWith(`${cldColumns.join(',')}\r\n`));
  const back = parseCsv(text);
  assert.ok(back.ok);
  assert.equal(back.records.length, rows.length + 1);
  assert.deepEqual(back.records[1]!.fields, cldColumns.map((c) => rows[0]![c]));
});

test('the same records give the same file', () => {
  const a = toDelimited(cldColumns, cldExtract([caseFile(), { ...caseFile(), person: { ...caseFile().person, id: 'p0' } }], quarter('2024-04-01', '2024-06-30')).rows);
  const b = toDelimited(cldColumns, cldExtract([{ ...caseFile(), person: { ...caseFile().person, id: 'p0' } }, caseFile()], quarter('2024-04-01', '2024-06-30')).rows);
  assert.equal(a, b);
});
