/**
 * One database for a complaints test file: the register's organisations, a complaints service and service
 * contexts for a given role and date. Each test adds its own person, so tests do not see each other's data.
 */
import { sql } from 'drizzle-orm';
import type { Role, ServiceContext } from '../../../src/platform/context.ts';
import { rowsOf, type Db } from '../../../src/platform/db/client.ts';
import { organisations } from '../../../src/platform/organisations/tables.ts';
import { createRegisterService, type RegisterService } from '../../../src/modules/register/service.ts';
import { createComplaintsService, type ComplaintsService } from '../../../src/modules/complaints/service.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { contextFor, orgs } from '../register/support.ts';

export { orgs };

export interface ComplaintsWorld {
  database: TestDatabase;
  db: Db;
  register: RegisterService;
  complaints: ComplaintsService;
  /** A user of an organisation with roles, acting on a date (noon UTC). */
  as(organisationId: string, roles: Role[], on?: string): ServiceContext;
  auditCount(action: string): Promise<number>;
}

export async function openWorld(): Promise<ComplaintsWorld> {
  const database = await createTestDatabase();
  const db = database.db;
  await db.insert(organisations).values([
    { id: orgs.north, name: 'Northshire County Council', kind: 'local_authority', code: 'E10000001', nation: 'england' },
    { id: orgs.south, name: 'Southshire County Council', kind: 'local_authority', code: 'E10000002', nation: 'england' },
    { id: orgs.northIcb, name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1', nation: 'england' },
    { id: orgs.southIcb, name: 'NHS Southshire ICB', kind: 'icb', code: 'QS1', nation: 'england' },
    { id: orgs.provider, name: 'Riverside Care', kind: 'provider' },
  ]);
  return {
    database,
    db,
    register: createRegisterService({ db }),
    complaints: createComplaintsService({ db }),
    as: (organisationId, roles, on = '2026-03-12') => ({ ...contextFor(organisationId, roles, `user-${organisationId}-${roles.join('-')}`), now: new Date(`${on}T12:00:00Z`) }),
    auditCount: async (action) => rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_event where action = ${action}`))[0]?.n ?? 0,
  };
}

/** A person held by Northshire and its ICB, with an open duty from 1 June 2025. */
export async function northPerson(world: ComplaintsWorld, familyName = 'Lovelace') {
  const ctx = world.as(orgs.north, ['team_manager']);
  const { id } = await world.register.createPerson(ctx, { givenName: 'Ada', familyName });
  const detention = await world.register.addDetention(ctx, id, { section: '3', start: '2025-01-10', end: '2025-06-01' });
  const duty = await world.register.addDuty(ctx, id, { detentionId: detention.id, start: '2025-06-01', localAuthorityId: orgs.north, healthBodyId: orgs.northIcb });
  return { id, dutyId: duty.id };
}
