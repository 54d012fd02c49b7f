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
import { byPerson } from '../register/repository.ts';
import { ctos, duties, residences } from '../register/tables.ts';
import * as map from './mapping.ts';
import { carePlans, careServices, charges, paymentOffers } from './tables.ts';
import { inTextList } from '../../platform/db/in-list.ts';

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

/** `loadCareRecords` for many people, one statement a table (the sweep), by person id, each in the same order. */
export async function loadCareRecordsOfMany(db: DbOrTx, personIds: readonly string[]): Promise<Map<string, CareRecordRows>> {
  const ids = [...personIds];
  if (ids.length === 0) return new Map();
  const plans = byPerson(ids, await db.select().from(carePlans).where(inTextList(carePlans.personId, ids)).orderBy(asc(carePlans.createdAt), asc(carePlans.id)));
  const services = byPerson(ids, await db.select().from(careServices).where(inTextList(careServices.personId, ids)).orderBy(asc(careServices.createdAt), asc(careServices.id)));
  const chargeRows = byPerson(ids, await db.select().from(charges).where(inTextList(charges.personId, ids)).orderBy(asc(charges.from), asc(charges.id)));
  const offers = byPerson(ids, await db.select().from(paymentOffers).where(inTextList(paymentOffers.personId, ids)).orderBy(asc(paymentOffers.offeredOn), asc(paymentOffers.id)));
  return new Map(
    ids.map((id) => [
      id,
      {
        carePlans: (plans.get(id) ?? []).map((row) => ({ record: map.carePlanFromRow(row), version: row.version })),
        services: (services.get(id) ?? []).map((row) => ({ record: map.serviceFromRow(row), version: row.version })),
        charges: (chargeRows.get(id) ?? []).map((row) => ({ record: map.chargeFromRow(row), version: row.version })),
        paymentOffers: (offers.get(id) ?? []).map((row) => ({ record: map.paymentOfferFromRow(row), version: row.version })),
      },
    ]),
  );
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
