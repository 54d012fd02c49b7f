/**
 * The register's SQL. Every read of people is filtered in SQL by who may see them (ADR 0001, "Case
 * visibility"): the organisation that created or imported the person, the councils and health bodies on
 * their duties (and their successors), and the organisations the case is shared with. The system actor
 * (the CLI) sees everyone.
 */
import { and, asc, eq, sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { rowsOf, type DbOrTx } from '../../platform/db/client.ts';
import { organisations } from '../../platform/organisations/tables.ts';
import { users } from '../../platform/users/tables.ts';
import { allocations, caseShares, contacts, ctos, detentions, disputes, duties, gpRegistrations, organisationExt, people, residences, staff } from './tables.ts';
import { inTextList } from '../../platform/db/in-list.ts';
import { executePrepared } from '../../platform/db/prepared.ts';

/**
 * The organisation and every organisation it succeeded, however many mergers back (an ICB formed in 2026
 * from ICBs that had themselves absorbed CCGs): their duties are its duties. The recursion stops on a loop.
 */
function organisationsAnsweredFor(org: string | Placeholder): SQL {
  return sql`with recursive answered(id) as (
      select ${org}::text
      union select ${organisations.id} from ${organisations} join answered on ${organisations.successorId} = answered.id)
    select id from answered`;
}

/** `people.id in (…)` for the people the actor's organisation may see; `undefined` means no filter. */
export function visiblePeople(actor: Actor): SQL | undefined {
  if (actor.kind === 'system') return undefined;
  const org = actor.organisationId;
  if (!org) return sql`false`;
  const answersFor = organisationsAnsweredFor(org);
  return sql`${people.id} in (
    select ${duties.personId} from ${duties} where ${duties.localAuthorityId} in (${answersFor})
    union select ${duties.personId} from ${duties} where ${duties.healthBodyId} in (${answersFor})
    union select ${caseShares.personId} from ${caseShares} where ${caseShares.organisationId} = ${org}
    union select ${people.id} from ${people} where ${people.createdByOrganisationId} = ${org})`;
}

/**
 * The same rule for one person, written as correlated EXISTS so that the lookup touches only that person's
 * duties and shares (the IN form above suits lists, where PostgreSQL hashes the organisation's people once).
 */
export function personVisibleTo(actor: Actor): SQL | undefined {
  if (actor.kind === 'system') return undefined;
  const org = actor.organisationId;
  if (!org) return sql`false`;
  return personVisibleToOrganisation(org);
}

/** `personVisibleTo` for an organisation's users, the organisation given as a value or a placeholder (a prepared read). */
export function personVisibleToOrganisation(org: string | Placeholder): SQL {
  const answersFor = organisationsAnsweredFor(org);
  return sql`(${people.createdByOrganisationId} = ${org}
    or exists (select 1 from ${duties} where ${duties.personId} = ${people.id}
      and (${duties.localAuthorityId} in (${answersFor}) or ${duties.healthBodyId} in (${answersFor})))
    or exists (select 1 from ${caseShares} where ${caseShares.personId} = ${people.id} and ${caseShares.organisationId} = ${org}))`;
}

export async function findVisiblePerson(db: DbOrTx, actor: Actor, personId: string) {
  const rows = await db.select().from(people).where(and(eq(people.id, personId), personVisibleTo(actor))).limit(1);
  return rows[0];
}

export async function personIdExists(db: DbOrTx, personId: string): Promise<boolean> {
  const rows = await db.select({ id: people.id }).from(people).where(eq(people.id, personId)).limit(1);
  return rows.length > 0;
}

export async function personIdWithNhsNumber(db: DbOrTx, nhsNumber: string): Promise<string | undefined> {
  const rows = await db.select({ id: people.id }).from(people).where(eq(people.nhsNumber, nhsNumber)).limit(1);
  return rows[0]?.id;
}

export async function anyPeople(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: people.id }).from(people).limit(1);
  return rows.length > 0;
}

/** The ids of the organisations `org` answers for (itself and every body it succeeded), looked up first so lists can use the duty indexes. */
export async function organisationIdsAnsweredFor(db: DbOrTx, org: string): Promise<string[]> {
  return rowsOf<{ id: string }>(await executePrepared(db, organisationsAnsweredFor(org))).map((row) => row.id);
}

