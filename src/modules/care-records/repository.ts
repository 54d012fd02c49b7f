/**
 * Care records' SQL: one person's plans, services, charges and offers (read one query after another, as
 * the register does, since pg deprecates concurrent queries on one client), and the register records the
 * rules need beside them (duties, CTOs, residences, date of birth). Visibility is checked by the caller
 * (`writeCase` / `requireVisiblePerson`) before any of these run.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import * as registerMap from '../register/case-file-mapping.ts';
import { ctos, duties, residences } from '../register/tables.ts';
import * as map from './mapping.ts';
import { carePlans, careServices, charges, paymentOffers } from './tables.ts';
import { rowsByIds, type IdRange } from '../../platform/db/rows-by-ids.ts';
import type { CarePlan, Charge, PaymentOffer, Service } from '../../domain/case-file/schema.ts';

export async function loadCareRecords(db: DbOrTx, personId: string) {
  const plans = await db.select().from(carePlans).where(eq(carePlans.personId, personId)).orderBy(asc(carePlans.createdAt), asc(carePlans.id));
  const services = await db.select().from(careServices).where(eq(careServices.personId, personId)).orderBy(asc(careServices.createdAt), asc(careServices.id));
  const chargeRows = await db.select().from(charges).where(eq(charges.personId, personId)).orderBy(asc(charges.from), asc(charges.id));
  const offers = await db.select().from(paymentOffers).where(eq(paymentOffers.personId, personId)).orderBy(asc(paymentOffers.offeredOn), asc(paymentOffers.id));
  return {
    carePlans: plans.map((row) => ({ record: map.carePlanFromRow(row), version: row.version })),
    services: services.map((row) => ({ record: map.serviceFromRow(row), version: row.version })),
    charges: chargeRows.map((row) => ({ record: map.chargeFromRow(row), version: row.version })),
    paymentOffers: offers.map((row) => ({ record: map.paymentOfferFromRow(row), version: row.version })),
  };
}
export type CareRecordRows = Awaited<ReturnType<typeof loadCareRecords>>;

const auditColumns = ['createdAt', 'updatedAt', 'version'] as const;
const readers = {
  carePlans: rowsByIds(carePlans, { by: (t) => t.personId, orderBy: (t) => [t.createdAt, t.id], omit: auditColumns }),
  services: rowsByIds(careServices, { by: (t) => t.personId, orderBy: (t) => [t.createdAt, t.id], omit: auditColumns }),
  charges: rowsByIds(charges, { by: (t) => t.personId, orderBy: (t) => [t.from, t.id], omit: auditColumns }),
  paymentOffers: rowsByIds(paymentOffers, { by: (t) => t.personId, orderBy: (t) => [t.offeredOn, t.id], omit: auditColumns }),
};

/**
 * Many people's care records as case-file sections (the sweep), one statement a table, by person id (every
 * id given): each person's records are `loadCareRecords`' records in its order, read without the timestamps
 * and versions a case file does not hold, and without Drizzle's row mapping (`rowsByIds`).
 */
export async function careRecordSectionsOfMany(db: DbOrTx, personIds: readonly string[], range?: IdRange) {
  const out = new Map<string, { carePlans: CarePlan[]; services: Service[]; charges: Charge[]; paymentOffers: PaymentOffer[] }>();
  for (const id of personIds) out.set(id, { carePlans: [], services: [], charges: [], paymentOffers: [] });
  if (personIds.length === 0) return out;
  for (const row of await readers.carePlans.read(db, personIds, range)) out.get(row.personId)?.carePlans.push(map.carePlanFromRow(row));
  for (const row of await readers.services.read(db, personIds, range)) out.get(row.personId)?.services.push(map.serviceFromRow(row));
  for (const row of await readers.charges.read(db, personIds, range)) out.get(row.personId)?.charges.push(map.chargeFromRow(row));
  for (const row of await readers.paymentOffers.read(db, personIds, range)) out.get(row.personId)?.paymentOffers.push(map.paymentOfferFromRow(row));
  return out;
}

/** The register's records the care-records rules read: duties (with versions), CTOs, residences. */
export async function loadRegisterContext(db: DbOrTx, personId: string) {
  const dutyRows = await db.select().from(duties).where(eq(duties.personId, personId)).orderBy(asc(duties.start), asc(duties.id));
  const ctoRows = await db.select().from(ctos).where(eq(ctos.personId, personId));
  const residenceRows = await db.select().from(residences).where(eq(residences.personId, personId)).orderBy(asc(residences.from));
  return {
    duties: dutyRows.map((row) => ({ record: registerMap.dutyFromRow(row), version: row.version })),
    ctos: ctoRows.map(registerMap.ctoFromRow),
    residences: residenceRows.map(registerMap.residenceFromRow),
  };
}
export type RegisterContext = Awaited<ReturnType<typeof loadRegisterContext>>;

export const carePlanWhere = (personId: string, id: string) => and(eq(carePlans.personId, personId), eq(carePlans.id, id));
export const serviceWhere = (personId: string, id: string) => and(eq(careServices.personId, personId), eq(careServices.id, id));
export const chargeWhere = (personId: string, id: string) => and(eq(charges.personId, personId), eq(charges.id, id));
export const offerWhere = (personId: string, id: string) => and(eq(paymentOffers.personId, personId), eq(paymentOffers.id, id));
export const dutyWhere = (personId: string, id: string) => and(eq(duties.personId, personId), eq(duties.id, id));

/** The row a write is about, or NotFound (an unknown id within a visible case). */
export async function requireRow<T>(query: Promise<T[]>): Promise<T> {
  const rows = await query;
  if (!rows[0]) throw new NotFoundError('No such record');
  return rows[0];
}
