/**
 * Checks across a list of records: residence periods must not overlap, and chains of links
 * (`continuesFrom`, `resubmissionOf`, `successorId`) must not loop. Safe on a file that failed the schema.
 */
import { isCivilDate } from '../calendar/civil-date.ts';
import { forEachIn } from './paths.ts';
import type { CaseFile } from './schema.ts';
import type { ValidationIssue } from './validate.ts';

/** Residence periods are half-open, so one may begin on the day the previous one ends. */
export function checkResidenceOverlaps(file: CaseFile, errors: ValidationIssue[]): void {
  const order: { r: CaseFile['residences'][number]; i: number }[] = [];
  forEachIn(file.residences, (r, i) => {
    if (isCivilDate(r.from) && (r.to === undefined || isCivilDate(r.to))) order.push({ r, i });
  });
  order.sort((a, b) => (a.r.from < b.r.from ? -1 : a.r.from > b.r.from ? 1 : a.i - b.i));
  // `reach` is the earlier residence that runs furthest (an open one runs for ever).
  let reach: { r: CaseFile['residences'][number]; i: number } | undefined;
  for (const current of order) {
    if (reach && (reach.r.to === undefined || current.r.from < reach.r.to)) {
      const until = reach.r.to === undefined ? 'with no end' : `to ${reach.r.to}`;
      errors.push({
        path: `residences[${current.i}].from`,
        message: `overlaps residences[${reach.i}] (from ${reach.r.from} ${until}); residences must not overlap`,
      });
    }
    if (!reach || (reach.r.to !== undefined && (current.r.to === undefined || current.r.to > reach.r.to))) reach = current;
  }
}

/** A chain of links (continuesFrom, resubmissionOf, successorId) must not come back on itself; reported once per loop. */
export function checkLoops<T extends { id: string }>(records: T[], name: string, field: string, link: (record: T) => string | undefined, errors: ValidationIssue[]): void {
  const position = new Map<string, number>();
  forEachIn(records, (record, i) => {
    if (typeof record.id === 'string' && !position.has(record.id)) position.set(record.id, i);
  });
  const reported = new Set<number>();
  forEachIn(records, (record, i) => {
    const ids = [record.id];
    for (let next = link(record); typeof next === 'string' && position.has(next); next = link(records[position.get(next)!]!)) {
      if (next === record.id) {
        const members = ids.map((id) => position.get(id)!);
        if (members.every((m) => m >= i) && !reported.has(i)) {
          members.forEach((m) => reported.add(m));
          errors.push({ path: `${name}[${i}].${field}`, message: `forms a loop (${[...ids, record.id].join(' → ')})` });
        }
        return;
      }
      if (ids.includes(next)) return; // leads into a loop that does not include this record
      ids.push(next);
    }
  });
}
