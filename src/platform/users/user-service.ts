/**
 * Creating users (from the terminal now, an admin page later). Validates everything at once, hashes the
 * password with argon2id, writes the user and its audit event in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { roles, type Role, type ServiceContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import { ValidationError, validationErrorFromZod, type ValidationIssue } from '../errors.ts';
import { assertPermission } from '../permissions.ts';
import { recordAudit } from '../audit/audit-trail.ts';
import { teams } from '../organisations/tables.ts';
import { hashPassword, passwordProblems } from '../auth/passwords.ts';
import { findOrganisation } from './repository.ts';
import { normaliseEmail } from './actor.ts';
import { users, type UserRow } from './tables.ts';

export const newUserSchema = z.object({
  email: z.email('Enter an email address in the correct format, like name@example.org').transform(normaliseEmail),
  name: z.string().trim().min(1, 'Enter the person’s full name').max(200),
  organisation: z.string().trim().min(1, 'Enter the organisation’s id or code'),
  team: z.string().trim().min(1).optional(),
  roles: z.array(z.enum(roles)).min(1, 'Give the user at least one role'),
  /** Omitted for users who will sign in only through OpenID Connect. */
  password: z.string().optional(),
  /** Links the user to an identity at an OpenID Connect provider: its issuer and the user's subject there. */
  oidc: z.object({ issuer: z.url('Enter the provider’s issuer URL'), subject: z.string().trim().min(1, 'Enter the user’s subject at the provider') }).optional(),
});
export type NewUser = z.input<typeof newUserSchema>;

export type CreatedUser = Pick<UserRow, 'id' | 'email' | 'name' | 'organisationId' | 'teamId' | 'roles'>;

export function createUserService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async createUser(ctx: ServiceContext, input: NewUser): Promise<CreatedUser> {
      assertPermission(ctx.actor, 'users:manage');
      const parsed = newUserSchema.safeParse(input);
      if (!parsed.success) throw validationErrorFromZod(parsed.error);
      const data = parsed.data;
      const issues: ValidationIssue[] = [];
      if (data.password !== undefined) {
        for (const message of passwordProblems(data.password, { email: data.email, name: data.name })) issues.push({ path: 'password', message });
      }
      const organisation = await findOrganisation(db, data.organisation);
      if (!organisation) issues.push({ path: 'organisation', message: `No organisation has the id or code "${data.organisation}"` });
      let teamId: string | null = null;
      if (organisation && data.team) {
        const [team] = await db.select().from(teams).where(eq(teams.id, data.team)).limit(1);
        if (!team || team.organisationId !== organisation.id) issues.push({ path: 'team', message: `No team "${data.team}" in ${organisation.name}` });
        else teamId = team.id;
      }
      if (issues.length > 0 || !organisation) throw new ValidationError(issues);
      const passwordHash = data.password === undefined ? null : await hashPassword(data.password);
      const user = {
        id: randomUUID(),
        email: data.email,
        name: data.name,
        organisationId: organisation.id,
        teamId,
        roles: [...new Set(data.roles)] as Role[],
        ...(data.oidc ? { oidcIssuer: data.oidc.issuer, oidcSubject: data.oidc.subject } : {}),
      };
      try {
        await db.transaction(async (tx) => {
          await tx.insert(users).values({ ...user, passwordHash, createdAt: ctx.now, updatedAt: ctx.now });
          await recordAudit(tx, ctx, { action: 'user.create', recordType: 'user', recordId: user.id, after: user });
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          const oidcTaken = isUniqueViolation(error, 'users_oidc_subject_unique');
          throw new ValidationError([oidcTaken ? { path: 'oidc', message: 'Another user is already linked to this identity' } : { path: 'email', message: 'A user with this email address already exists' }]);
        }
        throw error;
      }
      return user;
    },
  };
}
