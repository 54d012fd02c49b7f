/**
 * What the law says about a case (pure): for each duty the law gives, the responsible council and health
 * body with the rule ids and reasons behind them, and where the duty recorded for the same detention
 * differs. The journey page shows it in full; the person's overview shows the same list as a short card.
 */
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import { emptyCaseFile } from '../../domain/case-file/empty-case-file.ts';
import type { CaseFile } from '../../domain/case-file/schema.ts';
import type { RulesConfig } from '../../domain/rules/config.ts';
import { lawDuties } from '../../domain/rules/evaluate.ts';
import type { Evaluation, LawDuty } from '../../domain/rules/evaluation.ts';
import type { PersonCaseDto } from '../register/api-schemas.ts';
import { formatCivilDate } from '../register/view-shaping/format.ts';

export type OrganisationNamer = (id: string | null | undefined) => string;

export function organisationNamer(file: CaseFile): OrganisationNamer {
  return (id) => (id ? (file.organisations.find((o) => o.id === id)?.name ?? id) : 'not determined');
}

/** How the duty recorded for the law's detention differs from what the law gives (empty when they agree). */
export function lawDifferences(file: CaseFile, law: LawDuty, name: OrganisationNamer = organisationNamer(file)): string[] {
  const recorded = file.duties.find((d) => d.detentionId === law.detentionId);
  if (!recorded) return ['no duty is recorded on the register for this detention'];
  const differences: string[] = [];
  if (law.localAuthority.organisationId !== recorded.localAuthorityId) differences.push(`the register records the council as ${name(recorded.localAuthorityId)}`);
  if (law.healthBody.organisationId !== recorded.healthBodyId) differences.push(`the register records the health body as ${name(recorded.healthBodyId)}`);
  return differences;
}

export interface LawDutyView extends LawDuty {
  startText: string;
  endText: string | undefined;
  council: string;
  healthBodyName: string;
  differences: string[];
}

export function lawDutyViews(file: CaseFile, evaluation: Pick<Evaluation, 'duties'>): LawDutyView[] {
  const name = organisationNamer(file);
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return evaluation.duties.map((duty) => ({
    ...duty,
    startText: formatCivilDate(duty.start),
    endText: duty.end ? formatCivilDate(duty.end) : undefined,
    council: capital(name(duty.localAuthority.organisationId)),
    healthBodyName: capital(name(duty.healthBody.organisationId)),
    differences: lawDifferences(file, duty, name),
  }));
}

/**
 * The part of a case file the law reads (person, detentions, CTOs, residences, GP registrations, duties and
 * the organisations they name, with their nation), taken from the register's view of the case that a page
 * has already read, so the overview reads the case once. The register builds those records with the
 * case-file mapping (plus a `version` each, which the law ignores); the other sections are left empty.
 */
export function lawFileOfCase(view: PersonCaseDto): CaseFile {
  const { person, detentions, ctos, residences, gpRegistrations, duties, organisations, staff } = view;
  return emptyCaseFile({ person, detentions, ctos, residences, gpRegistrations, duties, organisations, staff } as unknown as Parameters<typeof emptyCaseFile>[0]);
}

/** What the law says (the overview's card) from the register's view of the case: no read of its own. */
export function lawDutyViewsOfCase(view: PersonCaseDto, asOf: CivilDate, config: RulesConfig): LawDutyView[] {
  const file = lawFileOfCase(view);
  return lawDutyViews(file, { duties: lawDuties(file, asOf, config) });
}
