/** The dry-run report of a legacy register import as rows of a GOV.UK table. */
import type { ImportPlan } from '../../domain/interop/legacy-register/plan.ts';

export interface ReportRow {
  line: number;
  status: { text: string; classes: string };
  creates: string[];
  reasons: string[];
  warnings: string[];
}

export function importReportRows(plan: ImportPlan): ReportRow[] {
  return plan.rows.map((row) => {
    if (row.status === 'rejected') {
      return {
        line: row.line,
        status: { text: 'Cannot import', classes: 'govuk-tag--red' },
        creates: [],
        reasons: row.reasons.map((r) => (r.column ? `${r.column}: ${r.message}` : r.message)),
        warnings: row.warnings,
      };
    }
    const c = row.creates;
    const name = [c.person.givenName, c.person.familyName].filter(Boolean).join(' ');
    return {
      line: row.line,
      status: { text: 'Ready', classes: 'govuk-tag--green' },
      creates: [
        c.personFromLine === undefined ? `Person: ${name}` : `Same person as line ${c.personFromLine}`,
        `Detention: section ${c.detention.section} from ${c.detention.start}`,
        `Duty from ${c.duty.start}`,
        ...(c.allocation ? [`Allocation: ${c.staff?.name ?? c.allocation.staffId}`] : []),
        ...(c.service ? [`Service: ${c.service.description}`] : []),
      ],
      reasons: [],
      warnings: row.warnings,
    };
  });
}
