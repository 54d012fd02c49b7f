import { test } from 'node:test';
import assert from 'node:assert/strict';
import reference from '../../../../reference-data/organisations.json' with { type: 'json' };
import { organisation as organisationSchema, type Organisation } from '../../../../src/domain/case-file/schema.ts';
import { organisationByCode, successorOn, validateOrganisationReference } from '../../../../src/domain/interop/reference-data.ts';

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

test('the file holds 153 English and 22 Welsh councils in existence today, 42 ICBs and 7 Welsh health boards', () => {
  const current = orgs.filter((o) => o.validTo === undefined);
  const count = (kind: string, nation: string) => current.filter((o) => o.kind === kind && o.nation === nation).length;
  assert.equal(count('local_authority', 'england'), 153);
  assert.equal(count('local_authority', 'wales'), 22);
  assert.equal(count('icb', 'england'), 42);
  assert.equal(count('lhb', 'wales'), 7);
  const prefixes = new Map<string, number>();
  for (const o of current.filter((o) => o.kind === 'local_authority')) prefixes.set(o.code!.slice(0, 3), (prefixes.get(o.code!.slice(0, 3)) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries([...prefixes].sort()), { E06: 63, E08: 36, E09: 33, E10: 21, W06: 22 });
});

test('the file records its source, licence and what is unverified', () => {
  assert.match(JSON.stringify(reference.metadata.sources), /Open Government Licence v3\.0/);
  assert.ok(reference.metadata.unverified.some((line) => line.includes('1 April 2026')));
});

test('known codes: Worcestershire, Herefordshire and Worcestershire ICB, Cardiff and Vale', () => {
  assert.equal(organisationByCode(orgs, 'e10000034')?.name, 'Worcestershire');
  assert.equal(organisationByCode(orgs, 'QGH')?.name, 'NHS Herefordshire and Worcestershire Integrated Care Board');
  assert.equal(organisationByCode(orgs, '7A4')?.name, 'Cardiff and Vale University Health Board');
  assert.equal(organisationByCode(orgs, 'QGH')?.validFrom, '2022-07-01');
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
