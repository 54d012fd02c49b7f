/**
 * `aftercare user add`: create a user from the terminal (the first admin of a new installation, or
 * anyone before the admin pages exist). The password is read from stdin or typed at a hidden prompt,
 * never given as an argument (it would stay in the shell history and the process list).
 * `aftercare user token`: create an API token for an integration, scoped to an organisation and roles;
 * it is printed once and stored only as a hash. `aftercare user revoke-token ID`: revoke one (by the id
 * printed when it was made); the next request with it is refused.
 */
import type { CommandDefinition } from '../main.ts';
import { UsageError } from '../usage-error.ts';
import { isRole, roles, systemContext, type Role } from '../../platform/context.ts';
import { ValidationError } from '../../platform/errors.ts';
import { withCommandDatabase } from '../../platform/command-database.ts';
import { createUserService } from '../../platform/users/user-service.ts';
import { findOrganisation } from '../../platform/users/repository.ts';
import { createApiToken, revokeApiToken } from '../../platform/auth/api-tokens.ts';
import { promptHidden, readPasswordFromStdin } from '../../platform/users/read-password.ts';

const usage = `aftercare user add --email EMAIL --name NAME --organisation ID_OR_CODE --role ROLE [--role ROLE…] [--team TEAM_ID] [--password-stdin]
                       [--oidc-issuer URL --oidc-subject SUBJECT]   (link to an OpenID Connect identity; no password needed)
       aftercare user token --name NAME --organisation ID_OR_CODE --role ROLE [--role ROLE…]
       aftercare user revoke-token TOKEN_ID
  Roles: ${roles.join(', ')}.
  Passwords: 12 characters or more, not a common password (three random words work well).`;

function stringOption(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readPasswordFromStdin();
  if (!process.stdin.isTTY) throw new UsageError('no terminal to type a password in: pass --password-stdin and pipe it');
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Type the password again: ');
  if (first !== second) throw new UsageError('the two passwords are different');
  return first;
}

export const command: CommandDefinition = {
  summary: 'Add a user (password, or linked to an OpenID Connect identity), or add or revoke an API token',
  usage,
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    organisation: { type: 'string' },
    role: { type: 'string', multiple: true },
    team: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    'oidc-issuer': { type: 'string' },
    'oidc-subject': { type: 'string' },
  },
  async run({ values, positionals }) {
    if (positionals[0] === 'revoke-token') {
      if (positionals.length !== 2 || !positionals[1]) throw new UsageError('give the id of the token to revoke: aftercare user revoke-token TOKEN_ID');
      return revokeToken(positionals[1]);
    }
    if (!['add', 'token'].includes(positionals[0] ?? '') || positionals.length !== 1) throw new UsageError('the subcommands are "add", "token" and "revoke-token"');
    const name = stringOption(values.name, 'name');
    const organisation = stringOption(values.organisation, 'organisation');
    const givenRoles = (Array.isArray(values.role) ? values.role : []).map(String);
    if (givenRoles.length === 0) throw new UsageError('give at least one --role');
    const unknown = givenRoles.filter((role) => !isRole(role));
    if (unknown.length > 0) throw new UsageError(`unknown role ${unknown.map((r) => `"${r}"`).join(', ')}; roles are ${roles.join(', ')}`);
    if (positionals[0] === 'token') return addToken(name, organisation, givenRoles.filter(isRole));

    const email = stringOption(values.email, 'email');
    const oidcIssuer = typeof values['oidc-issuer'] === 'string' ? values['oidc-issuer'] : undefined;
    const oidcSubject = typeof values['oidc-subject'] === 'string' ? values['oidc-subject'] : undefined;
    if ((oidcIssuer === undefined) !== (oidcSubject === undefined)) throw new UsageError('give --oidc-issuer and --oidc-subject together');
    // A user linked to an identity provider signs in there; a password is set only if asked for.
    const password = oidcIssuer && values['password-stdin'] !== true ? undefined : await readPassword(values['password-stdin'] === true);

    return withCommandDatabase(async ({ database }) => {
      const users = createUserService({ db: database.db });
      try {
        const user = await users.createUser(systemContext(), {
          email,
          name,
          organisation,
          roles: givenRoles.filter(isRole),
          ...(password === undefined ? {} : { password }),
          ...(oidcIssuer && oidcSubject ? { oidc: { issuer: oidcIssuer, subject: oidcSubject } } : {}),
          ...(typeof values.team === 'string' ? { team: values.team } : {}),
        });
        console.log(`Added ${user.name} <${user.email}> (${user.roles.join(', ')}) in organisation ${user.organisationId}. User id: ${user.id}`);
        return 0;
      } catch (error) {
        if (error instanceof ValidationError) {
          for (const issue of error.issues) console.error(`aftercare user add: ${issue.path}: ${issue.message}`);
          return 1;
        }
        throw error;
      }
    });
  },
};

async function addToken(name: string, organisation: string, tokenRoles: Role[]): Promise<number> {
  return withCommandDatabase(async ({ database }) => {
    const found = await findOrganisation(database.db, organisation);
    if (!found) {
      console.error(`aftercare user token: organisation: No organisation has the id or code "${organisation}"`);
      return 1;
    }
    const { id, token } = await createApiToken(database.db, systemContext(), { name, organisationId: found.id, roles: tokenRoles });
    console.log(`API token "${name}" (id ${id}) for ${found.name}, roles ${tokenRoles.join(', ')}. Copy it now; it is not shown again:\n${token}`);
    return 0;
  });
}

async function revokeToken(id: string): Promise<number> {
  return withCommandDatabase(async ({ database }) => {
    if (!(await revokeApiToken(database.db, systemContext(), id))) {
      console.error(`aftercare user revoke-token: no live API token has the id "${id}"`);
      return 1;
    }
    console.log(`API token ${id} revoked: requests with it are refused from now on.`);
    return 0;
  });
}
