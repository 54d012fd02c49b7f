/**
 * Finds the council or health body a register cell names: by the mapping's aliases, by GSS/ODS code, or by
 * name as people write it ("Worcestershire County Council", "NHS Herefordshire & Worcestershire ICB").
 */
import type { Organisation } from '../../case-file/schema.ts';
import { organisationByCode, successorOn, validOn } from '../reference-data.ts';

export type OrganisationRole = 'localAuthority' | 'healthBody';
export type OrganisationReading =
  | { ok: true; organisation: Organisation; warning?: string }
  | { ok: false; reason: string };

const kindsFor: Record<OrganisationRole, readonly Organisation['kind'][]> = {
  localAuthority: ['local_authority'],
  healthBody: ['icb', 'lhb'],
};
const roleWords: Record<OrganisationRole, string> = { localAuthority: 'a council', healthBody: 'an ICB or Welsh local health board' };

export function normaliseOrganisationName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\(county council\)|, (county|city) of\b/g, ' ')
    .replace(/\blondon borough\b/g, ' ')
    .replace(/\b(the|nhs|integrated care board|icb|ccg|council|corporation|county|city|metropolitan|borough|district|royal|of|teaching|university|health board|lhb|uhb)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * `onDate` is the duty's start. A body that had ceased by then cannot be right (the cell should name the body
 * then responsible); a body created after it is accepted with a warning, because its predecessor's duties
 * passed to it (for example a CCG's to the ICB on 1 July 2022, and the reference data holds no CCGs).
 */
export function readOrganisation(
  cell: string,
  role: OrganisationRole,
  onDate: string | undefined,
  reference: readonly Organisation[],
  aliases: Readonly<Record<string, string>>,
): OrganisationReading {
  const value = cell.trim();
  if (value === '') return { ok: false, reason: 'is empty' };
  const aliasKey = Object.keys(aliases).find((k) => k.trim().toLowerCase() === value.toLowerCase());
  const code = aliasKey === undefined ? value : aliases[aliasKey]!;
  const kinds = kindsFor[role];

  let candidates = [organisationByCode(reference, code)].filter((o): o is Organisation => o !== undefined);
  if (candidates.length === 0) {
    const wanted = normaliseOrganisationName(code);
    candidates = reference.filter((o) => kinds.includes(o.kind) && wanted !== '' && normaliseOrganisationName(o.name) === wanted);
    if (candidates.length > 1 && onDate) {
      const current = candidates.filter((o) => validOn(o, onDate));
      if (current.length > 0) candidates = current;
    }
  }
  if (candidates.length === 0) return { ok: false, reason: `${value} is not a code or name of ${roleWords[role]} Aftercare knows` };
  if (candidates.length > 1) return { ok: false, reason: `${value} could be ${candidates.map((c) => `${c.name} (${c.code})`).join(' or ')}: use the code` };
  const organisation = candidates[0]!;
  if (!kinds.includes(organisation.kind)) return { ok: false, reason: `${value} is ${organisation.name}, not ${roleWords[role]}` };
  if (!onDate) return { ok: true, organisation };

  if (organisation.validTo !== undefined && organisation.validTo <= onDate) {
    const successor = successorOn(reference, organisation.id, onDate);
    const split = organisation.ext?.['successorIds'];
    const instead = successor
      ? `${successor.name} (${successor.code})`
      : Array.isArray(split)
        ? split.map((id) => reference.find((o) => o.id === id)).filter((o) => o !== undefined).map((o) => `${o.name} (${o.code})`).join(' or ')
        : undefined;
    return {
      ok: false,
      reason: `${organisation.name} (${organisation.code}) ceased on ${organisation.validTo}, so it was gone when the duty began on ${onDate}${instead ? `: it should be ${instead}` : ''}`,
    };
  }
  if (organisation.validFrom !== undefined && onDate < organisation.validFrom) {
    return { ok: true, organisation, warning: `${organisation.name} was created on ${organisation.validFrom}, after the duty began on ${onDate}: recorded against it as the body now responsible` };
  }
  return { ok: true, organisation };
}
