import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sections } from '../../../../src/domain/case-file/schema.ts';
import { legalStatusCodeForSection, legalStatusCodes, readLegalStatus } from '../../../../src/domain/interop/legal-status.ts';

const codeTable: [string, string | null][] = [
  ['01', null], ['02', '2'], ['03', '3'], ['04', '4'], ['05', '5(2)'], ['06', '5(4)'], ['07', '35'], ['08', '36'],
  ['09', '37/41'], ['10', '37'], ['12', '38'], ['13', 'other'], ['14', 'other'], ['15', '47/49'], ['16', '47'],
  ['17', '48/49'], ['18', '48'], ['19', '135'], ['20', '136'], ['31', 'other'], ['32', 'other'], ['35', null],
  ['36', null], ['37', '45A'], ['38', '45A'], ['98', null], ['99', null],
];

test('the MHSDS code table holds exactly the codes of the NHS Data Dictionary list, each mapped', () => {
  assert.deepEqual(legalStatusCodes.map((c) => [c.code, c.section]), codeTable);
});

for (const [code, section] of codeTable) {
  test(`MHSDS code ${code} reads as ${section ?? 'not a detention'}`, () => {
    const reading = readLegalStatus(code, 'mhsds');
    if (section === null) assert.deepEqual(reading.ok, false);
    else assert.deepEqual(reading, { ok: true, section, code });
  });
}

const written: [string, string][] = [
  ['s3', '3'], ['S.3', '3'], ['S2 (MHA)', '2'], ['Section 3 Mental Health Act 1983', '3'], ['Section 3', '3'], ['sec 3', '3'], ['3', '3'], ['MHA s2', '2'], ['s.2', '2'],
  ['37/41', '37/41'], ['s37/41', '37/41'], ['S.37 with S.41', '37/41'], ['37 + 41', '37/41'], ['Section 37 with restrictions', '37/41'],
  ['s37', '37'], ['37', '37'], ['s5(2)', '5(2)'], ['5 (2)', '5(2)'], ['S5-2', '5(2)'], ['5.4', '5(4)'], ['s45A', '45A'],
  ['47/49', '47/49'], ['s48/s49', '48/49'], ['s47', '47'], ['S 135', '135'], ['s136', '136'], ['s35', '35'], ['s38', '38'], ['04', '4'], ['09', '37/41'],
];
for (const [input, section] of written) {
  test(`"${input}" reads as section ${section}`, () => {
    const reading = readLegalStatus(input);
    assert.equal(reading.ok && reading.section, section);
  });
}

const refused: [string, RegExp][] = [
  ['', /is empty/],
  ['CTO', /community treatment order/],
  ['Informal', /informal admission/],
  ['s117', /aftercare duty itself/],
  ['Section 7', /guardianship/],
  ['Conditional discharge', /conditional discharge/],
  ['19', /set the mapping's legalStatusScheme to "mhsds"/],
  ['s99', /not a section/],
  ['01', /Informal\) is not a detention/],
  ['11', /not an MHSDS legal status code/],
];
for (const [input, reason] of refused) {
  test(`"${input}" is refused with a reason`, () => {
    const reading = readLegalStatus(input, input === '11' ? 'mhsds' : 'auto');
    assert.equal(reading.ok, false);
    assert.match(!reading.ok ? reading.reason : '', reason);
  });
}

test('with scheme mhsds, 37 is section 45A; with auto it is section 37', () => {
  assert.deepEqual(readLegalStatus('37', 'mhsds'), { ok: true, section: '45A', code: '37' });
  assert.deepEqual(readLegalStatus('37', 'auto'), { ok: true, section: '37', code: '10' });
  assert.equal(readLegalStatus('03', 'section').ok, false);
});

test('every case-file section but "other" has a legal status code, and it reads back to the same section', () => {
  for (const section of sections.filter((s) => s !== 'other')) {
    const code = legalStatusCodeForSection(section);
    assert.ok(code, section);
    assert.deepEqual(readLegalStatus(code.code, 'mhsds'), { ok: true, section, code: code.code });
  }
  assert.equal(legalStatusCodeForSection('other'), undefined);
});
