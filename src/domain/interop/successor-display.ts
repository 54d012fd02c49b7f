/**
 * How a screen names an organisation that has since ceased: records keep the body as it was when the duty
 * arose, and the screen adds who answers for it now ("NHS Frimley Integrated Care Board (split on 1 April
 * 2026 …)"). The one place every page and export asks, so the wording is the same everywhere.
 */
import type { Organisation } from '../case-file/schema.ts';
import { splitSuccessorIds } from './reference-data.ts';

/** What happened to an organisation by `today`, in words, or undefined while it is in existence. */
export function successorNote(org: Organisation, byId: ReadonlyMap<string, Organisation>, today: string): string | undefined {
  if (org.validTo === undefined || today < org.validTo) return undefined;
  let current = org;
  const seen = new Set([org.id]);
  // Follow single successors to the body in existence today (a merger, then perhaps a later merger).
  while (current.validTo !== undefined && today >= current.validTo && current.successorId !== undefined) {
    const next = byId.get(current.successorId);
    if (!next || seen.has(next.id)) break;
    seen.add(next.id);
    current = next;
  }
  if (current !== org && (current.validTo === undefined || today < current.validTo)) {
    // A re-coding keeps the same body and name (Barnsley, 2025): nothing to tell the reader.
    if (current.name === org.name) return undefined;
    return `now part of ${current.name} from ${formatCivilDate(current.validFrom ?? org.validTo)}`;
  }
  const split = splitSuccessorIds(current).flatMap((id) => byId.get(id)?.name ?? []);
  if (split.length > 0) return `split on ${formatCivilDate(current.validTo!)} between ${joinNames(split)}`;
  return `ceased on ${formatCivilDate(current.validTo!)}`;
}

/** The organisation's name, with its successor note in brackets when it has ceased. */
export function organisationLabel(org: Organisation, byId: ReadonlyMap<string, Organisation>, today: string): string {
  const note = successorNote(org, byId, today);
  return note ? `${org.name} (${note})` : org.name;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-04-01" as "1 April 2026" (the domain has no I/O, so not the page filter). */
function formatCivilDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${months[month! - 1]} ${year}`;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
