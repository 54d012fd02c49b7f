/**
 * Turns the ready rows of an import plan into case files (one per person), so the import itself goes through
 * the same validated path as `aftercare import` (`../shared/contracts/case-file.md`).
 */
import type { CaseFile, Organisation, Staff } from '../../case-file/schema.ts';
import type { ImportPlan, PlannedRecords } from './plan.ts';
import { emptyCaseFile } from '../../case-file/empty-case-file.ts';

/**
 * `reference` is the list the plan was made with: the successors of the bodies named are carried along, as a
 * case file holds every organisation it refers to.
 */
export function caseFilesFromPlan(plan: ImportPlan, reference: readonly Organisation[]): CaseFile[] {
  const byId = new Map(reference.map((o) => [o.id, o]));
  const byPerson = new Map<string, PlannedRecords[]>();
  for (const row of plan.rows) {
    if (row.status !== 'ready') continue;
    const list = byPerson.get(row.creates.person.id) ?? [];
    list.push(row.creates);
    byPerson.set(row.creates.person.id, list);
  }
  return [...byPerson.values()].map((rows) => {
    const organisations = new Map<string, Organisation>();
    const staff = new Map<string, Staff>();
    for (const row of rows) {
      for (const named of row.organisations) {
        for (
          let org: Organisation | undefined = named;
          org && !organisations.has(org.id);
          org = org.successorId ? byId.get(org.successorId) : undefined
        ) {
          organisations.set(org.id, org);
        }
      }
      if (row.staff) staff.set(row.staff.id, row.staff);
    }
    return emptyCaseFile({
      organisations: [...organisations.values()],
      staff: [...staff.values()],
      person: rows[0]!.person,
      detentions: rows.map((r) => r.detention),
      duties: rows.map((r) => r.duty),
      allocations: rows.flatMap((r) => (r.allocation ? [r.allocation] : [])),
      services: rows.flatMap((r) => (r.service ? [r.service] : [])),
    });
  });
}
