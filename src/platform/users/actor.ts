/**
 * The Actor a signed-in user acts as. Every way of signing in (password now, OpenID Connect later) ends by
 * finding the user's row and turning it into an Actor here.
 */
import type { Actor } from '../context.ts';
import type { UserRow } from './tables.ts';

export function actorFromUser(user: Pick<UserRow, 'id' | 'name' | 'organisationId' | 'teamId' | 'roles'>): Actor {
  return { kind: 'user', id: user.id, name: user.name, organisationId: user.organisationId, teamId: user.teamId, roles: user.roles };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
