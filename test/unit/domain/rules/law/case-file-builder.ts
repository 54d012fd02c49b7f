/**
 * Small builders for law-engine tests: a valid case file from the parts a test cares about.
 */
import type {
  CaseFile,
  Detention,
  GpRegistration,
  Residence,
} from '../../../../../src/domain/case-file/schema.ts';
import { defaultRulesConfig, type RulesConfig } from '../../../../../src/domain/rules/config.ts';
import { emptyCaseFile } from '../../../../../src/domain/case-file/empty-case-file.ts';

const organisations: CaseFile['organisations'] = [
  { id: 'la-a', name: 'Council A', kind: 'local_authority', nation: 'england' },
  { id: 'la-b', name: 'Council B', kind: 'local_authority', nation: 'england' },
  { id: 'la-c', name: 'Council C', kind: 'local_authority', nation: 'england' },
  { id: 'icb-a', name: 'ICB A', kind: 'icb', nation: 'england' },
  { id: 'icb-b', name: 'ICB B', kind: 'icb', nation: 'england' },
  { id: 'la-w', name: 'Welsh Council W', kind: 'local_authority', nation: 'wales' },
  { id: 'lhb-w', name: 'Health Board W', kind: 'lhb', nation: 'wales' },
];

export function caseFile(parts: Partial<CaseFile>): CaseFile {
  return emptyCaseFile({
    organisations,
    staff: [
      { id: 's-la', name: 'Team Manager', organisationId: 'la-a' },
      { id: 's-icb', name: 'Commissioner', organisationId: 'icb-a' },
    ],
    person: { id: 'p1', givenName: 'Alex', familyName: 'Example' },
    ...parts,
  });
}

export function residence(
  from: string,
  to: string | undefined,
  kind: Residence['kind'],
  localAuthorityId?: string,
  healthBodyId?: string,
  extra: Partial<Residence> = {},
): Residence {
  const nation = localAuthorityId === 'la-w' ? 'wales' : 'england';
  return {
    from,
    ...(to === undefined ? {} : { to }),
    nation,
    kind,
    ...(localAuthorityId === undefined ? {} : { localAuthorityId }),
    ...(healthBodyId === undefined ? {} : { healthBodyId }),
    ...extra,
  };
}

export function detention(
  id: string,
  section: Detention['section'],
  start: string,
  end?: string,
  extra: Partial<Detention> = {},
): Detention {
  return { id, section, start, ...(end === undefined ? {} : { end }), ...extra };
}

export function gp(from: string, to: string | undefined, healthBodyId: string): GpRegistration {
  return { from, ...(to === undefined ? {} : { to }), healthBodyId };
}

export function config(overrides: Partial<RulesConfig> = {}): RulesConfig {
  return { ...defaultRulesConfig, ...overrides };
}
