import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CaseFile } from '../../../../src/domain/case-file/schema.ts';
import { buildChronology, sectionSpecs, type ChronologyEntry } from '../../../../src/modules/chronology/build-chronology.ts';
import { byDateRange, byText, byTypes, filterChronology } from '../../../../src/modules/chronology/filters.ts';

const mrB = JSON.parse(readFileSync(new URL('../../../fixtures/alerts/mr-b.json', import.meta.url), 'utf8')) as CaseFile;

const entry = (key: string, date: string | undefined, type: ChronologyEntry['type'], title: string, detail = ''): ChronologyEntry => ({ key, date, type, recordId: key, title, detail });

describe('buildChronology', () => {
  it('holds every record of a case file, and the alerts raised and cleared', () => {
    const chronology = buildChronology(mrB, [{ id: 'a1', ruleId: 'no-contact-with-person', subjectKind: 'duty', subjectId: 'du1', message: 'No contact', raisedOn: '2024-01-01', clearedOn: '2024-02-01' }]);
    for (const section of Object.keys(sectionSpecs) as (keyof typeof sectionSpecs)[]) {
      const records = mrB[section] as { id?: string }[];
      records.forEach((record, index) => {
        const id = record.id ?? `${index + 1}`;
        assert.ok(chronology.some((e) => e.type === section && e.recordId === id), `${section} ${id} is in the chronology`);
      });
    }
    for (const remedy of mrB.ombudsmanCases.flatMap((c) => c.remedies)) assert.ok(chronology.some((e) => e.type === 'remedies' && e.recordId === remedy.id));
    assert.deepEqual(chronology.filter((e) => e.type === 'alerts').map((e) => e.title).sort(), ['Alert cleared', 'Alert raised']);
  });

  it('is newest first, undated entries last, and keys are unique', () => {
    const chronology = buildChronology(mrB);
    const dates = chronology.map((e) => e.date).filter((d): d is string => d !== undefined);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(new Set(chronology.map((e) => e.key)).size, chronology.length);
    const firstUndated = chronology.findIndex((e) => e.date === undefined);
    if (firstUndated >= 0) assert.ok(chronology.slice(firstUndated).every((e) => e.date === undefined));
  });
});

describe('chronology filters', () => {
  const entries = [
    entry('a', '2024-03-01', 'detentions', 'Detention began', 'Section 3 at Riverside'),
    entry('b', '2024-05-01', 'meetings', 'Meeting held', 'Discharge planning'),
    entry('c', undefined, 'contacts', 'Contact (undated)', 'Ms B (representative)'),
  ];
  it('by type keeps the types asked for, or all when none', () => {
    assert.deepEqual(byTypes(entries, ['meetings']).map((e) => e.key), ['b']);
    assert.equal(byTypes(entries, []).length, 3);
  });
  it('by date range is inclusive and drops undated entries when a date is asked for', () => {
    assert.deepEqual(byDateRange(entries, '2024-03-01', '2024-04-30').map((e) => e.key), ['a']);
    assert.deepEqual(byDateRange(entries, '2024-04-01').map((e) => e.key), ['b']);
    assert.equal(byDateRange(entries).length, 3);
  });
  it('by text matches every word, in any case, in the title or detail', () => {
    assert.deepEqual(byText(entries, 'riverside SECTION').map((e) => e.key), ['a']);
    assert.deepEqual(byText(entries, 'representative').map((e) => e.key), ['c']);
    assert.equal(byText(entries, '  ').length, 3);
  });
  it('compose', () => {
    assert.deepEqual(filterChronology(entries, { types: ['detentions', 'meetings'], from: '2024-01-01', text: 'planning' }).map((e) => e.key), ['b']);
  });
});
