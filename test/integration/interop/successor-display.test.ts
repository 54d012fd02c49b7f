/**
 * The ICB mergers of 1 April 2026 on a real register: a duty recorded against NHS Bedfordshire, Luton and
 * Milton Keynes ICB keeps that body, the pages and the register export say it is now part of NHS Central East
 * ICB, and the successor's users see the case. Uses the shipped reference data.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type SignedIn, type TestApp } from '../../support/app.ts';
import { systemContext } from '../../../src/platform/context.ts';
import { emptyCaseFile } from '../../../src/domain/case-file/empty-case-file.ts';
import { registerRowsOf } from '../../../src/modules/reports/register-export.ts';

const now = new Date('2026-11-27T10:00:00Z');
const system = () => systemContext('test-successors', now);

describe('successors shown on a case', () => {
  let t: TestApp;
  let personId: string;
  let council: SignedIn;
  let successorIcb: SignedIn;
  let unrelatedIcb: SignedIn;

  before(async () => {
    t = await createTestApp();
    await t.services.interop.loadOrganisations(system());
    const file = emptyCaseFile({
      person: { id: 'p1', givenName: 'Ada', familyName: 'Merger', nhsNumber: '9434765919', dateOfBirth: '1980-01-01' },
      organisations: [
        { id: 'bedford', name: 'Bedford', kind: 'local_authority', code: 'E06000055', nation: 'england' },
        { id: 'blmk', name: 'NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board', kind: 'icb', code: 'QHG', nation: 'england' },
      ],
      detentions: [{ id: 'd1', section: '3', start: '2024-01-10', end: '2024-05-01', leftHospital: '2024-05-01' }],
      duties: [{ id: 'du1', detentionId: 'd1', start: '2024-05-01', localAuthorityId: 'bedford', healthBodyId: 'blmk' }],
    });
    personId = (await t.services.register.importCaseFileAlone(system(), file)).personId;
    council = await t.signedInUser(['team_manager'], { organisationId: 'gss-E06000055' });
    successorIcb = await t.signedInUser(['commissioner'], { organisationId: 'ods-S1Y5D' });
    unrelatedIcb = await t.signedInUser(['commissioner'], { organisationId: 'ods-QGH' });
  });
  after(() => t.close());

  it('the duty keeps the ICB recorded and says who answers for it now', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/people', headers: council.headers });
    assert.equal(list.statusCode, 200);
    const href = `/people/${personId}`;
    assert.ok(list.body.includes(`href="${href}"`), 'the person is on the council’s register');
    const expected = 'NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board (now part of NHS Central East Integrated Care Board from 1 April 2026)';
    assert.ok(list.body.includes(expected), 'the register list names the successor');

    const duties = await t.app.inject({ method: 'GET', url: `${href}/duties`, headers: council.headers });
    assert.equal(duties.statusCode, 200);
    assert.ok(duties.body.includes(expected), 'the duty card names the successor');
    const overview = await t.app.inject({ method: 'GET', url: href, headers: council.headers });
    assert.ok(overview.body.includes(expected), 'the overview names the successor');
    // a council still in existence is named as it is
    assert.match(duties.body, /<dd class="govuk-summary-list__value">\s*Bedford\s*<\/dd>/);
  });

  it('the successor ICB sees the case; an ICB that had no part in it does not', async () => {
    const seen = await t.app.inject({ method: 'GET', url: `/people/${personId}`, headers: successorIcb.headers });
    assert.equal(seen.statusCode, 200);
    const hidden = await t.app.inject({ method: 'GET', url: `/people/${personId}`, headers: unrelatedIcb.headers });
    assert.equal(hidden.statusCode, 404);
  });

  it('the register export names the body recorded and its successor on the export date, not before the merger', async () => {
    const file = await t.services.register.exportCaseFile(system(), personId);
    const [after] = registerRowsOf(file, '2026-11-27');
    assert.equal(after![8], 'NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board (now part of NHS Central East Integrated Care Board from 1 April 2026)');
    const [before] = registerRowsOf(file, '2026-03-31');
    assert.equal(before![8], 'NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board');
  });
});
