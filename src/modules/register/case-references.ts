/**
 * Which organisations and staff a person's register records refer to, and whether a case file's register
 * sections refer only to records it holds. Pure: used by import (refuse a broken file before writing),
 * export (hold the organisations and staff the case refers to, and no others) and the case page.
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

/**
 * Reference checks over the register sections of a case file: ids unique across the file (`"person"`
 * reserved), and every reference pointing at a record of the right section.
 */
export function caseFileReferenceIssues(file: CaseFile): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: string) => {
    if (id === 'person') issues.push({ path, message: 'the id "person" is reserved' });
    const first = seen.get(id);
    if (first !== undefined) issues.push({ path, message: `id "${id}" is already used at ${first}` });
    else seen.set(id, path);
  };
  file.organisations.forEach((o, i) => claim(o.id, `organisations[${i}].id`));
  file.staff.forEach((s, i) => claim(s.id, `staff[${i}].id`));
  claim(file.person.id, 'person.id');
  for (const section of ['contacts', 'detentions', 'ctos', 'duties', 'disputes'] as const) {
    file[section].forEach((record, i) => claim(record.id, `${section}[${i}].id`));
  }

  const organisationKinds = new Map(file.organisations.map((o) => [o.id, o.kind]));
  const check = (id: string | undefined, path: string, kinds: readonly string[] | undefined, what: string) => {
    if (id === undefined) return;
    const kind = organisationKinds.get(id);
    if (kind === undefined) issues.push({ path, message: `refers to ${what} "${id}", which is not in organisations` });
    else if (kinds && !kinds.includes(kind)) issues.push({ path, message: `refers to "${id}", which is a ${kind}, not ${what}` });
  };
  const council = ['local_authority'];
  const healthBody = ['icb', 'lhb'];
  file.organisations.forEach((o, i) => check(o.successorId, `organisations[${i}].successorId`, undefined, 'an organisation'));
  file.staff.forEach((s, i) => check(s.organisationId, `staff[${i}].organisationId`, undefined, 'an organisation'));
  file.contacts.forEach((c, i) => check(c.organisationId, `contacts[${i}].organisationId`, undefined, 'an organisation'));
  file.residences.forEach((r, i) => {
    check(r.localAuthorityId, `residences[${i}].localAuthorityId`, council, 'a council');
    check(r.healthBodyId, `residences[${i}].healthBodyId`, healthBody, 'an ICB or health board');
    check(r.placedById, `residences[${i}].placedById`, undefined, 'an organisation');
  });
  file.gpRegistrations.forEach((g, i) => check(g.healthBodyId, `gpRegistrations[${i}].healthBodyId`, healthBody, 'an ICB or health board'));
  file.duties.forEach((d, i) => {
    check(d.localAuthorityId, `duties[${i}].localAuthorityId`, council, 'a council');
    check(d.healthBodyId, `duties[${i}].healthBodyId`, healthBody, 'an ICB or health board');
  });
  file.disputes.forEach((d, i) => {
    check(d.withOrganisationId, `disputes[${i}].withOrganisationId`, undefined, 'an organisation');
    check(d.leadOrganisationId, `disputes[${i}].leadOrganisationId`, undefined, 'an organisation');
  });

  const detentionIds = new Set(file.detentions.map((d) => d.id));
  const dutyIds = new Set(file.duties.map((d) => d.id));
  const staffIds = new Set(file.staff.map((s) => s.id));
  const must = (ok: boolean, path: string, message: string) => {
    if (!ok) issues.push({ path, message });
  };
  file.detentions.forEach((d, i) => {
    if (d.continuesFrom !== undefined) must(detentionIds.has(d.continuesFrom), `detentions[${i}].continuesFrom`, `refers to detention "${d.continuesFrom}", which is not in detentions`);
  });
  file.ctos.forEach((c, i) => must(detentionIds.has(c.detentionId), `ctos[${i}].detentionId`, `refers to detention "${c.detentionId}", which is not in detentions`));
  file.duties.forEach((d, i) => {
    must(detentionIds.has(d.detentionId), `duties[${i}].detentionId`, `refers to detention "${d.detentionId}", which is not in detentions`);
    for (const side of ['localAuthoritySignOff', 'healthBodySignOff'] as const) {
      const signOff = d.ending?.[side];
      if (signOff) must(staffIds.has(signOff.staffId), `duties[${i}].ending.${side}.staffId`, `refers to staff "${signOff.staffId}", who is not in staff`);
    }
  });
  file.disputes.forEach((d, i) => must(dutyIds.has(d.dutyId), `disputes[${i}].dutyId`, `refers to duty "${d.dutyId}", which is not in duties`));
  file.allocations.forEach((a, i) => {
    must(dutyIds.has(a.dutyId), `allocations[${i}].dutyId`, `refers to duty "${a.dutyId}", which is not in duties`);
    must(staffIds.has(a.staffId), `allocations[${i}].staffId`, `refers to staff "${a.staffId}", who is not in staff`);
  });
  return issues;
}
