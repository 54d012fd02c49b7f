/** Claim mapping and provider configuration for OpenID Connect sign-in (pure). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimValues, mapOidcClaims } from '../../../src/platform/auth/oidc-claims.ts';
import { oidcProviderSchema, parseOidcProviders } from '../../../src/platform/auth/oidc-config.ts';
import { loadConfig, ConfigError } from '../../../src/platform/config.ts';

const base = {
  id: 'north',
  name: 'Northshire',
  issuer: 'https://login.north.example',
  clientId: 'aftercare',
  redirectUri: 'https://aftercare.north.example/sign-in/oidc/north/callback',
  claims: {
    organisation: { claim: 'org', values: { 'N-1': 'NORTH', 'N-2': 'NORTH', 'S-1': 'SOUTH' } },
    roles: { claim: 'groups', values: { practitioners: ['practitioner'], managers: ['team_manager', 'practitioner'] } },
  },
};
const provider = oidcProviderSchema.parse(base);

test('claim values: a string, an array of strings, nothing else', () => {
  assert.deepEqual(claimValues({ a: 'x' }, 'a'), ['x']);
  assert.deepEqual(claimValues({ a: ['x', 3, '', 'y'] }, 'a'), ['x', 'y']);
  assert.deepEqual(claimValues({ a: { x: 1 } }, 'a'), []);
  assert.deepEqual(claimValues({}, 'a'), []);
});

test('claims map to one organisation and the union of granted roles', () => {
  const cases: [Record<string, unknown>, ReturnType<typeof mapOidcClaims>][] = [
    [{ sub: 's', org: 'N-1', groups: ['managers', 'practitioners', 'everyone'], email: 'a@b', name: 'A' }, { ok: true, subject: 's', email: 'a@b', name: 'A', organisation: 'NORTH', roles: ['practitioner', 'team_manager'] }],
    [{ sub: 's', org: ['N-1', 'N-2'], groups: 'practitioners' }, { ok: true, subject: 's', email: undefined, name: undefined, organisation: 'NORTH', roles: ['practitioner'] }],
    [{ org: 'N-1', groups: 'practitioners' }, { ok: false, reason: 'no_subject' }],
    [{ sub: 's', org: 'X-9', groups: 'practitioners' }, { ok: false, reason: 'no_organisation', subject: 's' }],
    [{ sub: 's', org: ['N-1', 'S-1'], groups: 'practitioners' }, { ok: false, reason: 'several_organisations', subject: 's' }],
    [{ sub: 's', org: 'N-1', groups: ['everyone', 'constructor', '__proto__'] }, { ok: false, reason: 'no_roles', subject: 's' }],
  ];
  for (const [claims, expected] of cases) assert.deepEqual(mapOidcClaims(provider, claims), expected, JSON.stringify(claims));
});

test('without a value map, the organisation claim is the organisation code itself', () => {
  const direct = oidcProviderSchema.parse({ ...base, claims: { ...base.claims, organisation: { claim: 'ods' } } });
  const mapped = mapOidcClaims(direct, { sub: 's', ods: 'QHL', groups: 'practitioners' });
  assert.equal(mapped.ok && mapped.organisation, 'QHL');
});

test('provider configuration is checked: https issuer, callback path, unique ids, known roles', () => {
  assert.equal(provider.provisioning, 'pre-created', 'pre-created users by default');
  assert.deepEqual(provider.scopes, ['openid', 'email', 'profile']);
  assert.equal(parseOidcProviders(JSON.stringify([{ ...base, issuer: 'http://login.north.example' }])).ok, false);
  assert.equal(parseOidcProviders(JSON.stringify([{ ...base, issuer: 'http://127.0.0.1:9000' }])).ok, true);
  assert.match(String((parseOidcProviders(JSON.stringify([{ ...base, redirectUri: 'https://a.example/callback' }])) as { problem: string }).problem), /sign-in\/oidc\/north\/callback/);
  assert.match(String((parseOidcProviders(JSON.stringify([base, base])) as { problem: string }).problem), /used twice/);
  assert.equal(parseOidcProviders(JSON.stringify([{ ...base, claims: { ...base.claims, roles: { claim: 'g', values: { x: ['superuser'] } } } }])).ok, false);
  assert.equal(parseOidcProviders('{not json').ok, false);
});

test('OIDC_PROVIDERS is read into the configuration; a bad one stops start-up with one line', () => {
  const env = { NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(32) } as const;
  assert.deepEqual(loadConfig(env).oidcProviders, []);
  assert.equal(loadConfig({ ...env, OIDC_PROVIDERS: JSON.stringify([base]) }).oidcProviders[0]?.id, 'north');
  assert.throws(() => loadConfig({ ...env, OIDC_PROVIDERS: '[{"id":"x"}]' }), (error: unknown) => error instanceof ConfigError && /OIDC_PROVIDERS/.test(error.message));
  assert.throws(() => loadConfig({ ...env, OIDC_PROVIDERS_FILE: '/nonexistent/oidc.json' }), ConfigError);
});
