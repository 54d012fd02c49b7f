/** Errors only the HTTP edge raises (services never see a request). */

/** No valid session or API token on a route that needs one. Pages redirect to sign-in; the API answers 401. */
export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
  constructor(message = 'Sign in, or send a valid API token') {
    super(message);
  }
}

/** A form or state-changing request without the matching CSRF token. Answered 403, nothing changed. */
export class InvalidCsrfTokenError extends Error {
  override name = 'InvalidCsrfTokenError';
  constructor(message = 'The form has expired or did not come from Aftercare') {
    super(message);
  }
}

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}
