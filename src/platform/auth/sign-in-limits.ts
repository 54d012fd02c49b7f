/**
 * Sign-in throttling, kept in the database so every app node counts the same attempts.
 * - Per email: after 5 failures within 15 minutes, further attempts are refused until the window passes.
 *   This applies whether or not the email belongs to a user, so the answer does not reveal who has an account.
 * - Per account: 5 consecutive failures lock the account for 15 minutes (locked_until on the user row).
 * - Per client address: 50 attempts within 15 minutes, against password spraying across many emails.
 */
import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { signInAttempts } from './tables.ts';

export const signInLimits = {
  windowMinutes: 15,
  failuresPerEmail: 5,
  attemptsPerAddress: 50,
  failuresBeforeLockout: 5,
  lockoutMinutes: 15,
} as const;

export type AttemptOutcome = 'success' | 'failure' | 'locked' | 'rate_limited';

function windowStart(now: Date): Date {
  return new Date(now.getTime() - signInLimits.windowMinutes * 60_000);
}

export async function isRateLimited(db: DbOrTx, email: string, ip: string, now: Date): Promise<boolean> {
  const since = windowStart(now);
  const [byEmail] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), gte(signInAttempts.at, since), inArray(signInAttempts.outcome, ['failure', 'locked', 'rate_limited'])));
  if ((byEmail?.n ?? 0) >= signInLimits.failuresPerEmail) return true;
  const [byAddress] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ip, ip), gte(signInAttempts.at, since)));
  return (byAddress?.n ?? 0) >= signInLimits.attemptsPerAddress;
}

export async function recordAttempt(db: DbOrTx, email: string, ip: string, now: Date, outcome: AttemptOutcome): Promise<void> {
  await db.insert(signInAttempts).values({ email, ip, at: now, outcome });
  // Old attempts matter no more; trimming here keeps the table to one window's worth.
  await db.delete(signInAttempts).where(lt(signInAttempts.at, new Date(now.getTime() - 24 * 3_600_000)));
}
