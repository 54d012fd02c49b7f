/**
 * Adding and changing the records of a person's case: contacts, detentions, CTOs, residences, GP
 * registrations, duties, allocations and sharing. Each runs in one transaction: permission, the person
 * visible to the actor (else NotFound), validation reporting every error, references checked, write, audit.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-trail.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { NotFoundError, type ValidationIssue } from '../../platform/errors.ts';
import { assertPermission, type Permission } from '../../platform/permissions.ts';
import type { Contact, Detention, Duty } from '../../domain/case-file/schema.ts';
import {
  allocationInput,
  contactInput,
  contactUpdate,
  ctoInput,
  detentionInput,
  detentionUpdate,
  dutyInput,
  dutyUpdate,
  endAllocationInput,
  endDutyInput,
  gpRegistrationInput,
  residenceInput,
  shareInput,
} from './api-schemas.ts';
import * as map from './case-file-mapping.ts';
import { mergePatch } from './merge-patch.ts';
import { ensureStaffRecord, shareCase } from './repository.ts';
import { allocations, contacts, ctos, detentions, duties, gpRegistrations, people, residences } from './tables.ts';
import { councilKinds, healthBodyKinds, organisationIssues, parseInput, requireVisiblePerson, throwIfIssues, validateInput } from './use-case.ts';
import { overlapIssue } from './periods.ts';

type Written = { id: string; version: number };
type PersonRow = Awaited<ReturnType<typeof requireVisiblePerson>>;

interface RecordWritesDeps {
  db: Db;
  caseChanged: (tx: Tx, ctx: ServiceContext, personId: string) => Promise<void>;
  detentionRecorded: (tx: Tx, ctx: ServiceContext, personId: string, detention: Detention) => Promise<unknown>;
}

export function createRecordWrites({ db, caseChanged, detentionRecorded }: RecordWritesDeps) {
  /** The frame of every write to a person's case. */
  async function writeCase<T>(ctx: ServiceContext, personId: string, permission: Permission, work: (tx: Tx, person: PersonRow) => Promise<T>): Promise<T> {
    assertPermission(ctx.actor, permission);
    return db.transaction(async (tx) => {
      const person = await requireVisiblePerson(tx, ctx.actor, personId);
      const result = await work(tx, person);
      // The register's "recently changed" order follows any change to the case; the person's version does not move.
      await tx.update(people).set({ updatedAt: ctx.now }).where(eq(people.id, personId));
      await caseChanged(tx, ctx, personId);
      return result;
    });
  }
  const audit = (tx: Tx, ctx: ServiceContext, personId: string, action: string, recordId: string, before: unknown, after: unknown) =>
    recordAudit(tx, ctx, { action, recordType: action.split('.')[0], recordId, personId, before, after });

  /** Whether the id names a detention of this person; an absent or malformed id is the schema's to report. */
  async function detentionExists(tx: Tx, personId: string, id: unknown): Promise<boolean> {
    if (typeof id !== 'string' || id === '') return true;
    const rows = await tx.select({ id: detentions.id }).from(detentions).where(and(eq(detentions.personId, personId), eq(detentions.id, id)));
    return rows.length > 0;
  }
  async function findDuty(tx: Tx, personId: string, id: string) {
    const rows = await tx.select().from(duties).where(and(eq(duties.personId, personId), eq(duties.id, id)));
    return rows[0];
  }
  const pick = (issue: ValidationIssue | undefined, ok: boolean) => (ok || !issue ? [] : [issue]);

  return {
    addContact: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const data = await validateInput(contactInput, input, (c) => contactIssues(tx, c));
        const contact = map.compact({ id: randomUUID(), ...data }) as Contact;
        await tx.insert(contacts).values(map.contactToRow(personId, contact));
        await audit(tx, ctx, personId, 'contact.create', contact.id, null, contact);
        return { id: contact.id, version: 1 };
      }),

    updateContact: (ctx: ServiceContext, personId: string, contactId: string, patch: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const where = and(eq(contacts.personId, personId), eq(contacts.id, contactId));
        const current = await requireRow(tx.select().from(contacts).where(where));
        const before = map.contactFromRow(current);
        const { id: _id, ext: _ext, ...editable } = before;
        const { version, ...data } = await validateInput(contactUpdate, mergePatch(editable, patch), (c) => contactIssues(tx, c));
        const after = map.compact({ id: contactId, ...data, ext: before.ext }) as Contact;
        const { personId: _p, id: _i, ...values } = map.contactToRow(personId, after);
        const updated = await updateVersioned(tx, contacts, where, version, { ...values, updatedAt: ctx.now });
        await audit(tx, ctx, personId, 'contact.update', contactId, before, after);
        return { id: contactId, version: updated.version };
      }),

    addDetention: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const data = parseInput(detentionInput, input);
        const continues = await detentionExists(tx, personId, data.continuesFrom);
        throwIfIssues(pick({ path: 'continuesFrom', message: 'Select a detention of this person' }, continues));
        const detention = map.compact({ id: randomUUID(), ...data }) as Detention;
        await tx.insert(detentions).values(map.detentionToRow(personId, detention));
        await audit(tx, ctx, personId, 'detention.create', detention.id, null, detention);
        await detentionRecorded(tx, ctx, personId, detention);
        return { id: detention.id, version: 1 };
      }),

    updateDetention: (ctx: ServiceContext, personId: string, detentionId: string, patch: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const where = and(eq(detentions.personId, personId), eq(detentions.id, detentionId));
        const before = map.detentionFromRow(await requireRow(tx.select().from(detentions).where(where)));
        const { id: _id, ext: _ext, ...editable } = before;
        const { version, ...data } = parseInput(detentionUpdate, mergePatch(editable, patch));
        const continues = data.continuesFrom !== detentionId && (await detentionExists(tx, personId, data.continuesFrom));
        throwIfIssues(pick({ path: 'continuesFrom', message: 'Select an earlier detention of this person' }, continues));
        const after = map.compact({ id: detentionId, ...data, ext: before.ext }) as Detention;
        const { personId: _p, id: _i, ...values } = map.detentionToRow(personId, after);
        const updated = await updateVersioned(tx, detentions, where, version, { ...values, updatedAt: ctx.now });
        await audit(tx, ctx, personId, 'detention.update', detentionId, before, after);
        return { id: detentionId, version: updated.version };
      }),

    addCto: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const data = await validateInput(ctoInput, input, async (c) =>
          pick({ path: 'detentionId', message: 'Select a detention of this person' }, await detentionExists(tx, personId, c.detentionId)),
        );
        const cto = map.compact({ id: randomUUID(), ...data });
        await tx.insert(ctos).values(map.ctoToRow(personId, cto));
        await audit(tx, ctx, personId, 'cto.create', cto.id, null, cto);
        return { id: cto.id, version: 1 };
      }),

    addResidence: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const existing = await tx.select().from(residences).where(eq(residences.personId, personId));
        const data = map.compact(
          await validateInput(residenceInput, input, async (c) => [
            ...(await organisationIssues(tx, [
              { path: 'localAuthorityId', id: c.localAuthorityId, kinds: councilKinds, label: 'the council' },
              { path: 'healthBodyId', id: c.healthBodyId, kinds: healthBodyKinds, label: 'the ICB or health board' },
              { path: 'placedById', id: c.placedById, label: 'the organisation that made the placement' },
            ])),
            ...(typeof c.from === 'string' ? overlapIssue({ from: c.from, to: c.to as string | undefined }, existing, 'from', 'This period overlaps another residence: end that one first') : []),
          ]),
        );
        const id = randomUUID();
        await tx.insert(residences).values(map.residenceToRow(personId, id, data));
        await audit(tx, ctx, personId, 'residence.create', id, null, data);
        return { id, version: 1 };
      }),

    addGpRegistration: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const data = map.compact(
          await validateInput(gpRegistrationInput, input, (c) =>
            organisationIssues(tx, [{ path: 'healthBodyId', id: c.healthBodyId, kinds: healthBodyKinds, label: 'the ICB or health board' }]),
          ),
        );
        const id = randomUUID();
        await tx.insert(gpRegistrations).values(map.gpRegistrationToRow(personId, id, data));
        await audit(tx, ctx, personId, 'gp_registration.create', id, null, data);
        return { id, version: 1 };
      }),

    addDuty: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const data = await validateInput(dutyInput, input, (c) => dutyIssues(tx, personId, c));
        const duty = map.compact({ id: randomUUID(), ...data }) as Duty;
        await tx.insert(duties).values(map.dutyToRow(personId, duty));
        await audit(tx, ctx, personId, 'duty.create', duty.id, null, duty);
        return { id: duty.id, version: 1 };
      }),

    /** Changes a duty's recorded facts (responsible bodies, dates, end and reason); an imported ending decision is kept. */
    updateDuty: (ctx: ServiceContext, personId: string, dutyId: string, patch: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', (tx) => changeDuty(tx, ctx, personId, dutyId, patch)),

    /** Records that a duty has ended: the date and the reason are both required. */
    endDuty: (ctx: ServiceContext, personId: string, dutyId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:write', (tx) => changeDuty(tx, ctx, personId, dutyId, parseInput(endDutyInput, input))),

    allocateWorker: (ctx: ServiceContext, personId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:allocate', async (tx) => {
        const data = parseInput(allocationInput, input);
        const duty = await findDuty(tx, personId, data.dutyId);
        const worker = await ensureStaffRecord(tx, data.staffId);
        const allowed = new Set([duty?.localAuthorityId, duty?.healthBodyId, ctx.actor.organisationId]);
        throwIfIssues([
          ...pick({ path: 'dutyId', message: 'Select a duty of this person' }, duty !== undefined),
          ...pick({ path: 'staffId', message: 'Select a worker from the list' }, worker !== undefined && (ctx.actor.kind === 'system' || allowed.has(worker.organisationId))),
        ]);
        const id = randomUUID();
        const allocation = { dutyId: data.dutyId, staffId: data.staffId, from: data.from };
        await tx.insert(allocations).values(map.allocationToRow(personId, id, allocation));
        await audit(tx, ctx, personId, 'allocation.create', id, null, allocation);
        return { id, version: 1 };
      }),

    endAllocation: (ctx: ServiceContext, personId: string, allocationId: string, input: unknown): Promise<Written> =>
      writeCase(ctx, personId, 'case:allocate', async (tx) => {
        const where = and(eq(allocations.personId, personId), eq(allocations.id, allocationId));
        const current = await requireRow(tx.select().from(allocations).where(where));
        const data = parseInput(endAllocationInput, input);
        throwIfIssues(pick({ path: 'to', message: 'The allocation must end on or after the day it began' }, data.to >= current.from));
        const updated = await updateVersioned(tx, allocations, where, data.version, { to: data.to, updatedAt: ctx.now });
        await audit(tx, ctx, personId, 'allocation.end', allocationId, map.allocationFromRow(current), map.allocationFromRow(updated));
        return { id: allocationId, version: updated.version };
      }),

    shareCase: (ctx: ServiceContext, personId: string, input: unknown): Promise<{ shared: boolean }> =>
      writeCase(ctx, personId, 'case:write', async (tx) => {
        const data = parseInput(shareInput, input);
        throwIfIssues(await organisationIssues(tx, [{ path: 'organisationId', id: data.organisationId, label: 'an organisation' }]));
        const shared = await shareCase(tx, personId, data.organisationId, ctx.actor.id);
        if (shared) await audit(tx, ctx, personId, 'case.share', data.organisationId, null, { organisationId: data.organisationId });
        return { shared };
      }),
  };

  async function changeDuty(tx: Tx, ctx: ServiceContext, personId: string, dutyId: string, patch: unknown): Promise<Written> {
    const where = and(eq(duties.personId, personId), eq(duties.id, dutyId));
    const before = map.dutyFromRow(await requireRow(tx.select().from(duties).where(where)));
    const { id: _id, ext: _ext, ending: _ending, ...editable } = before;
    const { version, ...data } = await validateInput(dutyUpdate, mergePatch(editable, patch), (c) => dutyIssues(tx, personId, c));
    const after = map.compact({ id: dutyId, ...data, ending: before.ending, ext: before.ext }) as Duty;
    const { personId: _p, id: _i, ...values } = map.dutyToRow(personId, after);
    const updated = await updateVersioned(tx, duties, where, version, { ...values, updatedAt: ctx.now });
    await audit(tx, ctx, personId, 'duty.update', dutyId, before, after);
    return { id: dutyId, version: updated.version };
  }

  async function contactIssues(tx: Tx, candidate: Record<string, unknown>) {
    return organisationIssues(tx, [{ path: 'organisationId', id: candidate.organisationId, label: 'an organisation' }]);
  }

  async function dutyIssues(tx: Tx, personId: string, data: Record<string, unknown>) {
    return [
      ...pick({ path: 'detentionId', message: 'Select the detention the duty arose from' }, await detentionExists(tx, personId, data.detentionId)),
      ...(await organisationIssues(tx, [
        { path: 'localAuthorityId', id: data.localAuthorityId, kinds: councilKinds, label: 'the responsible council' },
        { path: 'healthBodyId', id: data.healthBodyId, kinds: healthBodyKinds, label: 'the responsible ICB or health board' },
      ])),
    ];
  }
}

/** The row a write is about, or NotFound (an unknown id within a visible case). */
async function requireRow<T>(query: Promise<T[]>): Promise<T> {
  const rows = await query;
  if (!rows[0]) throw new NotFoundError('No such record');
  return rows[0];
}
