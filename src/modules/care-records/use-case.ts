/**
 * What every care-records write shares: the case frame (`writeCase`: permission, visibility, the work,
 * case-change listeners, one transaction), audit of each change, and a rule's refusal turned into the
 * validation error a page shows as its error summary and the API as a 422 naming each field.
 */
import type { ServiceContext } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { assertPermission } from '../../platform/permissions.ts';
import type { CaseWriter } from '../register/case-write.ts';
import { requireVisiblePerson } from '../register/use-case.ts';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { RuleReason } from '../../domain/care-records/rule-result.ts';

export type Written = { id: string; version: number };

export function audit(tx: Tx, ctx: ServiceContext, personId: string, action: string, recordId: string, before: unknown, after: unknown): Promise<void> {
  return recordAudit(tx, ctx, { action, recordType: action.split('.')[0], recordId, personId, before, after });
}

/** A refused rule as a ValidationError: each reason against its field (or the form as a whole). */
export function refusal(reasons: readonly RuleReason[], fieldFor: (field: string) => string = (field) => field): ValidationError {
  return new ValidationError(reasons.map((reason) => ({ path: reason.field ? fieldFor(reason.field) : 'form', message: reason.reason })), 'Refused by a rule');
}

/** Drops undefined fields (the schema's absent optionals), so records read back exactly as written. */
export function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** Carries a rehearsed write's result out of the transaction it rolls back. */
class Rehearsed {
  readonly result: unknown;
  constructor(result: unknown) {
    this.result = result;
  }
}

/**
 * A case frame that runs a write exactly as `writeCase` would — permission, visibility, validation, the
 * rules, even the version check — and then rolls it all back (no listeners run; nothing is kept, audit
 * events included). The confirmation and check-your-answers pages use it, so they appear only when the
 * change would be accepted, and show a refusal or a conflict before the user is asked to confirm.
 */
export function rehearsalWriter(db: Db): CaseWriter {
  return {
    async writeCase(ctx, personId, permission, work) {
      assertPermission(ctx.actor, permission);
      try {
        await db.transaction(async (tx) => {
          const person = await requireVisiblePerson(tx, ctx.actor, personId);
          throw new Rehearsed(await work(tx, person));
        });
      } catch (outcome) {
        if (outcome instanceof Rehearsed) return outcome.result as never;
        throw outcome;
      }
      throw new Error('A rehearsed write did not finish');
    },
    caseChanged: async () => {},
    casesChanged: async () => {},
    addListener: () => {},
  };
}
