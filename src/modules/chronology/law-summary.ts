/**
 * What the law says about a case (pure): for each duty the law gives, the responsible council and health
 * body with the rule ids and reasons behind them, and where the duty recorded for the same detention
 * differs. The journey page shows it in full; the person's overview shows the same list as a short card.
 */
import type { CaseFile } from '../../domain/case-file/schema.ts';
import type { Evaluation, LawDuty } from '../../domain/rules/evaluation.ts';
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

export function lawDutyViews(file: CaseFile, evaluation: Evaluation): LawDutyView[] {
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
