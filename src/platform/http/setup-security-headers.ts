/**
 * Security headers: helmet's defaults (no framing, no sniffing, a same-origin referrer…), worked out once,
 * and a strict Content Security Policy with a per-response nonce for the inline scripts each page has; HSTS
 * only when the request came over TLS.
 *
 * The policy is one fixed string with the nonce put in, not helmet's CSP middleware: that rebuilt the header
 * from its directives on every response, ~3% of the app's CPU on small routes
 * (docs/performance.md). Nonces are 16 bytes of a CSPRNG, drawn from a buffer refilled 256 at a time.
 */
import { randomFillSync } from 'node:crypto';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    /** This response's nonce for inline scripts and styles (one value for both). */
    cspNonce: { script: string; style: string } | null;
  }
}

const DIRECTIVES_AFTER_STYLE = [
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(';');

/** The Content-Security-Policy header for a response whose inline scripts (and styles, should a page have one) carry `nonce`. */
export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'self';script-src 'self' 'nonce-${nonce}';style-src 'self' 'nonce-${nonce}';${DIRECTIVES_AFTER_STYLE}`;
}

const NONCE_BYTES = 16;
const pool = Buffer.alloc(NONCE_BYTES * 256);
let offset = pool.length;

function nextNonce(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const nonce = pool.toString('hex', offset, offset + NONCE_BYTES);
  offset += NONCE_BYTES;
  return nonce;
}

export const HELMET_OPTIONS = {
  contentSecurityPolicy: false,
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
  crossOriginEmbedderPolicy: false,
  // Sent only over TLS (below): over plain HTTP on a laptop it would pin the host to HTTPS.
  strictTransportSecurity: false,
} as const;

type HelmetMiddleware = (request: unknown, response: { setHeader(name: string, value: string): void; removeHeader(name: string): void }, next: (error?: unknown) => void) => void;

/**
 * helmet's headers for these options, worked out once: none depends on the request. @fastify/helmet ran
 * helmet's whole middleware (options parsed, a function per header built) on every response, which made
 * each request's objects outlive the young generation (docs/performance.md, "App memory under load").
 * The helmet is the one @fastify/helmet depends on.
 */
export function helmetHeaders(): Record<string, string> {
  const helmet = createRequire(import.meta.resolve('@fastify/helmet'))('helmet') as (options: typeof HELMET_OPTIONS) => HelmetMiddleware;
  const headers: Record<string, string> = {};
  helmet(HELMET_OPTIONS)(
    {},
    { setHeader: (name, value) => void (headers[name.toLowerCase()] = value), removeHeader: () => undefined },
    (error) => {
      if (error) throw error;
    },
  );
  return headers;
}

export async function setUpSecurityHeaders(app: FastifyInstance): Promise<void> {
  const fixed = helmetHeaders();
  app.decorateReply('cspNonce', null);
  app.addHook('onRequest', async (_request, reply) => {
    const nonce = nextNonce();
    reply.cspNonce = { script: nonce, style: nonce };
    reply.headers(fixed);
    reply.header('content-security-policy', contentSecurityPolicy(nonce));
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
