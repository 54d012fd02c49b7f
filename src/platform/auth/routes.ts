/**
 * Sign-in and sign-out pages. Sign-in always starts a new session (new id, new CSRF token); sign-out ends
 * the session in the database, not only in the browser.
 */
import type { FastifyInstance } from 'fastify';
import type { ValidationError } from '../errors.ts';
import { errorSummary, fieldErrors } from '../http/form-errors.ts';
import { platformPaths, safeReturnTo } from '../http/paths.ts';
import { serviceContext } from '../http/request-context.ts';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '../http/session-cookie.ts';
import type { createAuthService } from './auth-service.ts';
import { signInLimits } from './sign-in-limits.ts';

interface SignInBody {
  email?: string;
  password?: string;
  returnTo?: string;
}

const refusedMessage = `Too many attempts to sign in. Wait ${signInLimits.windowMinutes} minutes, then try again.`;

export function registerAuthRoutes(app: FastifyInstance, services: { auth: ReturnType<typeof createAuthService> }): void {
  app.get<{ Querystring: { returnTo?: string; signedOut?: string } }>(platformPaths.signIn(), { config: { permission: 'public' } }, async (request, reply) => {
    const returnTo = safeReturnTo(request.query.returnTo);
    if (request.session) return reply.redirect(returnTo ?? platformPaths.home());
    return reply.view('auth/sign-in.njk', { returnTo, oidcProviders: services.auth.oidcProviders(), notice: request.query.signedOut === 'true' ? 'You have signed out.' : undefined });
  });

  app.post<{ Body: SignInBody }>(platformPaths.signIn(), { config: { permission: 'public' } }, async (request, reply) => {
    const email = typeof request.body?.email === 'string' ? request.body.email.trim() : '';
    const password = typeof request.body?.password === 'string' ? request.body.password : '';
    const returnTo = safeReturnTo(request.body?.returnTo);
    const missing = [
      ...(email ? [] : [{ path: 'email', message: 'Enter your email address' }]),
      ...(password ? [] : [{ path: 'password', message: 'Enter your password' }]),
    ];
    const showForm = (issues: ValidationError['issues'], status: number) =>
      reply.code(status).view('auth/sign-in.njk', { email, returnTo, oidcProviders: services.auth.oidcProviders(), errors: errorSummary(issues), fieldErrors: fieldErrors(issues) });
    if (missing.length > 0) return showForm(missing, 400);

    const now = new Date();
    const result = await services.auth.signInWithPassword({ email, password, ip: request.ip, requestId: request.id, now });
    if (!result.ok) {
      const message = result.reason === 'invalid' ? 'Enter a correct email address and password' : refusedMessage;
      return showForm([{ path: 'email', message }], result.reason === 'invalid' ? 401 : 429);
    }
    const session = await services.auth.startSessionFor(result.actor, now, request.cookies[SESSION_COOKIE]);
    setSessionCookie(request, reply, session.id);
    return reply.redirect(returnTo ?? platformPaths.home(), 303);
  });

  app.post(platformPaths.signOut(), { config: { permission: 'authenticated' } }, async (request, reply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId && request.authenticatedBy === 'session') await services.auth.signOut(serviceContext(request), sessionId);
    clearSessionCookie(request, reply);
    return reply.redirect(`${platformPaths.signIn()}?signedOut=true`, 303);
  });
}
