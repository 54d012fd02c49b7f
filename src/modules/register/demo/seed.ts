/**
 * The demo register: the demo organisations (councils with GSS codes, ICBs and a health board with ODS
 * codes, a trust, providers, a charity), one demo user per role, about 200 generated people and the
 * reference case (LGSCO 24 014 179, "Mr B"), all written through the register's import service in one
 * transaction. Idempotent: a register that already holds people is left alone.
 *
 * The demo sign-ins are listed in `demoUsers` with the password `DEMO_PASSWORD`: demonstration only.
 */
import type { Services } from '../../../app/services.ts';
import { todayInLondon } from '../../../domain/calendar/civil-date.ts';
import type { CaseFile } from '../../../domain/case-file/schema.ts';
import { systemContext, type Role, type ServiceContext } from '../../../platform/context.ts';
import { generateDemoCaseFiles } from '../../../demo/case-file-generator.ts';
import { demoOrganisationIds, demoOrganisations } from '../../../demo/organisations.ts';
import { referenceCaseFile } from '../../../demo/reference-case.ts';
import { withOrganisationsChanging } from '../../../platform/organisations/directory.ts';
import { findUserByEmail } from '../../../platform/users/repository.ts';
import { unstoredSectionsOf } from '../case-references.ts';

/** Every demo user signs in with this password. Never use the demo data outside a demonstration. */
export const DEMO_PASSWORD = 'aftercare-demo-only';
export const DEMO_SEED = 117;
export const DEMO_PEOPLE = 200;

const council = demoOrganisationIds.worcestershire;
const icb = demoOrganisationIds.icbHerefordshireWorcestershire;

/** One user per role, at the organisation where that role works. */
export const demoUsers: readonly { email: string; name: string; role: Role; organisationId: string }[] = [
  { email: 'practitioner@worcestershire.example', name: 'Priya Practitioner', role: 'practitioner', organisationId: council },
  { email: 'team-manager@worcestershire.example', name: 'Tom Manager', role: 'team_manager', organisationId: council },
  { email: 'panel-member@worcestershire.example', name: 'Pat Panel', role: 'panel_member', organisationId: council },
  { email: 'commissioner@icb.example', name: 'Chris Commissioner', role: 'commissioner', organisationId: icb },
  { email: 'complaints@worcestershire.example', name: 'Cara Complaints', role: 'complaints_officer', organisationId: council },
  { email: 'auditor@worcestershire.example', name: 'Alex Auditor', role: 'auditor', organisationId: council },
  { email: 'admin@worcestershire.example', name: 'Ada Admin', role: 'admin', organisationId: council },
];

export interface SeedResult {
  skipped: boolean;
  organisations: number;
  users: number;
  people: number;
  allocations: number;
}

type SeedServices = Pick<Services, 'db' | 'users' | 'register'>;

/** The sections of a case file that Aftercare stores: those it cannot store yet are left out, on purpose. */
export function storedSectionsOf(file: CaseFile, stored: readonly string[]): CaseFile {
  const trimmed: CaseFile = { ...file };
  for (const section of unstoredSectionsOf(stored)) trimmed[section] = [];
  return trimmed;
}

/** An import context that makes the person visible to the council that holds their case. */
function importContext(file: CaseFile, now: Date): ServiceContext {
  const ctx = systemContext('seed-demo', now);
  const organisationId = file.duties[0]?.localAuthorityId ?? file.residences.at(-1)?.localAuthorityId ?? council;
  return { ...ctx, actor: { ...ctx.actor, name: 'Demo data', organisationId } };
}

export async function seedDemo(services: SeedServices, options: { people?: number; now?: Date } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const ctx = systemContext('seed-demo', now);
  if (await services.register.hasPeople()) return { skipped: true, organisations: 0, users: 0, people: 0, allocations: 0 };

  const organisations = await services.register.ensureOrganisations(ctx, demoOrganisations());
  let users = 0;
  const userIds = new Map<Role, string>();
  for (const user of demoUsers) {
    const existing = await findUserByEmail(services.db, user.email);
    if (existing) {
      userIds.set(user.role, existing.user.id);
      continue;
    }
    const created = await services.users.createUser(ctx, { email: user.email, name: user.name, organisation: user.organisationId, roles: [user.role], password: DEMO_PASSWORD });
    userIds.set(user.role, created.id);
    users++;
  }

  const files = [
    storedSectionsOf(referenceCaseFile(), services.register.storedSections()),
    ...generateDemoCaseFiles({ seed: DEMO_SEED, people: options.people ?? DEMO_PEOPLE, asOf: todayInLondon(now), sections: 'all' }),
  ];
  await withOrganisationsChanging(() =>
    services.db.transaction(async (tx) => {
      for (const file of files) await services.register.importCaseFile(tx, importContext(file, now), file);
    }),
  );

  // Give the demo practitioner a caseload, so "allocated to me" shows something on first sign-in.
  const practitioner = userIds.get('practitioner');
  let allocations = 0;
  if (practitioner) {
    const manager = { ...ctx, actor: { ...ctx.actor, organisationId: council } };
    const open = await services.register.listPeople(manager, { organisation: council, status: 'open', pageSize: 12 });
    for (const person of open.people) {
      const view = await services.register.getCase(manager, person.id);
      const duty = view.duties.find((d) => d.localAuthorityId === council && !d.end);
      if (!duty) continue;
      await services.register.allocateWorker(manager, person.id, { dutyId: duty.id, staffId: practitioner, from: duty.start });
      allocations++;
    }
  }
  return { skipped: false, organisations, users, people: files.length, allocations };
}
