/**
 * The register as CSV: one row per recorded duty — the person, NHS number, the qualifying detention, the
 * duty's start, the responsible council and health body recorded, the worker allocated on the date, the
 * review due of the plan in force, the services in progress with their weekly cost, and the end. Pure:
 * shaped from case files, so it holds what an export holds.
 */
import type { CaseFile } from '../../domain/case-file/schema.ts';
import { addMonths } from '../../domain/calendar/civil-date.ts';
import { organisationLabel } from '../../domain/interop/successor-display.ts';
import { csvLines } from '../alerts/alerts-csv.ts';

export const registerCsvHeader = [
  'personId', 'name', 'nhsNumber', 'dutyId', 'qualifyingDetention', 'detentionStart', 'dutyStart',
  'responsibleCouncil', 'responsibleHealthBody', 'allocatedWorker', 'planReviewDue', 'services', 'weeklyCostPounds', 'end', 'endReason',
] as const;

type Cell = string | number | undefined;

const inForce = (from: string | undefined, to: string | undefined, asOf: string) => from !== undefined && from <= asOf && (to === undefined || to > asOf);

export function registerRowsOf(file: CaseFile, asOf: string): Cell[][] {
  const organisations = new Map(file.organisations.map((o) => [o.id, o]));
  // The body recorded, and who answers for it on the export's date when it has since ceased.
  const orgName = (id: string) => {
    const org = organisations.get(id);
    return org ? organisationLabel(org, organisations, asOf) : id;
  };
  const staffName = (id: string) => file.staff.find((s) => s.id === id)?.name ?? id;
  return file.duties.map((duty) => {
    const detention = file.detentions.find((d) => d.id === duty.detentionId);
    const allocation = file.allocations.find((a) => a.dutyId === duty.id && inForce(a.from, a.to, asOf));
    const plan = file.carePlans
      .filter((p) => p.dutyId === duty.id && p.agreedOn !== undefined && p.agreedOn <= asOf)
      .sort((a, b) => (a.agreedOn! < b.agreedOn! ? 1 : -1))[0];
    const lastReview = plan ? [plan.agreedOn!, ...(plan.reviewedOn ?? [])].sort().at(-1)! : undefined;
    const reviewDue = plan ? (plan.reviewDue ?? addMonths(lastReview!, 12)) : undefined;
    const services = file.services.filter((s) => s.dutyId === duty.id && s.status !== 'planned' && inForce(s.start, s.end, asOf));
    const weeklyPence = services.reduce((sum, s) => sum + (s.weeklyCostPence ?? 0), 0);
    return [
      file.person.id,
      `${file.person.givenName} ${file.person.familyName}`,
      file.person.nhsNumber,
      duty.id,
      detention ? `s${detention.section} (${detention.id})` : duty.detentionId,
      detention?.start,
      duty.start,
      orgName(duty.localAuthorityId),
      orgName(duty.healthBodyId),
      allocation ? staffName(allocation.staffId) : undefined,
      reviewDue,
      services.map((s) => s.description).join('; ') || undefined,
      services.length > 0 ? (weeklyPence / 100).toFixed(2) : undefined,
      duty.end,
      duty.endReason,
    ];
  });
}

export function registerCsv(files: Iterable<CaseFile>, asOf: string): string {
  const rows: Cell[][] = [[...registerCsvHeader]];
  for (const file of files) rows.push(...registerRowsOf(file, asOf));
  return csvLines(rows);
}
