/**
 * The suite's HTTP scenarios and who signs in for them: the demo practitioner (Worcestershire County
 * Council) for the register, person and alerts reads, the demo team manager of the same council for the
 * team dashboard. Paths rotate over 50 people the council may see, so no single row is all that is read.
 */
import { sql } from 'drizzle-orm';
import type { Services } from '../../src/app/services.ts';
import { demoOrganisationIds } from '../../src/demo/organisations.ts';
import { DEMO_PASSWORD, demoUsers } from '../../src/modules/register/demo/seed.ts';
import { systemContext } from '../../src/platform/context.ts';
import { rowsOf, type Db } from '../../src/platform/db/client.ts';
import { findUserByEmail } from '../../src/platform/users/repository.ts';
import type { Scenario } from './load-test.ts';

export const council = demoOrganisationIds.worcestershire;

export type BenchRole = 'practitioner' | 'team_manager';

export function benchUser(role: BenchRole) {
  const found = demoUsers.find((u) => u.role === role);
  if (!found) throw new Error(`No demo ${role}`);
  return found;
}

/** The bench's users (created when missing, so a reused register keeps working); returns the practitioner's id. */
export async function ensureBenchUsers(services: Pick<Services, 'db' | 'users'>): Promise<string> {
  const ids: string[] = [];
  for (const role of ['practitioner', 'team_manager'] as const) {
    const user = benchUser(role);
    const existing = await findUserByEmail(services.db, user.email);
    ids.push(
      existing?.user.id ??
        (await services.users.createUser(systemContext('bench'), { email: user.email, name: user.name, organisation: user.organisationId, roles: [user.role], password: DEMO_PASSWORD })).id,
    );
  }
  return ids[0] as string;
}

export interface SamplePerson {
  id: string;
  family_name: string;
  nhs_number: string;
}

/** People the practitioner's council may see, for the person and search scenarios. */
export async function samplePeople(db: Db): Promise<SamplePerson[]> {
  const rows = rowsOf<SamplePerson>(
    await db.execute(sql`
      select p.id, p.family_name, p.nhs_number from people p
      where p.nhs_number is not null and exists (select 1 from duties d where d.person_id = p.id and d.local_authority_id = ${council})
      order by md5(p.id) limit 50`),
  );
  if (rows.length === 0) throw new Error('No generated person is visible to the demo council');
  return rows;
}

export type BenchScenario = Scenario & { as?: BenchRole };

export function httpScenarios(sample: SamplePerson[]): BenchScenario[] {
  const ids = sample.map((p) => encodeURIComponent(p.id));
  return [
    { name: 'ceiling', description: 'GET /health: a trivial JSON route in the same process', paths: ['/health'], signedIn: false },
    { name: 'register-list', description: "GET /people: page 1 of the council's register, by name", paths: ['/people'], signedIn: true },
    {
      name: 'register-by-organisation',
      description: 'GET /people?organisation=…&status=open: the open cases of one council',
      paths: [`/people?organisation=${council}&status=open`],
      signedIn: true,
    },
    { name: 'search-name', description: 'GET /people?q=<family name>: search by name', paths: [...new Set(sample.map((p) => `/people?q=${encodeURIComponent(p.family_name)}`))], signedIn: true },
    { name: 'search-nhs-number', description: 'GET /people?q=<NHS number>: search by a whole NHS number', paths: sample.map((p) => `/people?q=${p.nhs_number}`), signedIn: true },
    { name: 'person-page', description: "GET /people/:id: a person's overview page (audited view)", paths: ids.map((id) => `/people/${id}`), signedIn: true },
    { name: 'person-json', description: 'GET /api/v1/people/:id: the same person as JSON (audited view)', paths: ids.map((id) => `/api/v1/people/${id}`), signedIn: true },
    { name: 'dashboard', description: "GET /dashboard as the council's team manager: the team dashboard (HTML)", paths: ['/dashboard'], signedIn: true, as: 'team_manager' },
    { name: 'alerts-api', description: "GET /api/v1/alerts: today's stored alerts of every case the council may see (JSON)", paths: ['/api/v1/alerts'], signedIn: true },
  ];
}
