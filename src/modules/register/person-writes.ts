/**
 * Creating and changing a person. NHS numbers are checked (modulus 11) by the input schema and must be
 * unique on the register. Updates name the version they read; a stale one is a ConflictError.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/db-errors.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { assertPermission } from '../../platform/permissions.ts';
import type { Person } from '../../domain/case-file/schema.ts';
import { personInput, personUpdate, type PersonInput } from './api-schemas.ts';
import { compact, personFromRow, personToRow } from './case-file-mapping.ts';
import { mergePatch } from './merge-patch.ts';
import { personIdWithNhsNumber } from './repository.ts';
import { people } from './tables.ts';
import { parseInput, requireVisiblePerson, throwIfIssues, today } from './use-case.ts';

const duplicateNhsNumber: ValidationIssue = { path: 'nhsNumber', message: 'A person with this NHS number is already on the register' };

async function personIssues(tx: DbOrTx, ctx: ServiceContext, data: PersonInput, personId?: string): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  if (data.dateOfBirth && data.dateOfBirth > today(ctx)) issues.push({ path: 'dateOfBirth', message: 'Date of birth must be today or in the past' });
  if (data.dateOfDeath && data.dateOfDeath > today(ctx)) issues.push({ path: 'dateOfDeath', message: 'Date of death must be today or in the past' });
  if (data.nhsNumber) {
    const holder = await personIdWithNhsNumber(tx, data.nhsNumber);
    if (holder !== undefined && holder !== personId) issues.push(duplicateNhsNumber);
  }
  return issues;
}

/** A concurrent insert of the same NHS number loses at the unique index: report it as the same field error. */
async function guardNhsNumber<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, 'people_nhs_number_key')) throw new ValidationError([duplicateNhsNumber]);
    throw error;
  }
}

export function createPersonWrites({ db, caseChanged }: { db: Db; caseChanged: (tx: Tx, ctx: ServiceContext, personId: string) => Promise<void> }) {
  return {
    /** Validates a new person without writing anything: the check-your-answers step before `createPerson`. */
    async checkNewPerson(ctx: ServiceContext, input: unknown): Promise<PersonInput> {
      assertPermission(ctx.actor, 'case:write');
      const data = parseInput(personInput, input);
      throwIfIssues(await personIssues(db, ctx, data));
      return data;
    },

    async createPerson(ctx: ServiceContext, input: unknown): Promise<{ id: string; version: number }> {
      assertPermission(ctx.actor, 'case:write');
      const data = parseInput(personInput, input);
      return guardNhsNumber(() =>
        db.transaction(async (tx) => {
          throwIfIssues(await personIssues(tx, ctx, data));
          const person = compact({ id: randomUUID(), ...data }) as Person;
          await tx.insert(people).values(personToRow(person, ctx.actor.organisationId));
          await recordAudit(tx, ctx, { action: 'person.create', recordType: 'person', recordId: person.id, personId: person.id, after: person });
          await caseChanged(tx, ctx, person.id);
          return { id: person.id, version: 1 };
        }),
      );
    },

    /** Changes the fields given (null clears an optional one); `version` is the one the user read. */
    async updatePerson(ctx: ServiceContext, personId: string, patch: unknown): Promise<{ id: string; version: number }> {
      assertPermission(ctx.actor, 'case:write');
      return guardNhsNumber(() =>
        db.transaction(async (tx) => {
          const row = await requireVisiblePerson(tx, ctx.actor, personId);
          const before = personFromRow(row);
          const { id: _id, ext: _ext, ...editable } = before;
          const data = parseInput(personUpdate, mergePatch(editable, patch));
          const { version, ...fields } = data;
          throwIfIssues(await personIssues(tx, ctx, fields, personId));
          const after = compact({ ...fields, id: personId, ext: before.ext }) as Person;
          const { id: _rowId, createdByOrganisationId: _org, ...values } = personToRow(after, row.createdByOrganisationId);
          const updated = await updateVersioned(tx, people, eq(people.id, personId), version, { ...values, updatedAt: ctx.now });
          await recordAudit(tx, ctx, { action: 'person.update', recordType: 'person', recordId: personId, personId, before, after });
          await caseChanged(tx, ctx, personId);
          return { id: personId, version: updated.version };
        }),
      );
    },
  };
}
