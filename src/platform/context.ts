/**
 * Who is acting, and for which request. Every service call takes a ServiceContext (ADR 0001).
 */

export const roles = ['practitioner', 'team_manager', 'panel_member', 'commissioner', 'complaints_officer', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** `user` signs in; `api_token` is an integration; `system` is the CLI, seeding and the sweep. */
export type ActorKind = 'user' | 'api_token' | 'system';

export interface Actor {
  kind: ActorKind;
  id: string;
  name: string;
  organisationId: string | null;
  teamId: string | null;
  roles: readonly Role[];
}

export interface ServiceContext {
  actor: Actor;
  requestId: string;
  now: Date;
}

/** The actor for work started from the terminal or by the system itself; it holds every role. */
export function systemActor(name = 'Aftercare system'): Actor {
  return { kind: 'system', id: 'system', name, organisationId: null, teamId: null, roles: [...roles] };
}

export function systemContext(requestId = `cli-${Date.now().toString(36)}`, now = new Date()): ServiceContext {
  return { actor: systemActor(), requestId, now };
}
