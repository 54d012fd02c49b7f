/**
 * Shared set-up for the care-records integration tests: one database per test file (opened in `before`),
 * two councils, two ICBs and a provider, the register and care-records services, contexts for a council
 * and an ICB user, people with an open duty, and counters of rows and audit events.
 */
import { sql } from 'drizzle-orm';
import type { Actor, Role, ServiceContext } from '../../../src/platform/context.ts';
import { rowsOf, type Db } from '../../../src/platform/db/client.ts';
import { organisations } from '../../../src/platform/organisations/tables.ts';
import { users } from '../../../src/platform/users/tables.ts';
import { createRegisterService, type RegisterService } from '../../../src/modules/register/service.ts';
import { createCareRecordsService, type CareRecordsService } from '../../../src/modules/care-records/service.ts';
import { endDutiesOnNewDetention } from '../../../src/modules/care-records/redetention-hook.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

export const orgs = { north: 'org-north', south: 'org-south', northIcb: 'org-north-icb', southIcb: 'org-south-icb', provider: 'org-provider' } as const;

export function contextFor(organisationId: string, id: string, roles: Role[] = ['team_manager'], now = '2026-03-12T10:00:00Z'): ServiceContext {
  const actor: Actor = { kind: 'user', id, name: `User ${id}`, organisationId, teamId: null, roles };
  return { actor, requestId: `req-${id}`, now: new Date(now) };
}

export interface CareWorld {
  db: Db;
  register: RegisterService;
  care: CareRecordsService;
  council: ServiceContext;
  icb: ServiceContext;
  auditCount(action: string): Promise<number>;
  count(table: string): Promise<number>;
  /** A person (born 1980) with a section 3 detention and an open duty of Northshire and its ICB from 2025-06-01. */
  person(names?: { givenName: string; familyName: string }): Promise<{ id: string; detentionId: string; dutyId: string }>;
  close(): Promise<void>;
}

export async function openCareWorld(): Promise<CareWorld> {
  const database: TestDatabase = await createTestDatabase();
  const db = database.db;
  await db.insert(organisations).values([
    { id: orgs.north, name: 'Northshire County Council', kind: 'local_authority', code: 'E10000001', nation: 'england' },
    { id: orgs.south, name: 'Southshire County Council', kind: 'local_authority', code: 'E10000002', nation: 'england' },
    { id: orgs.northIcb, name: 'NHS Northshire ICB', kind: 'icb', code: 'QN1', nation: 'england' },
    { id: orgs.southIcb, name: 'NHS Southshire ICB', kind: 'icb', code: 'QS1', nation: 'england' },
    { id: orgs.provider, name: 'Riverside Care', kind: 'provider' },
  ]);
  // Sign-offs are recorded against staff, made from users on first use.
  await db.insert(users).values([
    { id: 'user-council', email: 'council@example.org', name: 'Cara Council', organisationId: orgs.north },
    { id: 'user-icb', email: 'icb@example.org', name: 'Ike Icb', organisationId: orgs.northIcb },
  ] as never);
  // As src/app/services.ts wires it: a recorded qualifying detention ends the open duty (END-05).
  const register = createRegisterService({ db, detentionRecorded: endDutiesOnNewDetention });
  const care = createCareRecordsService({ db });
  const council = contextFor(orgs.north, 'user-council');
  const count = async (table: string) => rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0;
  return {
    db,
    register,
    care,
    council,
    icb: contextFor(orgs.northIcb, 'user-icb'),
    count,
    auditCount: async (action) => rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_event where action = ${action}`))[0]?.n ?? 0,
    async person(names = { givenName: 'Ada', familyName: 'Lovelace' }) {
      const { id } = await register.createPerson(council, { ...names, dateOfBirth: '1980-04-01' });
      const detention = await register.addDetention(council, id, { section: '3', start: '2025-01-10', end: '2025-06-01' });
      const duty = await register.addDuty(council, id, { detentionId: detention.id, start: '2025-06-01', localAuthorityId: orgs.north, healthBodyId: orgs.northIcb });
      return { id, detentionId: detention.id, dutyId: duty.id };
    },
    close: () => database.close(),
  };
}

/** The issues of a ValidationError, for `assert.rejects`. */
export function refusedWith(path: string, message: RegExp) {
  return (error: unknown) => {
    const issues = (error as { issues?: { path: string; message: string }[] }).issues ?? [];
    return issues.some((issue) => issue.path === path && message.test(issue.message)) || assertFail(issues);
  };
}
function assertFail(issues: unknown): never {
  throw new Error(`unexpected issues: ${JSON.stringify(issues)}`);
}
