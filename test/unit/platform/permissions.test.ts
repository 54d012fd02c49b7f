import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roles, type Actor, type Role } from '../../../src/platform/context.ts';
import { ForbiddenError } from '../../../src/platform/errors.ts';
import { assertPermission, hasPermission, permissions, rolePermissions, type Permission } from '../../../src/platform/permissions.ts';

const actor = (...actorRoles: Role[]): Actor => ({ kind: 'user', id: 'u1', name: 'U', organisationId: 'o1', teamId: null, roles: actorRoles });

test('every role may evaluate a case file', () => {
  for (const role of roles) assert.ok(hasPermission(actor(role), 'evaluate'), role);
});

test('the auditor reads cases and the audit trail and writes nothing', () => {
  const auditor = actor('auditor');
  assert.ok(hasPermission(auditor, 'case:read'));
  assert.ok(hasPermission(auditor, 'audit:read'));
  for (const p of ['case:write', 'case:allocate', 'users:manage', 'organisations:manage'] as Permission[]) assert.equal(hasPermission(auditor, p), false, p);
});

test('the table gives each permission to the roles expected', () => {
  const holders = (p: Permission) => roles.filter((r) => rolePermissions[r].includes(p));
  assert.deepEqual(holders('case:allocate'), ['team_manager']);
  assert.deepEqual(holders('users:manage'), ['admin']);
  assert.deepEqual(holders('audit:read'), ['auditor', 'admin']);
  assert.deepEqual(holders('case:write'), ['practitioner', 'team_manager', 'commissioner', 'complaints_officer']);
  for (const p of permissions) assert.ok(holders(p).length > 0, `${p} is held by some role`);
});

test('roles combine; no roles means no permission', () => {
  assert.ok(hasPermission(actor('panel_member', 'admin'), 'users:manage'));
  assert.ok(hasPermission(actor('panel_member', 'admin'), 'case:read'));
  assert.equal(hasPermission(actor(), 'evaluate'), false);
});

test('assertPermission throws ForbiddenError when the permission is missing', () => {
  assert.throws(() => assertPermission(actor('panel_member'), 'case:write'), ForbiddenError);
  assert.doesNotThrow(() => assertPermission(actor('practitioner'), 'case:write'));
});
