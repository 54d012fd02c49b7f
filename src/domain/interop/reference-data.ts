/**
 * Organisation reference data (councils, ICBs, Welsh local health boards): checks and successor look-up.
 * The data lives in `reference-data/organisations.json`; callers read it and pass the records in (the domain
 * does no I/O). Records are case-file Organisations, so a duty keeps the body as it was when the duty arose and
 * a screen can show who answers for it today.
 */
import type { Organisation } from '../case-file/schema.ts';
import { isCivilDate } from '../calendar/civil-date.ts';

export interface ReferenceIssue {
  path: string;
  message: string;
}

/** Code shapes: ONS GSS codes for councils with social services functions, ODS codes for ICBs and Welsh LHBs. */
const codePatterns: Partial<Record<Organisation['kind'], { england?: RegExp; wales?: RegExp; describe: string }>> = {
  local_authority: { england: /^E(06|08|09|10)\d{6}$/, wales: /^W06\d{6}$/, describe: 'a GSS code E06, E08, E09 or E10 (England) or W06 (Wales) followed by 6 digits' },
  // ICBs of 2022 kept their 3-character Q codes; those created on 1 April 2026 have 5-character codes (S1Y5D).
  icb: { england: /^(Q[A-Z0-9]{2}|[A-Z]\d[A-Z]\d[A-Z])$/, describe: 'a 3-character ODS code starting with Q or a 5-character ODS code such as S1Y5D' },
  lhb: { wales: /^7A\d$/, describe: 'a 3-character ODS code 7A followed by a digit' },
};

export function isReferenceCode(kind: Organisation['kind'], nation: Organisation['nation'], code: string): boolean {
  const pattern = codePatterns[kind];
  if (!pattern) return false;
  const forNation = nation === 'england' ? pattern.england : nation === 'wales' ? pattern.wales : undefined;
  return forNation !== undefined && forNation.test(code);
}

/** Every problem with a list of reference organisations, all at once (an empty list means it is sound). */
export function validateOrganisationReference(orgs: readonly Organisation[]): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const byId = new Map<string, Organisation>();
  const firstIndexOfCode = new Map<string, number>();

  orgs.forEach((org, i) => {
    const at = (field: string) => `organisations[${i}]${field ? `.${field}` : ''}`;
    if (byId.has(org.id)) issues.push({ path: at('id'), message: `the id ${org.id} is used twice` });
    byId.set(org.id, org);

    const pattern = codePatterns[org.kind];
    if (!pattern) issues.push({ path: at('kind'), message: `reference data holds councils, ICBs and local health boards, not ${org.kind}` });
    else if (org.code === undefined) issues.push({ path: at('code'), message: 'is missing' });
    else if (!isReferenceCode(org.kind, org.nation, org.code)) {
      issues.push({ path: at('code'), message: `${org.code} is not ${pattern.describe} for a body in ${org.nation ?? 'no nation'}` });
    }
    if (org.code !== undefined) {
      const seen = firstIndexOfCode.get(org.code);
      if (seen !== undefined) issues.push({ path: at('code'), message: `${org.code} is also the code of organisations[${seen}]` });
      else firstIndexOfCode.set(org.code, i);
    }
    for (const field of ['validFrom', 'validTo'] as const) {
      const value = org[field];
      if (value !== undefined && !isCivilDate(value)) issues.push({ path: at(field), message: 'must be a real date written YYYY-MM-DD' });
    }
    if (org.validFrom && org.validTo && org.validTo < org.validFrom) {
      issues.push({ path: at('validTo'), message: `${org.validTo} is before validFrom ${org.validFrom}` });
    }
    if (org.successorId !== undefined && org.validTo === undefined) {
      issues.push({ path: at('validTo'), message: 'is missing: an organisation with a successor must say when it ceased' });
    }
  });

  const checkSuccessor = (org: Organisation, successorId: string, at: string) => {
    const successor = byId.get(successorId);
    if (!successor) {
      issues.push({ path: at, message: `${successorId} is not in the list` });
      return;
    }
    if (successor.kind !== org.kind) issues.push({ path: at, message: `${successor.id} is a ${successor.kind}, not a ${org.kind}` });
    if (org.validTo && !validOn(successor, org.validTo)) {
      issues.push({ path: at, message: `${successor.id} is not in existence on ${org.validTo}, the day ${org.id} ceased` });
    }
  };
  orgs.forEach((org, i) => {
    const split = splitSuccessorIds(org);
    if (split.length > 0) {
      if (org.validTo === undefined) issues.push({ path: `organisations[${i}].validTo`, message: 'is missing: a split organisation must say when it ceased' });
      if (org.successorId !== undefined) issues.push({ path: `organisations[${i}].ext.successorIds`, message: 'a split organisation has no single successorId' });
      split.forEach((id, j) => checkSuccessor(org, id, `organisations[${i}].ext.successorIds[${j}]`));
    }
    if (org.successorId === undefined) return;
    const at = `organisations[${i}].successorId`;
    if (!byId.has(org.successorId)) {
      issues.push({ path: at, message: `${org.successorId} is not in the list` });
      return;
    }
    checkSuccessor(org, org.successorId, at);
    if (successorChain(byId, org.id) === 'cycle') issues.push({ path: at, message: `following successors from ${org.id} comes back to an earlier organisation` });
  });
  return issues;
}

/** The successors of a split organisation (`ext.successorIds`): which one answers depends on the person's address. */
export function splitSuccessorIds(org: Organisation): string[] {
  const ids = org.ext?.['successorIds'];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** In existence on `date`: periods are half-open, so a body with validTo 2023-04-01 ceased that day. */
export function validOn(org: Organisation, date: string): boolean {
  return (org.validFrom === undefined || org.validFrom <= date) && (org.validTo === undefined || date < org.validTo);
}

function successorChain(byId: ReadonlyMap<string, Organisation>, id: string): Organisation[] | 'cycle' | 'unknown' {
  const chain: Organisation[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current) {
    if (seen.has(current.id)) return 'cycle';
    seen.add(current.id);
    chain.push(current);
    current = current.successorId === undefined ? undefined : byId.get(current.successorId);
  }
  return chain.length === 0 ? 'unknown' : chain;
}

/**
 * The organisation that answers for `id` on `date`: the organisation itself while it exists (or before it
 * ceased), else the first successor in the chain that is in existence then. Undefined when the id is unknown,
 * the chain loops, or the organisation ceased with no single successor (a split: see its `ext.successorIds`,
 * where the successor depends on the person's address).
 */
export function successorOn(orgs: readonly Organisation[], id: string, date: string): Organisation | undefined {
  const chain = successorChain(new Map(orgs.map((o) => [o.id, o])), id);
  if (chain === 'cycle' || chain === 'unknown') return undefined;
  return chain.find((org) => org.validTo === undefined || date < org.validTo);
}

/** Finds a reference organisation by its code (case-insensitive), e.g. `QGH` or `e10000034`. */
export function organisationByCode(orgs: readonly Organisation[], code: string): Organisation | undefined {
  const wanted = code.trim().toUpperCase();
  return orgs.find((org) => org.code?.toUpperCase() === wanted);
}
