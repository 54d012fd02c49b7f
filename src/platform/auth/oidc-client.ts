/**
 * The OpenID Connect relying party, on openid-client 6: discovery (cached per provider, retried after a
 * failure), the authorization request (code flow, PKCE S256, state, nonce) and the callback, where
 * openid-client checks state, the RFC 9207 `iss` parameter, PKCE at the token endpoint, and the ID
 * token's signature, `iss`, `aud`, `azp`, `exp`, `iat` and `nonce`. Nothing here touches the database.
 */
import * as oidc from 'openid-client';
import type { OidcProvider } from './oidc-config.ts';
import type { OidcClaims } from './oidc-claims.ts';

/** What the browser carries (signed, HttpOnly) from the start of sign-in to the callback. */
export interface OidcPending {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo?: string | undefined;
}

export type OidcCallbackResult = { ok: true; claims: OidcClaims } | { ok: false; reason: 'provider_error' | 'invalid_response'; error: string };

export function createOidcClient(provider: OidcProvider) {
  let discovered: Promise<oidc.Configuration> | undefined;

  function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(
        new URL(provider.issuer),
        provider.clientId,
        provider.clientSecret ? undefined : { token_endpoint_auth_method: 'none' },
        provider.clientSecret ? oidc.ClientSecretPost(provider.clientSecret) : oidc.None(),
        // Plain http only reaches here for a loopback issuer (oidc-config.ts refuses it otherwise).
        new URL(provider.issuer).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  return {
    provider,
    async authorizationUrl(returnTo: string | undefined): Promise<{ url: URL; pending: OidcPending }> {
      const config = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const pending: OidcPending = { provider: provider.id, state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier, returnTo };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: provider.redirectUri,
        scope: provider.scopes.join(' '),
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    /** Exchanges the code for tokens and returns the verified claims (ID token, plus userinfo if configured). */
    async callback(query: string, pending: OidcPending): Promise<OidcCallbackResult> {
      const params = new URLSearchParams(query);
      const providerError = params.get('error');
      if (providerError) return { ok: false, reason: 'provider_error', error: providerError.slice(0, 100) };
      // The configured redirect URI, not the Host header: what the provider redirected to, whatever proxy is in front.
      const currentUrl = new URL(provider.redirectUri);
      currentUrl.search = params.toString();
      try {
        const config = await configuration();
        const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) return { ok: false, reason: 'invalid_response', error: 'no ID token' };
        let claims: OidcClaims = { ...idClaims };
        if (provider.userinfo) {
          const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
          claims = { ...userinfo, ...idClaims };
        }
        return { ok: true, claims };
      } catch (error) {
        return { ok: false, reason: 'invalid_response', error: describe(error) };
      }
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

/** A short code for the audit trail (e.g. OAUTH_JWT_CLAIM_COMPARISON_FAILED), never a token. */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  // openid-client wraps the precise failure (e.g. "unexpected iss") as the cause of a general one.
  for (let depth = 0; current && typeof current === 'object' && depth < 3; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    parts.push([typeof code === 'string' ? code : undefined, typeof message === 'string' ? message.slice(0, 120) : undefined].filter(Boolean).join(': '));
    current = cause;
  }
  return parts.filter(Boolean).join(' / ') || 'error';
}
