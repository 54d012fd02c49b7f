/**
 * Shared set-up for the register's integration tests: a fresh database with two councils, two ICBs and a
 * provider, service contexts for users of each, and a counter of audit events.
 */
import { sql } from 'drizzle-orm';
import type { Actor, Role, ServiceContext } from '../../../src/platform/context.ts';
import { rowsOf, type Db } from '../../../src/platform/db/client.ts';
import { organisations } from '../../../src/platform/organisations/tables.ts';
import { createRegisterService, type RegisterService } from '../../../src/modules/register/service.ts';
import { createTestDatabase } from '../../support/database.ts';

export const orgs = {
  north: 'org-north',
  south: 'org-south',
  northIcb: 'org-north-icb',
  southIcb: 'org-south-icb',
  provider: 'org-provider',
} as const;

export function contextFor(organisationId: string | null, roles: Role[] = ['team_manager'], id = `user-${organisationId}`): ServiceContext {
  const actor: Actor = { kind: 'user', id, name: `User of ${organisationId}`, organisationId, teamId: null, roles };
  return { actor, requestId: `req-${Math.random().toString(36).slice(2)}`, now: new Date('2026-03-12T10:00:00Z') };
}

export interface RegisterWorld {
  db: Db;
  register: RegisterService;
  north: ServiceContext;
  south: ServiceContext;
  auditCount(action?: string): Promise<number>;
  count(table: string): Promise<number>;
}

export async function withRegister(work: (world: RegisterWorld) => Promise<void>): Promise<void> {
  const database = await createTestDatabase();
  try {
    const db = database.db;
    await db.insert(organisations).values([
      { id: orgs.north, name: 'Northshire County Council', kind: 'local_authority', code: 'E10000001', nation: 'england' },
      { id: orgs.south, name: 'Southshire County Council', kind: 'local_authority', code: 'E10000002', nation: 'england' },
      { id: orgs.northIcb, name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1', nation: 'england' },
      { id: orgs.southIcb, name: 'NHS Southshire ICB', kind: 'icb', code: 'QS1', nation: 'england' },
      { id: orgs.provider, name: 'Riverside Care', kind: 'provider' },
    ]);
    const count = async (table: string) => rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;
    await work({
      db,
      register: createRegisterService({ db }),
      north: contextFor(orgs.north),
      south: contextFor(orgs.south),
      auditCount: async (action) =>
        rowsOf<{ n: number }>(
          await db.execute(action ? sql`select count(*)::int as n from audit_event where action = ${action}` : sql`select count(*)::int as n from audit_event`),
        )[0]?.n ?? 0,
      count,
    });
  } finally {
    await database.close();
  }
}

export const validNhsNumbers = ['9434765919', '9434765870', '9999999999'];

/** A person with a detention and an open duty held by Northshire and its ICB. */
export async function northPerson(world: RegisterWorld, names = { givenName: 'Ada', familyName: 'Lovelace' }) {
  const { id } = await world.register.createPerson(world.north, names);
  const detention = await world.register.addDetention(world.north, id, { section: '3', start: '2025-01-10', end: '2025-06-01' });
  const duty = await world.register.addDuty(world.north, id, {
    detentionId: detention.id,
    start: '2025-06-01',
    localAuthorityId: orgs.north,
    healthBodyId: orgs.northIcb,
  });
  return { id, detentionId: detention.id, dutyId: duty.id };
}