/**
 * `visiblePeople` with the organisations already looked up (`organisationIdsAnsweredFor`): the same rule,
 * but PostgreSQL estimates and indexes literal ids where it misestimates the recursive CTE (the alerts list:
 * 122 → 30 ms at 10,000 people, docs/performance.md).
 */
export function visiblePeopleAmong(actor: Actor, answeredFor: readonly string[], personId: SQL | AnyColumn = people.id, form: VisibilityForm = 'in'): SQL | undefined {
  if (actor.kind === 'system') return undefined;
  const org = actor.organisationId;
  if (!org) return sql`false`;
  return form === 'array' ? sql`${personId} = any(array(${visibleIdSet(org, answeredFor)}))` : sql`${personId} in (${visibleIdSet(org, answeredFor)})`;
}

/**
 * How a list's filter holds the visible set: `in`, a semi-join PostgreSQL plans from its estimate of the set;
 * `array`, `= any(array(…))`, the set worked out first and each of its ids probed by index. The estimate of the
 * union is about twice the truth, so for a table where most rows are open to the filter (`duties`: the
 * unallocated duties) `in` hashes every row of the table; `array` probes the organisation's few thousand.
 */
export type VisibilityForm = 'in' | 'array';

/**
 * The ids of the people `org` may see, one column `person_id`, each once: the union of four index-driven
 * sets (duties naming an organisation it answers for as council, or as health body; shares to it; people it
 * created). Counting this set touches only the organisation's own rows, where filtering `people` by the same
 * rule reads every person (docs/performance.md, "Counting the register").
 */
function visibleIdSet(org: string, answeredFor: readonly string[]): SQL {
  const ids = sql.join((answeredFor.length === 0 ? [org] : answeredFor).map((id) => sql`${id}`), sql`, `);
  return sql`select ${duties.personId} as person_id from ${duties} where ${duties.localAuthorityId} in (${ids})
    union select ${duties.personId} from ${duties} where ${duties.healthBodyId} in (${ids})
    union select ${caseShares.personId} from ${caseShares} where ${caseShares.organisationId} = ${org}
    union select ${people.id} from ${people} where ${people.createdByOrganisationId} = ${org}`;
}

/**
 * The visibility filter of a list, with the organisations looked up first (`visiblePeopleAmong`): one tiny
 * query, then a filter PostgreSQL can plan from literal ids. `personId` is the column holding the person's id
 * (`stored_alerts.person_id`, `duties.person_id`), so a list need not join `people` just to filter.
 */
export async function resolvedVisibility(db: DbOrTx, actor: Actor, personId: SQL | AnyColumn = people.id, form: VisibilityForm = 'in'): Promise<SQL | undefined> {
  if (actor.kind === 'system' || !actor.organisationId) return actor.kind === 'system' ? undefined : sql`false`;
  return visiblePeopleAmong(actor, await organisationIdsAnsweredFor(db, actor.organisationId), personId, form);
}

/**
 * The register list's visibility, in the two forms its two statements want: `filter`, correlated EXISTS on
 * `people` (the page walks the name index and stops after a page of visible people), and `idSet`, the
 * union of the organisation's own id sets (the count counts it without reading `people`). `undefined`:
 * no filter (the system); `false`: nobody (an actor without an organisation). The list is register-list.ts.
 */
export type RegisterVisibility = { filter: SQL; idSet: SQL } | undefined | false;
export async function registerVisibility(db: DbOrTx, actor: Actor): Promise<RegisterVisibility> {
  if (actor.kind === 'system') return undefined;
  const org = actor.organisationId;
  if (!org) return false;
  const answeredFor = await organisationIdsAnsweredFor(db, org);
  const ids = answeredFor.map((id) => sql`${id}`);
  // Two EXISTS, not one with an OR inside: PostgreSQL then hashes each from its own index (an index-only scan
  // of the organisation's entries once the table is vacuumed) instead of reading all its duties' rows: a
  // search for a family name at 250,000 people 2,629 -> 670 buffers (docs/performance.md, "Register search").
  const byDuty =
    ids.length === 0
      ? sql`false`
      : sql`exists (select 1 from ${duties} where ${duties.personId} = ${people.id} and ${duties.localAuthorityId} in (${sql.join(ids, sql`, `)}))
      or exists (select 1 from ${duties} where ${duties.personId} = ${people.id} and ${duties.healthBodyId} in (${sql.join(ids, sql`, `)}))`;
  const filter = sql`(${people.createdByOrganisationId} = ${org} or ${byDuty}
    or exists (select 1 from ${caseShares} where ${caseShares.personId} = ${people.id} and ${caseShares.organisationId} = ${org}))`;
  return { filter, idSet: visibleIdSet(org, answeredFor) };
}

