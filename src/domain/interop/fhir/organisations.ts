/** Organization per council, health body, trust, provider and other body in the case file. */
import type { Organisation } from '../../case-file/schema.ts';
import { compact, type ExportContext } from './context.ts';
import { systems } from './profiles.ts';
import type { Identifier, Resource } from './types.ts';

const organisationTypes: Record<Organisation['kind'], { code: string; display: string }> = {
  local_authority: { code: 'govt', display: 'Government' },
  icb: { code: 'govt', display: 'Government' },
  lhb: { code: 'govt', display: 'Government' },
  ombudsman: { code: 'govt', display: 'Government' },
  nhs_trust: { code: 'prov', display: 'Healthcare Provider' },
  provider: { code: 'prov', display: 'Healthcare Provider' },
  voluntary: { code: 'cg', display: 'Community Group' },
  other: { code: 'other', display: 'Other' },
};

/** ODS codes for NHS bodies; GSS codes for councils and CQC location ids for providers under Aftercare's own systems. */
function codeIdentifier(ctx: ExportContext, org: Organisation): Identifier | undefined {
  if (!org.code) return undefined;
  if (org.kind === 'icb' || org.kind === 'lhb' || org.kind === 'nhs_trust') return { system: systems.odsOrganisationCode, value: org.code };
  if (org.kind === 'local_authority') return { system: ctx.systems.gssCode, value: org.code };
  if (org.kind === 'provider') return { system: ctx.systems.cqcLocationId, value: org.code };
  return undefined;
}

export function organization(ctx: ExportContext, org: Organisation): Resource {
  const code = codeIdentifier(ctx, org);
  return ctx.resource('Organization', org.id, compact({
    identifier: [...(code ? [code] : []), { system: ctx.systems.recordId, value: org.id }],
    active: org.validTo === undefined || ctx.today < org.validTo,
    type: [{ coding: [{ system: systems.organisationType, ...organisationTypes[org.kind] }] }],
    name: org.name,
  }));
}
