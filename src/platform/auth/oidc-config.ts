/**
 * OpenID Connect providers: one per identity provider a council or ICB runs (Entra ID, Okta, Keycloak…),
 * read from OIDC_PROVIDERS (JSON) or OIDC_PROVIDERS_FILE (a JSON file, so the client secret can live in a
 * file only the service can read). Each provider says how its claims map onto Aftercare: which claim
 * identifies the user, which claim names their organisation, which claim values grant which roles.
 */
import { z } from 'zod';
import { roles } from '../context.ts';
import { platformPaths } from '../http/paths.ts';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** HTTPS, or plain HTTP only to this machine (a local test provider); never plain HTTP over a network. */
const issuerUrl = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
}, 'must be an https URL (plain http only for 127.0.0.1 or localhost)');

export const oidcProviderSchema = z
  .object({
    /** Used in URLs: /sign-in/oidc/<id>. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens'),
    /** Shown on the sign-in page as "Sign in with <name>". */
    name: z.string().trim().min(1).max(100),
    issuer: issuerUrl,
    clientId: z.string().min(1),
    /** Absent for a public client (PKCE alone); present for a confidential one (client_secret_post). */
    clientSecret: z.string().min(1).optional(),
    /** Must be this server's /sign-in/oidc/<id>/callback, as registered with the provider. */
    redirectUri: z.url(),
    scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/)).min(1).default(['openid', 'email', 'profile']),
    /** Also read the userinfo endpoint (for providers that leave group claims out of the ID token). */
    userinfo: z.boolean().default(false),
    claims: z
      .object({
        /** The claim that identifies the user at this provider, stored on the Aftercare user as oidc_subject. */
        subject: z.string().min(1).default('sub'),
        email: z.string().min(1).default('email'),
        name: z.string().min(1).default('name'),
        organisation: z
          .object({
            claim: z.string().min(1),
            /** Claim value → Aftercare organisation id or code. Absent: the claim value is the organisation's code (e.g. an ODS code). */
            values: z.record(z.string(), z.string().min(1)).optional(),
          })
          .strict(),
        roles: z
          .object({
            claim: z.string().min(1),
            /** Claim value (e.g. a group name) → the roles it grants. Values not listed grant nothing. */
            values: z.record(z.string(), z.array(z.enum(roles)).min(1)),
          })
          .strict(),
      })
      .strict(),
    /**
     * `pre-created` (the default): only a user an administrator created and linked to this provider's
     * subject may sign in. `just-in-time`: a user unknown to Aftercare is created from the claims.
     */
    provisioning: z.enum(['pre-created', 'just-in-time']).default('pre-created'),
  })
  .strict();

export type OidcProvider = z.output<typeof oidcProviderSchema>;

export const oidcProvidersSchema = z
  .array(oidcProviderSchema)
  .superRefine((providers, ctx) => {
    const seen = new Set<string>();
    providers.forEach((provider, index) => {
      if (seen.has(provider.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${provider.id}" is used twice` });
      seen.add(provider.id);
      if (new URL(provider.redirectUri).pathname !== platformPaths.oidcCallback(provider.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'redirectUri'], message: `must end in ${platformPaths.oidcCallback(provider.id)}` });
      }
    });
  });

/** Parses the providers from JSON text; returns a one-line problem instead of throwing. */
export function parseOidcProviders(json: string): { ok: true; providers: OidcProvider[] } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'is not valid JSON' };
  }
  const parsed = oidcProvidersSchema.safeParse(value);
  if (parsed.success) return { ok: true, providers: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.length ? `[${issue.path.join('.')}] ` : ''}${issue?.message ?? 'is not valid'}` };
}