/**
 * Every register record of one person, in a stable order (dates first, then ids). One query after another:
 * inside a transaction they share one connection, where concurrent queries would only queue (and `pg`
 * deprecates issuing them).
 */
export async function loadCaseRows(db: DbOrTx, personId: string) {
  return {
    contacts: await db.select().from(contacts).where(eq(contacts.personId, personId)).orderBy(asc(contacts.createdAt), asc(contacts.id)),
    detentions: await db.select().from(detentions).where(eq(detentions.personId, personId)).orderBy(asc(detentions.start), asc(detentions.id)),
    ctos: await db.select().from(ctos).where(eq(ctos.personId, personId)).orderBy(asc(ctos.start), asc(ctos.id)),
    residences: await db.select().from(residences).where(eq(residences.personId, personId)).orderBy(asc(residences.from), asc(residences.id)),
    gpRegistrations: await db.select().from(gpRegistrations).where(eq(gpRegistrations.personId, personId)).orderBy(asc(gpRegistrations.from), asc(gpRegistrations.id)),
    duties: await db.select().from(duties).where(eq(duties.personId, personId)).orderBy(asc(duties.start), asc(duties.id)),
    disputes: await db.select().from(disputes).where(eq(disputes.personId, personId)).orderBy(asc(disputes.openedOn), asc(disputes.id)),
    allocations: await db.select().from(allocations).where(eq(allocations.personId, personId)).orderBy(asc(allocations.from), asc(allocations.id)),
    shares: await db.select().from(caseShares).where(eq(caseShares.personId, personId)).orderBy(asc(caseShares.organisationId)),
  };
}
export type CaseRows = Awaited<ReturnType<typeof loadCaseRows>>;

export async function organisationsByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inTextList(organisations.id, ids)).orderBy(asc(organisations.id));
}

export async function organisationsByCodes(db: DbOrTx, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db.select().from(organisations).where(inTextList(organisations.code, codes));
}

/** The case-file `ext` kept for each of these organisations, by id. */
export async function organisationExtsOf(db: DbOrTx, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(organisationExt).where(inTextList(organisationExt.organisationId, ids));
  return new Map(rows.map((row) => [row.organisationId, row.ext]));
}

export async function staffByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(staff).where(inTextList(staff.id, ids)).orderBy(asc(staff.id));
}

/** The people of an organisation who may be allocated a case: its staff records and its users. */
export async function workersOf(db: DbOrTx, organisationId: string) {
  const result = await db.execute(sql`
    select id, name from ${staff} where organisation_id = ${organisationId}
    union select id, name from ${users} where organisation_id = ${organisationId} and not disabled
    order by name, id`);
  return rowsOf<{ id: string; name: string }>(result);
}

/** A worker's staff record, made from their user account the first time they are allocated a case. */
export async function ensureStaffRecord(db: DbOrTx, staffId: string) {
  const existing = await db.select().from(staff).where(eq(staff.id, staffId)).limit(1);
  if (existing[0]) return existing[0];
  const user = await db.select().from(users).where(eq(users.id, staffId)).limit(1);
  if (!user[0]) return undefined;
  const created = await db.insert(staff).values({ id: user[0].id, name: user[0].name, organisationId: user[0].organisationId }).returning();
  return created[0];
}

export async function shareCase(db: DbOrTx, personId: string, organisationId: string, sharedBy: string): Promise<boolean> {
  const inserted = await db.insert(caseShares).values({ personId, organisationId, sharedBy }).onConflictDoNothing().returning();
  return inserted.length > 0;
}
