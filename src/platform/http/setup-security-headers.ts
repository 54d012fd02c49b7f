/**
 * Security headers: helmet's defaults (no framing, no sniffing, a same-origin referrer…) and a strict
 * Content Security Policy with a per-response nonce for the inline scripts each page has; HSTS only when the
 * request came over TLS.
 *
 * The policy is one fixed string with the nonce put in, not helmet's CSP middleware: that rebuilt the header
 * from its directives on every response, ~3% of the app's CPU on small routes
 * (docs/performance.md). Nonces are 16 bytes of a CSPRNG, drawn from a buffer refilled 256 at a time.
 */
import { randomFillSync } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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

export async function setUpSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    // Sent only over TLS (below): over plain HTTP on a laptop it would pin the host to HTTPS.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (_request, reply) => {
    const nonce = nextNonce();
    reply.cspNonce = { script: nonce, style: nonce };
    reply.header('content-security-policy', contentSecurityPolicy(nonce));
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
