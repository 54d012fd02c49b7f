/**
 * What each role may do. Permissions are checked by services (`assertPermission`) and declared by routes
 * (`config.permission`). The table is the one place that maps roles to permissions.
 */
import { ForbiddenError } from './errors.ts';
import type { Actor, Role } from './context.ts';

export const permissions = [
  'case:read',
  'case:write',
  'case:allocate',
  'audit:read',
  'users:manage',
  'organisations:manage',
  'evaluate',
  'complaints:manage',
  'panel:decide',
  'register:import',
] as const;
export type Permission = (typeof permissions)[number];

/** Role → permissions. The auditor reads cases and the audit trail but changes nothing. */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  practitioner: ['case:read', 'case:write', 'evaluate'],
  team_manager: ['case:read', 'case:write', 'case:allocate', 'evaluate', 'complaints:manage'],
  panel_member: ['case:read', 'evaluate', 'panel:decide'],
  commissioner: ['case:read', 'case:write', 'evaluate'],
  complaints_officer: ['case:read', 'case:write', 'evaluate', 'complaints:manage'],
  auditor: ['case:read', 'audit:read', 'evaluate'],
  admin: ['users:manage', 'organisations:manage', 'audit:read', 'evaluate', 'register:import'],
};

export function permissionsOf(actorRoles: readonly Role[]): Set<Permission> {
  return new Set(actorRoles.flatMap((role) => rolePermissions[role] ?? []));
}

export function hasPermission(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  return actor.roles.some((role) => rolePermissions[role]?.includes(permission));
}

export function assertPermission(actor: Pick<Actor, 'roles'>, permission: Permission): void {
  if (!hasPermission(actor, permission)) throw new ForbiddenError();
}

/** Passes when the actor holds any one of the permissions (e.g. importing: case:write or register:import). */
export function assertAnyPermission(actor: Pick<Actor, 'roles'>, ...permissions: Permission[]): void {
  if (!permissions.some((permission) => hasPermission(actor, permission))) throw new ForbiddenError();
}

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}
