/**
 * OpenID Connect sign-in pages. `GET /sign-in/oidc/:provider` sends the browser to the identity provider
 * with a fresh state, nonce and PKCE verifier, kept in a signed HttpOnly cookie scoped to /sign-in/oidc
 * (SameSite=Lax, so it returns on the provider's top-level redirect; 10 minutes). The callback uses the
 * cookie once, whatever happens, then signs in exactly as a password does (new session id, audited).
 * Every refusal has a plain page and an `auth.sign_in_refused` audit event.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { platformPaths, safeReturnTo } from '../http/paths.ts';
import { SESSION_COOKIE, setSessionCookie } from '../http/session-cookie.ts';
import type { createAuthService } from './auth-service.ts';
import type { OidcPending } from './oidc-client.ts';
import type { OidcRefusal } from './oidc-sign-in.ts';

export const OIDC_PENDING_COOKIE = 'aftercare_oidc';
const PENDING_MAX_AGE_SECONDS = 600;
const cookiePath = '/sign-in/oidc';

const refusalMessages: Record<OidcRefusal, string> = {
  invalid_state: 'Your sign-in could not be checked. It may have taken too long, or been started in another tab. Start again.',
  provider_error: 'Your organisation’s sign-in service did not sign you in.',
  invalid_response: 'The answer from your organisation’s sign-in service could not be verified.',
  no_subject: 'Your organisation’s sign-in service did not say who you are.',
  no_organisation: 'Your account at your organisation’s sign-in service does not name an organisation that uses Aftercare.',
  several_organisations: 'Your account at your organisation’s sign-in service names more than one organisation.',
  no_roles: 'Your account at your organisation’s sign-in service does not give you a role in Aftercare.',
  unknown_user: 'You do not have an Aftercare account linked to this sign-in service.',
  organisation_mismatch: 'Your sign-in service names a different organisation from your Aftercare account.',
  disabled: 'Your Aftercare account is disabled.',
  missing_claims: 'Your organisation’s sign-in service did not give your name and email address.',
  email_in_use: 'An Aftercare account already uses your email address, but is not linked to this sign-in service.',
};

function cookieOptions(request: FastifyRequest) {
  return { path: cookiePath, httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https' };
}

function readPending(request: FastifyRequest): OidcPending | undefined {
  const raw = request.cookies[OIDC_PENDING_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const value = JSON.parse(unsigned.value) as Partial<OidcPending> & { expires?: number };
    if (typeof value.expires !== 'number' || value.expires < Date.now()) return undefined;
    if (typeof value.provider !== 'string' || typeof value.state !== 'string' || typeof value.nonce !== 'string' || typeof value.codeVerifier !== 'string') return undefined;
    return { provider: value.provider, state: value.state, nonce: value.nonce, codeVerifier: value.codeVerifier, returnTo: safeReturnTo(value.returnTo) };
  } catch {
    return undefined;
  }
}

export function registerOidcRoutes(app: FastifyInstance, services: { auth: ReturnType<typeof createAuthService> }): void {
  const refused = (reply: FastifyReply, reason: OidcRefusal, providerName: string) =>
    reply.code(reason === 'invalid_state' ? 400 : 403).view('auth/oidc-refused.njk', { message: refusalMessages[reason], providerName });

  app.get<{ Params: { provider: string }; Querystring: { returnTo?: string } }>(
    '/sign-in/oidc/:provider',
    { config: { permission: 'public' } },
    async (request, reply) => {
      const client = services.auth.oidcClient(request.params.provider);
      if (!client) return reply.callNotFound();
      let started;
      try {
        started = await client.authorizationUrl(safeReturnTo(request.query.returnTo));
      } catch (error) {
        request.log.warn({ err: error, provider: client.provider.id }, 'OpenID Connect discovery failed');
        return reply.code(503).view('auth/oidc-refused.njk', { message: `${client.provider.name} cannot be reached. Try again later, or sign in with a password.`, providerName: client.provider.name });
      }
      const value = JSON.stringify({ ...started.pending, expires: Date.now() + PENDING_MAX_AGE_SECONDS * 1000 });
      reply.setCookie(OIDC_PENDING_COOKIE, value, { ...cookieOptions(request), signed: true, maxAge: PENDING_MAX_AGE_SECONDS });
      return reply.redirect(started.url.href, 303);
    },
  );

  app.get<{ Params: { provider: string } }>('/sign-in/oidc/:provider/callback', { config: { permission: 'public' } }, async (request, reply) => {
    const client = services.auth.oidcClient(request.params.provider);
    if (!client) return reply.callNotFound();
    const { provider } = client;
    const pending = readPending(request);
    // One use only: whatever happens next, this state, nonce and verifier are spent.
    reply.clearCookie(OIDC_PENDING_COOKIE, cookieOptions(request));
    const attempt = { requestId: request.id, now: new Date() };
    if (!pending || pending.provider !== provider.id) {
      await services.auth.refuseOidcSignIn(provider, attempt, 'invalid_state');
      return refused(reply, 'invalid_state', provider.name);
    }
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const answer = await client.callback(query, pending);
    if (!answer.ok) {
      await services.auth.refuseOidcSignIn(provider, attempt, answer.reason, answer.error);
      return refused(reply, answer.reason, provider.name);
    }
    const result = await services.auth.signInWithOidcClaims(provider, answer.claims, attempt);
    if (!result.ok) return refused(reply, result.reason, provider.name);
    const session = await services.auth.startSessionFor(result.actor, attempt.now, request.cookies[SESSION_COOKIE]);
    setSessionCookie(request, reply, session.id);
    return reply.redirect(pending.returnTo ?? platformPaths.home(), 303);
  });
}
