/**
 * One person's case as coordination needs it: the register records its rules read (person, contacts,
 * duties, residences) in case-file shapes, the coordination sections with their versions, and the names of
 * the organisations and staff they mention. Read inside the caller's transaction.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Contact, Duty, Person, Residence } from '../../domain/case-file/schema.ts';
import { contactFromRow, dutyFromRow, personFromRow, residenceFromRow } from '../register/case-file-mapping.ts';
import { loadCaseRows, staffByIds } from '../register/repository.ts';
import { listRecords, organisationsByIds } from './repository.ts';
import { coordinationSections, type CoordinationSection, type SectionRecord, type Versioned } from './sections.ts';
import type { PersonRow } from '../register/case-write.ts';
import { and, eq } from 'drizzle-orm';
import { careServices } from '../care-records/tables.ts';

export type CoordinationRecords = { [S in CoordinationSection]: Versioned<SectionRecord[S]>[] };

export interface CoordinationCase extends CoordinationRecords {
  person: Person;
  contacts: Contact[];
  duties: Duty[];
  residences: Residence[];
  /** Names of the organisations and staff (users) the records mention, by id. */
  names: Record<string, string>;
  /** Provider organisations mentioned by panel requests and placement searches, with their CQC ratings. */
  providers: { id: string; name: string; code: string | null; cqc: Record<string, string> | null }[];
  /** Services the care plan proposes (status planned, from the care-records module): a panel request starts from one. */
  proposedServices: { id: string; dutyId: string; description: string; providerId: string | null; weeklyCostPence: number | null }[];
}

export async function loadCoordinationRecords(db: DbOrTx, personId: string): Promise<CoordinationRecords> {
  const records = {} as Record<CoordinationSection, unknown[]>;
  for (const section of coordinationSections) records[section] = await listRecords(db, section, personId);
  return records as CoordinationRecords;
}

export async function loadCoordinationCase(db: DbOrTx, person: PersonRow): Promise<CoordinationCase> {
  const rows = await loadCaseRows(db, person.id);
  const records = await loadCoordinationRecords(db, person.id);
  const duties = rows.duties.map(dutyFromRow);
  const refs = new Set<string>();
  for (const duty of duties) refs.add(duty.localAuthorityId).add(duty.healthBodyId);
  for (const r of [...records.panelRequests, ...records.placementSearches]) if (r.providerId) refs.add(r.providerId);
  for (const a of records.actions) refs.add(a.ownerId);
  for (const a of records.appointments) refs.add(a.staffId);
  for (const c of records.communications) if (c.staffId) refs.add(c.staffId);
  const proposedServices = await db
    .select({ id: careServices.id, dutyId: careServices.dutyId, description: careServices.description, providerId: careServices.providerId, weeklyCostPence: careServices.weeklyCostPence })
    .from(careServices)
    .where(and(eq(careServices.personId, person.id), eq(careServices.status, 'planned')));
  for (const service of proposedServices) if (service.providerId) refs.add(service.providerId);
  const ids = [...refs];
  const organisations = await organisationsByIds(db, ids);
  const staff = await staffByIds(db, ids);
  const names: Record<string, string> = {};
  for (const o of organisations) names[o.id] = o.name;
  for (const s of staff) names[s.id] = s.name;
  return {
    person: personFromRow(person),
    contacts: rows.contacts.map(contactFromRow),
    duties,
    residences: rows.residences.map(residenceFromRow),
    ...records,
    names,
    proposedServices,
    providers: organisations.filter((o) => o.kind === 'provider').map((o) => ({ id: o.id, name: o.name, code: o.code, cqc: (o.cqc as Record<string, string> | null) ?? null })),
  };
}
