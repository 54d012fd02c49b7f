/**
 * Which organisations and staff a person's register records refer to, and which case-file sections the
 * register cannot store yet. Pure: used by import (refuse what would be lost), export (hold the
 * organisations and staff the case refers to, and no others) and the case page.
 */
import type { CaseFile, Duty, Staff } from '../../domain/case-file/schema.ts';
import type { ValidationIssue } from '../../platform/errors.ts';

/** Every section of the contract that holds a person's records (organisations and staff aside). */
export const contractSections = [
  'contacts', 'detentions', 'ctos', 'residences', 'gpRegistrations', 'duties', 'disputes', 'allocations',
  'carePlans', 'services', 'charges', 'paymentOffers', 'panelRequests', 'placementSearches', 'meetings', 'decisions', 'actions',
  'communicationPlans', 'communications', 'appointments', 'complaints', 'ombudsmanCases',
] as const satisfies readonly (keyof CaseFile)[];
export type ContractSection = (typeof contractSections)[number];

/** The sections no store owns yet (given the sections that are stored). */
export function unstoredSectionsOf(owned: readonly string[]): ContractSection[] {
  return contractSections.filter((section) => !owned.includes(section));
}

/** A non-empty section no store owns would be lost on import: it is refused by name. */
export function unstoredSectionIssues(caseFile: Partial<Record<ContractSection, unknown>>, owned: readonly string[]): ValidationIssue[] {
  return unstoredSectionsOf(owned)
    .filter((section) => Array.isArray(caseFile[section]) && (caseFile[section] as unknown[]).length > 0)
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
