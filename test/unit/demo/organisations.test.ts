import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoAreas, demoOrganisationIds, demoOrganisations } from '../../../src/demo/organisations.ts';
import { organisation as organisationSchema } from '../../../src/domain/case-file/schema.ts';

describe('demoOrganisations', () => {
  it('gives valid organisation records with unique, stable ids', () => {
    const organisations = demoOrganisations();
    assert.equal(new Set(organisations.map((o) => o.id)).size, organisations.length);
    for (const organisation of organisations) assert.ok(organisationSchema.safeParse(organisation).success, organisation.id);
    assert.deepEqual(
      organisations.map((o) => o.id).sort(),
      Object.values(demoOrganisationIds).sort(),
    );
  });

  it('uses real-format codes: GSS for councils, ODS for ICBs and the Welsh health board', () => {
    const byId = new Map(demoOrganisations().map((o) => [o.id, o]));
    assert.equal(byId.get(demoOrganisationIds.worcestershire)?.code, 'E10000034');
    assert.equal(byId.get(demoOrganisationIds.herefordshire)?.code, 'E06000019');
    assert.equal(byId.get(demoOrganisationIds.icbHerefordshireWorcestershire)?.code, 'QGH');
    for (const organisation of byId.values()) {
      if (organisation.kind === 'local_authority') assert.match(organisation.code ?? '', organisation.nation === 'wales' ? /^W06\d{6}$/ : /^E(06|07|08|09|10)\d{6}$/);
      if (organisation.kind === 'icb') assert.match(organisation.code ?? '', /^Q[A-Z0-9]{2}$/);
      if (organisation.kind === 'provider') assert.ok(organisation.cqc?.overall, `${organisation.id} has CQC ratings`);
    }
    assert.ok([...byId.values()].some((o) => o.kind === 'voluntary'));
    assert.ok([...byId.values()].some((o) => o.kind === 'lhb' && o.nation === 'wales'));
  });

  it('returns a copy each time', () => {
    const first = demoOrganisations();
    (first[0] as { name: string }).name = 'changed';
    assert.notEqual(demoOrganisations()[0]?.name, 'changed');
  });

  it('maps every area to a council and health body of the list', () => {
    const ids = new Set(demoOrganisations().map((o) => o.id));
    for (const area of demoAreas) {
      assert.ok(ids.has(area.localAuthorityId));
      assert.ok(ids.has(area.healthBodyId));
    }
  });
});
