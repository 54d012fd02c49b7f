/**
 * Logging: pino JSON with request ids. No personal data: requests are logged by route pattern (never the
 * URL, whose path or query may hold a name or NHS number), errors without the SQL parameters Drizzle puts
 * in its messages, and never a body.
 */
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

interface LoggedRequest {
  id?: string;
  method?: string;
  routeOptions?: { url?: string };
}

/** Drizzle's "Failed query: … params: a,b,c" carries the values; keep the statement, drop the values. */
export function withoutParams(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]');
}

export const logSerializers = {
  req: (request: LoggedRequest) => ({ id: request.id, method: request.method, route: request.routeOptions?.url ?? 'unmatched' }),
  res: (reply: { statusCode?: number }) => ({ status: reply.statusCode }),
  err: (error: Error & { code?: unknown; statusCode?: unknown; cause?: unknown }) => ({
    type: error.name,
    message: withoutParams(error.message),
    code: error.code,
    statusCode: error.statusCode,
    stack: error.stack ? withoutParams(error.stack) : undefined,
    cause: error.cause instanceof Error ? { type: error.cause.name, message: withoutParams(error.cause.message), code: (error.cause as { code?: unknown }).code } : undefined,
  }),
};

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: NodeJS.WritableStream): Logger {
  const options = { level: config.logLevel, base: { service: 'aftercare' }, serializers: logSerializers, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
