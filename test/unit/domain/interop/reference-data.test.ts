import { test } from 'node:test';
import assert from 'node:assert/strict';
import reference from '../../../../reference-data/organisations.json' with { type: 'json' };
import { organisation as organisationSchema, type Organisation } from '../../../../src/domain/case-file/schema.ts';
import { isReferenceCode, organisationByCode, splitSuccessorIds, successorOn, validateOrganisationReference, validOn } from '../../../../src/domain/interop/reference-data.ts';

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const orgs = reference.organisations as Organisation[];

test('every record in the reference file is a case-file Organisation', () => {
  const failures = orgs.flatMap((org, i) => {
    const parsed = organisationSchema.safeParse(org);
    return parsed.success ? [] : [`organisations[${i}] ${org.id}: ${parsed.error.message}`];
  });
  assert.deepEqual(failures, []);
});

test('the reference file passes every check', () => {
  assert.deepEqual(validateOrganisationReference(orgs), []);
});

test('on 1 April 2026: 153 English and 22 Welsh councils, 36 ICBs (as the ONS ICB 2026 boundaries) and 7 Welsh health boards', () => {
  const current = orgs.filter((o) => validOn(o, '2026-04-01'));
  const count = (kind: string, nation: string) => current.filter((o) => o.kind === kind && o.nation === nation).length;
  assert.equal(count('local_authority', 'england'), 153);
  assert.equal(count('local_authority', 'wales'), 22);
  assert.equal(count('icb', 'england'), 36);
  assert.equal(count('lhb', 'wales'), 7);
  const prefixes = new Map<string, number>();
  for (const o of current.filter((o) => o.kind === 'local_authority')) prefixes.set(o.code!.slice(0, 3), (prefixes.get(o.code!.slice(0, 3)) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries([...prefixes].sort()), { E06: 63, E08: 36, E09: 33, E10: 21, W06: 22 });
  // the day before the mergers there were the 42 ICBs of 2022
  assert.equal(orgs.filter((o) => o.kind === 'icb' && validOn(o, '2026-03-31')).length, 42);
});

test('the file records its sources, licence and what is unverified, and every verification names a listed source', () => {
  assert.match(JSON.stringify(reference.metadata.sources), /Open Government Licence v3\.0/);
  assert.ok(reference.metadata.unverified.some((line) => line.includes('1 April 2027')));
  const sourceIds = new Set(reference.metadata.sources.map((s) => s.id));
  const unsourced = orgs.filter((o) => {
    const v = o.ext?.['verification'] as { against?: string[]; fields?: string[] } | undefined;
    return !v?.against?.length || !v.fields?.length || v.against.some((id) => !sourceIds.has(id));
  });
  assert.deepEqual(unsourced.map((o) => o.id), []);
});

const byId = new Map(orgs.map((o) => [o.id, o]));
const successorsOf = (o: Organisation) => [...(o.successorId ? [o.successorId] : []), ...splitSuccessorIds(o)];

test('codes are unique and of the right shape for their kind', () => {
  const codes = orgs.map((o) => o.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const o of orgs) assert.ok(isReferenceCode(o.kind, o.nation, o.code!), `${o.id} ${o.code}`);
  assert.ok(orgs.every((o) => o.id === `${o.kind === 'local_authority' ? 'gss' : 'ods'}-${o.code}`));
});

test('every organisation that ceased has a successor, and each successor answers from the day it ceased: no gap, no overlap', () => {
  for (const o of orgs.filter((o) => o.validTo)) {
    const successors = successorsOf(o);
    assert.ok(successors.length > 0, `${o.id} ceased with no successor`);
    for (const id of successors) {
      const s = byId.get(id)!;
      assert.ok(validOn(s, o.validTo!), `${id} is not in existence on ${o.validTo}, when ${o.id} ceased`);
      assert.ok(!validOn(o, o.validTo!) && validOn(o, dayBefore(o.validTo!)), `${o.id} overlaps or leaves a gap`);
    }
  }
});

test('every body created since the file begins starts the day its predecessors ceased, and has predecessors', () => {
  const predecessors = new Map<string, Organisation[]>();
  for (const o of orgs) for (const id of successorsOf(o)) predecessors.set(id, [...(predecessors.get(id) ?? []), o]);
  // ICBs created on 1 July 2022 took over from clinical commissioning groups, which are not in the file
  for (const o of orgs.filter((o) => o.validFrom && o.validFrom !== '2022-07-01')) {
    const before = predecessors.get(o.id) ?? [];
    assert.ok(before.length > 0, `${o.id} (from ${o.validFrom}) has no predecessor`);
    for (const p of before) assert.equal(p.validTo, o.validFrom, `${p.id} ceased ${p.validTo}, ${o.id} began ${o.validFrom}`);
  }
});

test('the councils reorganised since 2019 leave no area without a council', () => {
  const reorganised = ['gss-E06000028', 'gss-E06000029', 'gss-E10000009', 'gss-E10000002', 'gss-E10000021', 'gss-E10000006', 'gss-E10000023', 'gss-E10000027', 'gss-E08000016', 'gss-E08000019'];
  for (const id of reorganised) {
    const o = byId.get(id)!;
    assert.ok(o.validTo, id);
    const answers = successorsOf(o).map((s) => byId.get(s)!);
    assert.ok(answers.length > 0 && answers.every((s) => s.kind === 'local_authority' && validOn(s, o.validTo!) && validOn(s, '2026-11-01')), id);
  }
});

test('the ICB mergers of 1 April 2026 (ODS): successors and the splits', () => {
  assert.equal(successorOn(orgs, 'ods-QGH', '2026-06-01')?.id, 'ods-QGH'); // Herefordshire and Worcestershire did not merge in 2026
  assert.equal(successorOn(orgs, 'ods-QHG', '2026-03-31')?.id, 'ods-QHG');
  assert.equal(successorOn(orgs, 'ods-QHG', '2026-04-01')?.name, 'NHS Central East Integrated Care Board');
  assert.equal(successorOn(orgs, 'ods-QRV', '2026-04-01')?.code, 'Z9B2Z');
  assert.equal(successorOn(orgs, 'ods-QMJ', '2026-04-01')?.code, 'Z9B2Z');
  assert.equal(successorOn(orgs, 'ods-QXU', '2026-04-01')?.code, 'S9B9J');
  assert.equal(successorOn(orgs, 'ods-QNX', '2026-04-01')?.code, 'S9B9J');
  assert.equal(successorOn(orgs, 'ods-QU9', '2026-04-01')?.code, 'S0E4D');
  assert.equal(successorOn(orgs, 'ods-QH8', '2026-04-01')?.code, 'D7T5G');
  assert.equal(successorOn(orgs, 'ods-QMM', '2026-04-01')?.code, 'T6Y0W');
  assert.deepEqual(splitSuccessorIds(byId.get('ods-QNQ')!), ['ods-S0E4D', 'ods-S9B9J', 'ods-QRL']);
  assert.deepEqual(splitSuccessorIds(byId.get('ods-QM7')!), ['ods-S1Y5D', 'ods-D7T5G']);
  assert.deepEqual(splitSuccessorIds(byId.get('ods-QJG')!), ['ods-T6Y0W', 'ods-D7T5G']);
  assert.equal(successorOn(orgs, 'ods-QNQ', '2026-04-01'), undefined); // split: depends on the address
  assert.equal(byId.get('ods-QRL')!.validTo, undefined); // Hampshire and Isle of Wight continues, larger
});

test('known codes: Worcestershire, Herefordshire and Worcestershire ICB, Cardiff and Vale, Barnsley today', () => {
  assert.equal(organisationByCode(orgs, 'e10000034')?.name, 'Worcestershire');
  assert.equal(organisationByCode(orgs, 'QGH')?.name, 'NHS Herefordshire and Worcestershire Integrated Care Board');
  assert.equal(organisationByCode(orgs, '7A4')?.name, 'Cardiff and Vale University Health Board');
  assert.equal(organisationByCode(orgs, 'QGH')?.validFrom, '2022-07-01');
  assert.equal(successorOn(orgs, 'gss-E08000016', '2025-06-01')?.code, 'E08000038');
});

test('successorOn follows the 2023 reorganisations in the file', () => {
  assert.equal(successorOn(orgs, 'gss-E10000023', '2023-03-31')?.id, 'gss-E10000023');
  assert.equal(successorOn(orgs, 'gss-E10000023', '2023-04-01')?.id, 'gss-E06000065');
  assert.equal(successorOn(orgs, 'gss-E10000027', '2026-01-01')?.name, 'Somerset');
  // Cumbria was split: the successor depends on the address, so there is no single answer.
  assert.equal(successorOn(orgs, 'gss-E10000006', '2024-01-01'), undefined);
  assert.equal(successorOn(orgs, 'gss-E10000006', '2022-01-01')?.id, 'gss-E10000006');
  assert.equal(successorOn(orgs, 'no-such-id', '2024-01-01'), undefined);
});

const base = (over: Partial<Organisation>): Organisation => ({ id: 'x', name: 'X', kind: 'icb', code: 'QAA', nation: 'england', ...over });

test('successorOn walks a chain of mergers and stops at the body in existence on the date', () => {
  const chain = [
    base({ id: 'a', code: 'QAA', validTo: '2026-04-01', successorId: 'b' }),
    base({ id: 'b', code: 'QBB', validFrom: '2026-04-01', validTo: '2027-04-01', successorId: 'c' }),
    base({ id: 'c', code: 'QCC', validFrom: '2027-04-01' }),
  ];
  assert.deepEqual(validateOrganisationReference(chain), []);
  assert.equal(successorOn(chain, 'a', '2026-03-31')?.id, 'a');
  assert.equal(successorOn(chain, 'a', '2026-04-01')?.id, 'b');
  assert.equal(successorOn(chain, 'a', '2028-01-01')?.id, 'c');
  assert.equal(successorOn(chain, 'b', '2025-01-01')?.id, 'b');
});

const cases: { name: string; orgs: Organisation[]; messages: RegExp[] }[] = [
  { name: 'a duplicate code', orgs: [base({ id: 'a' }), base({ id: 'b' })], messages: [/QAA is also the code of organisations\[0\]/] },
  { name: 'a duplicate id', orgs: [base({ id: 'a', code: 'QAA' }), base({ id: 'a', code: 'QBB' })], messages: [/the id a is used twice/] },
  { name: 'an ICB code of the wrong shape', orgs: [base({ code: 'E10000034' })], messages: [/not a 3-character ODS code starting with Q/] },
  { name: 'a Welsh council code for an English council', orgs: [base({ kind: 'local_authority', code: 'W06000015' })], messages: [/not a GSS code/] },
  { name: 'a district council code (E07) for a council', orgs: [base({ kind: 'local_authority', code: 'E07000234' })], messages: [/not a GSS code/] },
  { name: 'an LHB code in England', orgs: [base({ kind: 'lhb', code: '7A4' })], messages: [/not a 3-character ODS code 7A/] },
  { name: 'a provider in reference data', orgs: [base({ kind: 'provider' })], messages: [/not provider/] },
  { name: 'a missing code', orgs: [base({ code: undefined })], messages: [/code: is missing|is missing/] },
  { name: 'validTo before validFrom', orgs: [base({ validFrom: '2024-01-01', validTo: '2023-01-01' })], messages: [/2023-01-01 is before validFrom 2024-01-01/] },
  { name: 'a successor that is not there', orgs: [base({ validTo: '2024-01-01', successorId: 'nowhere' })], messages: [/nowhere is not in the list/] },
  { name: 'a successor without validTo', orgs: [base({ id: 'a', successorId: 'b' }), base({ id: 'b', code: 'QBB' })], messages: [/must say when it ceased/] },
  {
    name: 'a successor not yet in existence when its predecessor ceased',
    orgs: [base({ id: 'a', validTo: '2024-01-01', successorId: 'b' }), base({ id: 'b', code: 'QBB', validFrom: '2025-01-01' })],
    messages: [/b is not in existence on 2024-01-01/],
  },
  {
    name: 'a cycle of successors',
    orgs: [base({ id: 'a', validTo: '2024-01-01', successorId: 'b' }), base({ id: 'b', code: 'QBB', validTo: '2024-01-01', successorId: 'a' })],
    // a cycle can never be consistent in time either, so each link is reported twice
    messages: [/b is not in existence/, /from a comes back to an earlier organisation/, /a is not in existence/, /from b comes back to an earlier organisation/],
  },
  { name: 'a 5-character ICB code of the wrong pattern', orgs: [base({ code: '12345' })], messages: [/not a 3-character ODS code starting with Q or a 5-character/] },
  {
    name: 'a split successor that is not there, or not yet in existence',
    orgs: [base({ id: 'a', validTo: '2026-04-01', ext: { successorIds: ['b', 'nowhere'] } }), base({ id: 'b', code: 'S1Y5D', validFrom: '2027-04-01' })],
    messages: [/successorIds\[0\]: b is not in existence on 2026-04-01/, /successorIds\[1\]: nowhere is not in the list/],
  },
  { name: 'a split body that does not say when it ceased', orgs: [base({ id: 'a', ext: { successorIds: ['b'] } }), base({ id: 'b', code: 'QBB' })], messages: [/validTo: is missing: a split organisation/] },
  { name: 'a council succeeded by an ICB', orgs: [base({ id: 'a', kind: 'local_authority', code: 'E10000034', validTo: '2024-01-01', successorId: 'b' }), base({ id: 'b', code: 'QBB' })], messages: [/b is a icb, not a local_authority/] },
];

for (const c of cases) {
  test(`validateOrganisationReference finds ${c.name}`, () => {
    const issues = validateOrganisationReference(c.orgs);
    assert.equal(issues.length, c.messages.length, JSON.stringify(issues));
    c.messages.forEach((m, i) => assert.match(`${issues[i]!.path}: ${issues[i]!.message}`, m));
  });
}

test('a cycle makes successorOn give no answer rather than loop', () => {
  const loop = [base({ id: 'a', validTo: '2024-01-01', successorId: 'b' }), base({ id: 'b', code: 'QBB', validTo: '2024-01-01', successorId: 'a' })];
  assert.equal(successorOn(loop, 'a', '2025-01-01'), undefined);
});
