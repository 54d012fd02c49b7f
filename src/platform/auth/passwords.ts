/**
 * Password hashing and the password policy.
 *
 * Hashing: argon2id with memory 19 MiB, 2 iterations, parallelism 1 — the OWASP Password Storage Cheat
 * Sheet's baseline for argon2id (≈ 40–50 ms here). Hashes are PHC strings, so the parameters can be raised
 * later and old hashes still verify.
 *
 * Policy (NCSC password guidance): at least 12 characters, not a commonly used password, no composition
 * rules (no "one capital, one symbol"), no expiry. Maximum 256 characters to bound hashing work.
 */
import { hash, verify } from '@node-rs/argon2';

// `Algorithm.Argon2id` is an ambient const enum, which type stripping cannot read; its value is 2.
const ARGON2ID = 2;

export const argon2Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the email is unknown so both paths take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}

// The most common passwords of 12+ characters from public breach corpora, and patterns an attacker tries first.
const commonPasswords = new Set([
  '123456789012', '1234567890123', '12345678910', '123456789123', '1234567891011', '111111111111', '000000000000',
  'qwertyuiopas', 'qwertyuiop123', 'qwerty123456', '1q2w3e4r5t6y', 'passwordpassword', 'password1234', 'password12345',
  'password123!', 'passw0rd1234', 'iloveyou1234', 'abcdefghijkl', 'abc123456789', 'letmein12345', 'welcome12345',
  'welcome123456', 'administrator', 'changeme1234', 'trustno1trustno1', 'football1234', 'baseball1234', 'superman1234',
  'monkey123456', 'sunshine1234', 'princess1234', 'liverpool123', 'chelsea12345', 'arsenal12345', 'manchester12',
  'qazwsxedcrfv', '1qaz2wsx3edc', 'zaq12wsxcde3', 'aaaaaaaaaaaa', 'asdfghjkl123', 'asdfasdfasdf', 'aftercare123',
  'aftercare1234', 'section117117', 'mentalhealth1', 'password0000', 'summer2024!!', 'winter2024!!', 'spring2025!!',
]);

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return true;
  if (/^(.)\1+$/.test(lower)) return true; // one character repeated
  if (/^(?:password|passw0rd|qwerty|letmein|welcome|aftercare|changeme)[\d!@#$%^&*.]*$/.test(lower)) return true;
  if ('01234567890123456789'.includes(lower) || 'abcdefghijklmnopqrstuvwxyz'.includes(lower)) return true;
  return false;
}

/** The problems with a proposed password, in plain English; empty when it is acceptable. */
export function passwordProblems(password: string, context: { email?: string; name?: string } = {}): string[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [`Password must be ${MIN_PASSWORD_LENGTH} characters or more`];
  if (password.length > MAX_PASSWORD_LENGTH) return [`Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`];
  if (isCommon(password)) return ['Password is too common. Try three random words together'];
  const lower = password.toLowerCase();
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) return ['Password must not contain your email address'];
  return [];
}
