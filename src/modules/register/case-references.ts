/**
 * Which organisations and staff a person's register records refer to, and which case-file sections the
 * register cannot store yet. Pure: used by import (refuse what would be lost), export (hold the
 * organisations and staff the case refers to, and no others) and the case page.
 */
import type { CaseFile, Duty, Staff } from '../../domain/case-file/schema.ts';
import type { ValidationIssue } from '../../platform/errors.ts';

/** The sections this version of the register stores; the rest are refused on import when not empty. */
export const registerSections = [
  'organisations', 'staff', 'person', 'contacts', 'detentions', 'ctos', 'residences', 'gpRegistrations', 'duties', 'disputes', 'allocations',
] as const;
export const unstoredSections = [
  'carePlans', 'services', 'charges', 'paymentOffers', 'panelRequests', 'placementSearches', 'meetings', 'decisions', 'actions',
  'communicationPlans', 'communications', 'appointments', 'complaints', 'ombudsmanCases',
] as const satisfies readonly (keyof CaseFile)[];

export function unstoredSectionIssues(caseFile: Partial<Record<(typeof unstoredSections)[number], unknown[]>>): ValidationIssue[] {
  return unstoredSections
    .filter((section) => (caseFile[section]?.length ?? 0) > 0)
    .map((section) => ({ path: section, message: `Aftercare cannot store ${section} yet, so this file cannot be imported without losing them` }));
}

interface OrganisationReferrers {
  contacts?: readonly { organisationId?: string | undefined }[];
  residences?: readonly { localAuthorityId?: string | undefined; healthBodyId?: string | undefined; placedById?: string | undefined }[];
  gpRegistrations?: readonly { healthBodyId: string }[];
  duties?: readonly { localAuthorityId: string; healthBodyId: string }[];
  disputes?: readonly { withOrganisationId: string; leadOrganisationId?: string | undefined }[];
  staff?: readonly Pick<Staff, 'organisationId'>[];
}

export function referencedOrganisationIds(records: OrganisationReferrers): string[] {
  const ids: (string | undefined)[] = [];
  for (const c of records.contacts ?? []) ids.push(c.organisationId);
  for (const r of records.residences ?? []) ids.push(r.localAuthorityId, r.healthBodyId, r.placedById);
  for (const g of records.gpRegistrations ?? []) ids.push(g.healthBodyId);
  for (const d of records.duties ?? []) ids.push(d.localAuthorityId, d.healthBodyId);
  for (const d of records.disputes ?? []) ids.push(d.withOrganisationId, d.leadOrganisationId);
  for (const s of records.staff ?? []) ids.push(s.organisationId);
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

export function signOffStaffIds(duty: Pick<Duty, 'ending'>): string[] {
  const ending = duty.ending;
  return [ending?.localAuthoritySignOff?.staffId, ending?.healthBodySignOff?.staffId].filter((id): id is string => id !== undefined);
}

export function referencedStaffIds(records: { allocations?: readonly { staffId: string }[]; duties?: readonly Pick<Duty, 'ending'>[] }): string[] {
  const ids = [...(records.allocations ?? []).map((a) => a.staffId), ...(records.duties ?? []).flatMap(signOffStaffIds)];
  return [...new Set(ids)];
}
