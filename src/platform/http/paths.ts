/** The platform's own URLs, written once. */
export const platformPaths = {
  home: () => '/',
  signIn: () => '/sign-in',
  signOut: () => '/sign-out',
  oidcSignIn: (providerId: string) => `/sign-in/oidc/${encodeURIComponent(providerId)}`,
  oidcCallback: (providerId: string) => `/sign-in/oidc/${encodeURIComponent(providerId)}/callback`,
  accessibility: () => '/accessibility',
  health: () => '/health',
  audit: () => '/audit',
  apiDocs: () => '/api/docs',
  openApi: () => '/api/openapi.json',
  evaluate: () => '/api/v1/evaluate',
} as const;

/** Only a local path may be a return address after sign-in (never another site). */
export function safeReturnTo(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && !value.startsWith('/sign-') ? value : undefined;
}

export function signInPath(returnTo?: string): string {
  const safe = safeReturnTo(returnTo);
  return safe && safe !== '/' ? `/sign-in?returnTo=${encodeURIComponent(safe)}` : '/sign-in';
}
