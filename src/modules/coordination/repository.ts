/**
 * Coordination's SQL: a person's records of one section, insert and versioned update of one record, and the
 * lists across people (the panel agenda, "my actions", the provider directory), filtered by case visibility.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { updateVersioned } from '../../platform/db/versioned.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { organisations } from '../../platform/organisations/tables.ts';
import { visiblePeople } from '../register/repository.ts';
import { people } from '../register/tables.ts';
import { sectionDefinitions, type CoordinationSection, type SectionRecord, type Versioned } from './sections.ts';
import { actions, panelRequests, providerLocations } from './tables.ts';

type Row = { id: string; record: Record<string, unknown>; ext: Record<string, unknown> | null; version: number };

export function recordFromRow<S extends CoordinationSection>(row: Row): Versioned<SectionRecord[S]> {
  return { id: row.id, ...row.record, ...(row.ext ? { ext: row.ext } : {}), version: row.version } as unknown as Versioned<SectionRecord[S]>;
}

/** The stored shape of a record: its contract fields without id, ext and version. */
function split(record: Record<string, unknown>) {
  const { id, ext, version: _version, ...rest } = record;
  return { id: id as string, ext: (ext as Record<string, unknown> | undefined) ?? null, record: rest };
}

export async function listRecords<S extends CoordinationSection>(db: DbOrTx, section: S, personId: string): Promise<Versioned<SectionRecord[S]>[]> {
  const table = sectionDefinitions[section].table;
  const rows = (await db.select().from(table).where(eq(table.personId, personId)).orderBy(asc(table.createdAt), asc(table.id))) as Row[];
  return rows.map((row) => recordFromRow<S>(row));
}

export async function findRecord<S extends CoordinationSection>(db: DbOrTx, section: S, personId: string, id: string): Promise<Versioned<SectionRecord[S]>> {
  const table = sectionDefinitions[section].table;
  const rows = (await db.select().from(table).where(and(eq(table.personId, personId), eq(table.id, id)))) as Row[];
  if (!rows[0]) throw new NotFoundError('No such record');
  return recordFromRow<S>(rows[0]);
}

export async function insertRecords(db: DbOrTx, section: CoordinationSection, personId: string, records: readonly Record<string, unknown>[]): Promise<void> {
  if (records.length === 0) return;
  const definition = sectionDefinitions[section];
  const values = records.map((r) => {
    const { id, ext, record } = split(r);
    return { personId, id, ext, record, ...definition.indexColumns?.(record) };
  });
  await db.insert(definition.table).values(values as never);
}

export async function updateRecord(db: DbOrTx, section: CoordinationSection, personId: string, expectedVersion: number, after: Record<string, unknown>, now: Date): Promise<number> {
  const definition = sectionDefinitions[section];
  const table = definition.table;
  const { id, ext, record } = split(after);
  const updated = await updateVersioned(db, table, and(eq(table.personId, personId), eq(table.id, id)), expectedVersion, {
    record, ext, updatedAt: now, ...definition.indexColumns?.(record),
  } as never);
  return (updated as { version: number }).version;
}

const personName = sql<string>`${people.givenName} || ' ' || ${people.familyName}`;

/** Open actions owned by the actor (their user id is their staff id) on cases they may see. */
export async function actionsOwnedBy(db: DbOrTx, actor: Actor) {
  const rows = await db
    .select({ personId: actions.personId, personName, id: actions.id, record: actions.record, ext: actions.ext, version: actions.version })
    .from(actions)
    .innerJoin(people, eq(people.id, actions.personId))
    .where(and(eq(actions.ownerId, actor.id), isNull(actions.completedOn), visiblePeople(actor)))
    .orderBy(asc(actions.due), asc(actions.id));
  return rows.map((row) => ({ personId: row.personId, personName: row.personName, action: recordFromRow<'actions'>(row) }));
}

/** The panel's agenda for a date: requests submitted on or before it and not yet decided (or deferred), and those decided on it. */
export async function panelAgenda(db: DbOrTx, actor: Actor, day: string) {
  const rows = await db
    .select({ personId: panelRequests.personId, personName, id: panelRequests.id, record: panelRequests.record, ext: panelRequests.ext, version: panelRequests.version })
    .from(panelRequests)
    .innerJoin(people, eq(people.id, panelRequests.personId))
    .where(and(
      visiblePeople(actor),
      or(and(lte(panelRequests.submittedOn, day), or(isNull(panelRequests.decision), eq(panelRequests.decision, 'deferred'))), eq(panelRequests.decidedOn, day)),
    ))
    .orderBy(asc(panelRequests.submittedOn), asc(panelRequests.id));
  return rows.map((row) => ({ personId: row.personId, personName: row.personName, request: recordFromRow<'panelRequests'>(row) }));
}

export async function listProviders(db: DbOrTx) {
  return db
    .select({ organisation: organisations, location: providerLocations })
    .from(organisations)
    .leftJoin(providerLocations, eq(providerLocations.organisationId, organisations.id))
    .where(eq(organisations.kind, 'provider'))
    .orderBy(asc(organisations.name));
}

export async function organisationsByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, [...ids]));
}
