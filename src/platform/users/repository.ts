/**
 * The SQL of users and organisations that the platform needs: finding a user to sign in, showing who is
 * signed in, creating users from the terminal.
 */
import { eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { organisations, type OrganisationRow } from '../organisations/tables.ts';
import { users, type UserRow } from './tables.ts';
import { normaliseEmail } from './actor.ts';

export interface UserWithOrganisation {
  user: UserRow;
  organisation: Pick<OrganisationRow, 'id' | 'name' | 'kind' | 'code'>;
}

const organisationColumns = { id: organisations.id, name: organisations.name, kind: organisations.kind, code: organisations.code };

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserWithOrganisation | undefined> {
  const [row] = await db
    .select({ user: users, organisation: organisationColumns })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return row;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserWithOrganisation | undefined> {
  const [row] = await db
    .select({ user: users, organisation: organisationColumns })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

/** An organisation by its id or its code (GSS code for councils, ODS code for NHS bodies). */
export async function findOrganisation(db: DbOrTx, idOrCode: string): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(or(eq(organisations.id, idOrCode), eq(organisations.code, idOrCode)))
    .limit(1);
  return row;
}
