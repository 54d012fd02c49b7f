/**
 * Interoperability against the database (one database for the file): organisation reference data loading,
 * the legacy register import (dry run, commit, all-or-nothing), the FHIR endpoint and the CLD export.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { systemContext } from '../../../src/platform/context.ts';
import { ValidationError } from '../../../src/platform/errors.ts';
import { organisations } from '../../../src/platform/organisations/tables.ts';
import { people } from '../../../src/modules/register/tables.ts';
import { RegisterImportFailedError } from '../../../src/modules/interop/service.ts';
import { readReferenceOrganisations } from '../../../src/modules/interop/reference-file.ts';

const fixture = (name: string) => readFile(new URL(`../../fixtures/interop/${name}`, import.meta.url), 'utf8');
const ctx = (organisationId: string | null = null) => {
  const c = systemContext('test-interop', new Date('2026-11-27T10:00:00Z'));
  c.actor = { ...c.actor, organisationId };
  return c;
};

describe('interoperability on the database', () => {
  let t: TestApp;
  let csv: string;
  let mapping: unknown;
  const countOf = async (table: typeof people | typeof organisations) => (await t.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

  before(async () => {
    t = await createTestApp();
    csv = await fixture('messy-register.csv');
    // The register's import refuses a services section until the care-records store is wired into it
    // (src/app/services.ts), so the service columns are read and ignored here.
    const full = JSON.parse(await fixture('mapping.json'));
    mapping = { ...full, columns: { ...full.columns, Service: null, 'Service Type': null, Provider: null, 'Weekly Cost': null } };
  });
  after(() => t.close());

  it('loads the reference organisations, idempotently, and writes nothing from an invalid list', async () => {
    const reference = await readReferenceOrganisations();
    const first = await t.services.interop.loadOrganisations(ctx());
    assert.deepEqual(first, { created: reference.length, updated: 0, unchanged: 0 });
    const second = await t.services.interop.loadOrganisations(ctx());
    assert.deepEqual(second, { created: 0, updated: 0, unchanged: reference.length });
    const [cumbria] = await t.database.db.select().from(organisations).where(eq(organisations.code, 'E10000006'));
    assert.equal(cumbria?.validTo, '2023-04-01');

    // A renamed council is updated in place; an invalid record stops everything, the good ones included.
    const renamed = reference.map((o) => (o.code === 'E10000034' ? { ...o, name: 'Worcestershire (renamed)' } : o));
    const before = await countOf(organisations);
    const broken = [...renamed, { id: 'gss-E06999999', name: 'New', kind: 'local_authority' as const, code: 'X1', nation: 'england' as const }];
    await assert.rejects(t.services.interop.loadOrganisations(ctx(), broken), (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.path.endsWith('.code')));
    assert.equal(await countOf(organisations), before);
    const [worcs] = await t.database.db.select().from(organisations).where(eq(organisations.code, 'E10000034'));
    assert.notEqual(worcs?.name, 'Worcestershire (renamed)');
    assert.deepEqual(await t.services.interop.loadOrganisations(ctx(), renamed), { created: 0, updated: 1, unchanged: reference.length - 1 });
    await t.services.interop.loadOrganisations(ctx());
  });

  it('a dry run writes nothing; a failure at write time leaves nothing; a commit imports the ready rows', async () => {
    const plan = await t.services.interop.planRegisterImport(ctx(), csv, mapping);
    assert.ok(plan.summary.ready > 0 && plan.summary.rejected > 0, JSON.stringify(plan.summary));
    const rejectedLines = plan.rows.filter((r) => r.status === 'rejected').map((r) => r.line);
    assert.ok(rejectedLines.includes(5), 'the invalid NHS number (line 5) is refused');
    assert.equal(await countOf(people), 0);

    // Put the person of line 4 on the register first: the whole import then fails on that row, and nothing else is written.
    const lines = csv.replace(/"Conditionally[^"]*"/, 'conditionally discharged').split(/\r?\n/);
    const lone = await t.services.interop.planRegisterImport(ctx(), `${lines[0]}\n${lines.find((l) => l.startsWith('M1002'))}\n`, mapping);
    assert.equal(lone.summary.ready, 1, JSON.stringify(lone.rows));
    await t.services.interop.commitRegisterImport(ctx(), lone);
    assert.equal(await countOf(people), 1);
    await assert.rejects(t.services.interop.commitRegisterImport(ctx(), plan), (e: unknown) => e instanceof RegisterImportFailedError && e.lines.includes(3));
    assert.equal(await countOf(people), 1, 'nothing half-imported');

    // Without the clash, the ready rows are imported in one go (rows of the same person make one case).
    const fresh = await t.services.interop.planRegisterImport(ctx(), lines.filter((l) => !l.startsWith('M1002')).join('\n'), mapping);
    const result = await t.services.interop.commitRegisterImport(ctx('gss-E10000034'), fresh);
    const persons = new Set(fresh.rows.flatMap((r) => (r.status === 'ready' ? [r.creates.person.id] : [])));
    assert.equal(result.people, persons.size);
    assert.equal(await countOf(people), 1 + persons.size);
  });

  it('GET /api/v1/people/{id}/fhir: a Bundle for a visible person, 404 for another organisation', async () => {
    const [first] = await t.database.db.select({ id: people.id }).from(people).where(eq(people.createdByOrganisationId, 'gss-E10000034')).limit(1);
    assert.ok(first);
    const worcs = await t.signedInUser(['practitioner'], { organisationId: 'gss-E10000034' });
    const ok = await t.app.inject({ method: 'GET', url: `/api/v1/people/${encodeURIComponent(first.id)}/fhir`, headers: worcs.headers });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.match(String(ok.headers['content-type']), /^application\/fhir\+json/);
    const bundle = ok.json();
    assert.equal(bundle.resourceType, 'Bundle');
    assert.ok(bundle.entry.some((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient'));

    const elsewhere = await t.createOrganisation({ id: 'org-elsewhere', name: 'Elsewhere Council' });
    const other = await t.signedInUser(['practitioner'], { organisationId: elsewhere });
    const hidden = await t.app.inject({ method: 'GET', url: `/api/v1/people/${encodeURIComponent(first.id)}/fhir`, headers: other.headers });
    assert.equal(hidden.statusCode, 404);
  });

  it('CLD export: rows for an imported case, formula cells escaped, and the download page', async () => {
    const { csv: out, extract } = await t.services.interop.cldExport(ctx('gss-E10000034'), { councilCode: 'E10000034', from: '2024-04-01', to: '2024-06-30' });
    assert.ok(extract.rows.length > 0);
    assert.ok(extract.rows.some((r) => r.Event_Type === 'Request' && r.Event_Start_Date === '2024-04-15'));
    assert.ok(out.startsWith('LA_Code,'));
    assert.equal(out.split('\r\n').filter(Boolean).length, extract.rows.length + 1);
    await assert.rejects(t.services.interop.cldExport(ctx(), { councilCode: 'W06000015', from: '2024-04-01', to: '2024-03-01' }), ValidationError);

    const user = await t.signedInUser(['commissioner'], { organisationId: 'gss-E10000034' });
    const page = await t.app.inject({ method: 'GET', url: '/reports/cld', headers: user.headers });
    assert.equal(page.statusCode, 200);
    const download = await t.app.inject({ method: 'GET', url: '/reports/cld?council=E10000034&from=2024-04-01&to=2024-06-30', headers: user.headers });
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-type']), /^text\/csv/);
    const bad = await t.app.inject({ method: 'GET', url: '/reports/cld?council=nope&from=x&to=y', headers: user.headers });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /There is a problem/);
  });

  it('the admin upload page shows the dry run as a table and commits on confirm', async () => {
    const admin = await t.signedInUser(['admin'], { organisationId: 'gss-E10000034' });
    const page = await t.app.inject({ method: 'GET', url: '/admin/import-register', headers: admin.headers });
    assert.equal(page.statusCode, 200);
    const small = `Client ID,NHS No,Name,DOB,Section,Date of Admission,Discharge Date,S117 Start Date,Responsible LA,Responsible ICB,Allocated Worker,Service,Service Type,Provider,Weekly Cost,Notes
Z1,,"Doe, =Jane",01/01/1970,s3,01/01/2024,01/02/2024,01/02/2024,E10000034,QGH,,,,,,
Z2,,Bad Row,01/01/1970,CTO,01/01/2024,,01/02/2024,E10000034,QGH,,,,,,`;
    const payload = { _csrf: admin.csrfToken, csv: small, mapping: JSON.stringify(mapping) };
    const dry = await t.app.inject({ method: 'POST', url: '/admin/import-register', headers: admin.headers, payload });
    assert.equal(dry.statusCode, 200, dry.body.slice(0, 500));
    assert.match(dry.body, /data-line="2"/);
    assert.match(dry.body, /data-line="3"/);
    assert.match(dry.body, /Cannot import/);
    const before = await countOf(people);
    const done = await t.app.inject({ method: 'POST', url: '/admin/import-register/commit', headers: admin.headers, payload });
    assert.equal(done.statusCode, 200, done.body.slice(0, 500));
    assert.match(done.body, /Register imported/);
    assert.equal(await countOf(people), before + 1);
    const practitioner = await t.signedInUser(['practitioner']);
    const refused = await t.app.inject({ method: 'GET', url: '/admin/import-register', headers: practitioner.headers });
    assert.equal(refused.statusCode, 403);
  });
});
