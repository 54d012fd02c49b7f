/**
 * Configuration from environment variables, validated once at start-up. Every setting has a safe
 * development default; in production a missing SESSION_SECRET or DATABASE_URL stops start-up.
 * Errors name the variable in one line (`ConfigError`), so the CLI can print it and exit 1.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { readOrCreateSessionSecret } from './session-secret.ts';
import { parseOidcProviders, type OidcProvider } from './auth/oidc-config.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const boolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const optionalUrl = z.url({ protocol: /^postgres(ql)?$/ }).optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl,
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  TRUST_PROXY: boolean.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OIDC_PROVIDERS: z.string().optional(),
  OIDC_PROVIDERS_FILE: z.string().optional(),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** OpenID Connect identity providers (none: password sign-in only). */
  oidcProviders: OidcProvider[];
}

export interface LoadConfigOptions {
  /** Reads or creates the development session secret; replaced in tests. */
  sessionSecretFor?: (dataDir: string) => string;
}

/** Treats empty strings as unset, as shells and .env files often leave them. */
function presentOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  const parsed = envSchema.safeParse(presentOnly(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is not valid'}.`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.DATABASE_URL) throw new ConfigError('Missing configuration: DATABASE_URL is required when NODE_ENV=production.');
  if (production && !e.SESSION_SECRET) throw new ConfigError('Missing configuration: SESSION_SECRET is required when NODE_ENV=production.');
  const oidcProviders = readOidcProviders(e.OIDC_PROVIDERS, e.OIDC_PROVIDERS_FILE);
  const dataDir = resolve(e.DATA_DIR);
  const sessionSecret = e.SESSION_SECRET ?? (options.sessionSecretFor ?? readOrCreateSessionSecret)(dataDir);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sessionSecret,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    oidcProviders,
  };
}

function readOidcProviders(json: string | undefined, file: string | undefined): OidcProvider[] {
  if (json && file) throw new ConfigError('Invalid configuration: set OIDC_PROVIDERS or OIDC_PROVIDERS_FILE, not both.');
  let text = json;
  if (file) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(`Invalid configuration: OIDC_PROVIDERS_FILE ${file} cannot be read.`);
    }
  }
  if (!text) return [];
  const parsed = parseOidcProviders(text);
  if (!parsed.ok) throw new ConfigError(`Invalid configuration: ${file ? 'OIDC_PROVIDERS_FILE' : 'OIDC_PROVIDERS'} ${parsed.problem}.`);
  return parsed.providers;
}
