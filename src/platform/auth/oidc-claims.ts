/**
 * From an identity provider's claims to who the user is in Aftercare: their subject, the one organisation
 * the claims name, and the roles the claims grant. Pure: the sign-in step looks the results up.
 * Unknown claim values grant nothing; claims naming two organisations are refused, never guessed.
 */
import type { Role } from '../context.ts';
import type { OidcProvider } from './oidc-config.ts';

export type OidcClaims = Record<string, unknown>;

export type MappedIdentity =
  | { ok: true; subject: string; email: string | undefined; name: string | undefined; organisation: string; roles: Role[] }
  | { ok: false; reason: 'no_subject' | 'no_organisation' | 'several_organisations' | 'no_roles'; subject?: string };

/** A claim's values as strings: a string is one value, an array of strings is several, anything else none. */
export function claimValues(claims: OidcClaims, name: string): string[] {
  const value = claims[name];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}

function firstString(claims: OidcClaims, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function mapOidcClaims(provider: Pick<OidcProvider, 'claims'>, claims: OidcClaims): MappedIdentity {
  const { subject: subjectClaim, organisation: organisationRule, roles: rolesRule } = provider.claims;
  const subject = claimValues(claims, subjectClaim)[0];
  if (subject === undefined) return { ok: false, reason: 'no_subject' };

  const organisationValues = claimValues(claims, organisationRule.claim);
  const organisations = new Set(
    organisationValues.flatMap((value) => {
      if (!organisationRule.values) return [value];
      const mapped = Object.hasOwn(organisationRule.values, value) ? organisationRule.values[value] : undefined;
      return mapped ? [mapped] : [];
    }),
  );
  if (organisations.size === 0) return { ok: false, reason: 'no_organisation', subject };
  if (organisations.size > 1) return { ok: false, reason: 'several_organisations', subject };

  const granted = new Set<Role>();
  for (const value of claimValues(claims, rolesRule.claim)) {
    for (const role of Object.hasOwn(rolesRule.values, value) ? (rolesRule.values[value] ?? []) : []) granted.add(role);
  }
  if (granted.size === 0) return { ok: false, reason: 'no_roles', subject };

  return {
    ok: true,
    subject,
    email: firstString(claims, provider.claims.email),
    name: firstString(claims, provider.claims.name),
    organisation: [...organisations][0] as string,
    roles: [...granted].sort(),
  };
}
