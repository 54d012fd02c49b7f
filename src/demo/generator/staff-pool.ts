/**
 * A stable staff list per organisation (the same seed and organisations give the same names and ids), so
 * that every generated case file refers to the same social workers and the seeded register has teams.
 */
import { Faker, base, en, en_GB } from '@faker-js/faker';
import type { Organisation, Staff } from '../../domain/case-file/schema.ts';
import { mixSeed } from '../random.ts';
import type { StaffPool } from './context.ts';

type Role = NonNullable<Staff['role']>;

const rolesByKind: Partial<Record<Organisation['kind'], readonly (readonly [Role, number])[]>> = {
  local_authority: [['social_worker', 6], ['team_manager', 1], ['complaints_officer', 1], ['panel_chair', 1], ['commissioner', 1]],
  icb: [['commissioner', 2], ['care_coordinator', 1], ['complaints_officer', 1]],
  lhb: [['commissioner', 1], ['care_coordinator', 1], ['complaints_officer', 1]],
  nhs_trust: [['care_coordinator', 4]],
};

const roleCodes: Record<Role, string> = {
  social_worker: 'sw',
  care_coordinator: 'cc',
  team_manager: 'tm',
  commissioner: 'cm',
  complaints_officer: 'co',
  panel_chair: 'pc',
  other: 'ot',
};

function hashText(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

export function createStaffPool(seed: number, organisations: readonly Organisation[]): StaffPool {
  const faker = new Faker({ locale: [en_GB, en, base] });
  const all: Staff[] = [];
  const index = new Map<string, Staff[]>();
  for (const organisation of organisations) {
    const roles = rolesByKind[organisation.kind];
    if (!roles) continue;
    faker.seed(mixSeed(seed, hashText(organisation.id)));
    for (const [role, count] of roles) {
      const members: Staff[] = [];
      for (let n = 1; n <= count; n++) {
        const member: Staff = {
          id: `${organisation.id.replace(/^org-/, 'st-')}-${roleCodes[role]}${n}`,
          name: `${faker.person.firstName()} ${faker.person.lastName()}`,
          organisationId: organisation.id,
          role,
        };
        members.push(member);
        all.push(member);
      }
      index.set(`${organisation.id}|${role}`, members);
    }
  }
  return {
    byRole: (organisationId, role) => index.get(`${organisationId}|${role}`) ?? [],
    all: () => all,
  };
}
