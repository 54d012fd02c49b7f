/**
 * The register rows a review cohort is chosen from (domain/complaints/review-cohorts.ts `RegisterRow`):
 * one per duty of every person the actor may see. Duties and allocations are the register's. Plan reviews
 * and charges belong to the care records capability: they are read when its tables exist, and when they do
 * not (or cannot be read) the criteria that need them are reported as unavailable rather than guessed.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import type { CarePlan } from '../../domain/case-file/schema.ts';
import { carePlanInForce, planReviewDue } from '../../domain/care-records/care-plan.ts';
import type { CohortCriterion, RegisterRow } from '../../domain/complaints/review-cohorts.ts';
import { visiblePeople } from '../register/repository.ts';
import { allocations, duties, people } from '../register/tables.ts';

export interface RegisterRowsResult {
  rows: RegisterRow[];
  /** Criteria that cannot be worked out from what Aftercare stores yet, with the reason to show. */
  unavailable: Partial<Record<CohortCriterion, string>>;
}

interface PlanRow {
  person_id: string;
  id: string;
  duty_id: string;
  status: string;
  agreed_on: string | null;
  review_due: string | null;
  reviewed_on: string[] | string | null;
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const rows = rowsOf<{ found: string | null }>(await db.execute(sql`select to_regclass(${`public.${name}`})::text as found`));
  return Boolean(rows[0]?.found);
}

/** Reads another capability's rows in a savepoint, so a table that is not what we expect degrades, not fails. */
async function tryRead<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[] | null> {
  try {
    return await db.transaction(async (tx) => rowsOf<T>(await tx.execute(query)));
  } catch {
    return null;
  }
}

export async function registerRowsFor(db: Db, actor: Actor, on: CivilDate): Promise<RegisterRowsResult> {
  const dutyRows = await db
    .select({ personId: duties.personId, dutyId: duties.id, start: duties.start, end: duties.end })
    .from(duties)
    .innerJoin(people, eq(people.id, duties.personId))
    .where(and(visiblePeople(actor)));
  const current = await db
    .select({ personId: allocations.personId, dutyId: allocations.dutyId, staffId: allocations.staffId })
    .from(allocations)
    .where(and(sql`${allocations.from} <= ${on}`, sql`(${allocations.to} is null or ${allocations.to} > ${on})`));
  const allocated = new Map(current.map((a) => [`${a.personId}\u0000${a.dutyId}`, a.staffId]));
  const unavailable: RegisterRowsResult['unavailable'] = {};

  let plans: PlanRow[] | null = null;
  if (await tableExists(db, 'care_plans')) {
    plans = await tryRead<PlanRow>(db, sql`select person_id, id, duty_id, status, to_char(agreed_on, 'YYYY-MM-DD') as agreed_on, to_char(review_due, 'YYYY-MM-DD') as review_due, reviewed_on from care_plans`);
  }
  if (!plans) unavailable.plan_review_overdue = 'Aftercare plans are not stored yet, so no one can be found by an overdue plan review.';

  let charged: Set<string> | null = null;
  if ((await tableExists(db, 'charges')) && (await tableExists(db, 'care_services'))) {
    // aftercare-charged / aftercare-rent-charged, in short: an unrefunded charge on an aftercare service
    // whose period overlaps the duty.
    const rows = await tryRead<{ person_id: string; duty_id: string }>(
      db,
      sql`select distinct c.person_id, d.id as duty_id from charges c
        join care_services s on s.person_id = c.person_id and s.id = c.service_id and s.aftercare
        join duties d on d.person_id = c.person_id and d.id = s.duty_id
        where c."from" <= ${on} and (c."to" is null or c."to" > d.start) and (d."end" is null or c."from" < d."end")
          and (c.refund is null or (c.refund->>'date') > ${on})`,
    );
    if (rows) charged = new Set(rows.map((r) => `${r.person_id}\u0000${r.duty_id}`));
  }
  if (!charged) unavailable.charged_for_aftercare = 'Charges for services are not stored yet, so no one can be found by being charged for aftercare.';

  const plansByPerson = new Map<string, CarePlan[]>();
  for (const p of plans ?? []) {
    const reviewedOn = typeof p.reviewed_on === 'string' ? (JSON.parse(p.reviewed_on) as string[]) : (p.reviewed_on ?? undefined);
    const plan = { id: p.id, dutyId: p.duty_id, status: p.status, needs: [], ...(p.agreed_on ? { agreedOn: p.agreed_on } : {}), ...(p.review_due ? { reviewDue: p.review_due } : {}), ...(reviewedOn ? { reviewedOn } : {}) } as CarePlan;
    plansByPerson.set(p.person_id, [...(plansByPerson.get(p.person_id) ?? []), plan]);
  }

  const rows = dutyRows.map((d): RegisterRow => {
    const key = `${d.personId}\u0000${d.dutyId}`;
    const inForce = carePlanInForce(plansByPerson.get(d.personId) ?? [], d.dutyId, on);
    return {
      personId: d.personId,
      dutyId: d.dutyId,
      dutyOpen: d.start <= on && (d.end === null || d.end > on),
      planReviewDue: inForce ? (planReviewDue(inForce, on) ?? null) : null,
      allocatedStaffId: allocated.get(key) ?? null,
      chargedForAftercare: charged?.has(key) ?? false,
    };
  });
  return { rows, unavailable };
}
