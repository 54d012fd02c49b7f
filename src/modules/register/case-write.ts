/**
 * The frame of every change to a person's case, whichever capability makes it (ADR 0001, "Services"):
 * permission, the person visible to the actor (else NotFound — their existence is private), the work,
 * then every case-change listener (for example the stored alerts being recomputed) — all in one
 * transaction, so a change and its consequences land together or not at all.
 */
import { eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { assertPermission, type Permission } from '../../platform/permissions.ts';
import { people } from './tables.ts';
import { requireVisiblePerson } from './use-case.ts';

export type PersonRow = Awaited<ReturnType<typeof requireVisiblePerson>>;

/** Runs inside the changing transaction after the work; a listener that throws rolls the change back. */
export type CaseChangeListener = (tx: Tx, ctx: ServiceContext, personId: string) => Promise<void>;
/** The same for many cases changed together (a batch of imported files): set-based where the listener can be. */
export type CasesChangeListener = (tx: Tx, ctx: ServiceContext, personIds: readonly string[]) => Promise<void>;

export interface CaseWriter {
  writeCase<T>(ctx: ServiceContext, personId: string, permission: Permission, work: (tx: Tx, person: PersonRow) => Promise<T>): Promise<T>;
  /** For writes that run in a transaction someone else opened (import): notify the listeners. */
  caseChanged(tx: Tx, ctx: ServiceContext, personId: string): Promise<void>;
  /** `caseChanged` for many cases at once: each listener's batch form when it has one, else case by case. */
  casesChanged(tx: Tx, ctx: ServiceContext, personIds: readonly string[]): Promise<void>;
  addListener(listener: CaseChangeListener, forMany?: CasesChangeListener): void;
}

export function createCaseWriter({ db }: { db: Db }): CaseWriter {
  const listeners: { one: CaseChangeListener; many?: CasesChangeListener | undefined }[] = [];
  async function caseChanged(tx: Tx, ctx: ServiceContext, personId: string): Promise<void> {
    // The register's "recently changed" order follows any change to the case; the person's version does not move.
    await tx.update(people).set({ updatedAt: ctx.now }).where(eq(people.id, personId));
    for (const listener of listeners) await listener.one(tx, ctx, personId);
  }
  async function casesChanged(tx: Tx, ctx: ServiceContext, personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    await tx.update(people).set({ updatedAt: ctx.now }).where(inArray(people.id, [...personIds]));
    for (const listener of listeners) {
      if (listener.many) await listener.many(tx, ctx, personIds);
      else for (const personId of personIds) await listener.one(tx, ctx, personId);
    }
  }
  return {
    async writeCase(ctx, personId, permission, work) {
      assertPermission(ctx.actor, permission);
      return db.transaction(async (tx) => {
        const person = await requireVisiblePerson(tx, ctx.actor, personId);
        const result = await work(tx, person);
        await caseChanged(tx, ctx, personId);
        return result;
      });
    },
    caseChanged,
    casesChanged,
    addListener(listener, forMany) {
      listeners.push({ one: listener, many: forMany });
    },
  };
}
