/**
 * How the register writes values for people: NHS numbers as 3 3 4, civil dates as "12 March 2024", and
 * the case-file codes (sections, roles, kinds) as words.
 */
import { formatNhsNumber } from '../../../domain/case-file/nhs-number.ts';
import { formatCivilDate } from '../../../platform/views/filters.ts';

export { formatNhsNumber, formatCivilDate };

export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}

/** "nearest_relative" → "Nearest relative"; "5(2)" stays as it is. */
export function humanise(code: string | null | undefined): string {
  if (!code) return '';
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const specialWords: Record<string, string> = {
  icb: 'ICB',
  lhb: 'Local health board',
  nhs_trust: 'NHS trust',
  cto: 'CTO',
  s117: 'Section 117',
  care_act: 'Care Act 2014',
  nhs_chc: 'NHS continuing healthcare',
  sswba: 'Social Services and Well-being (Wales) Act 2014',
  children_act: 'Children Act 1989',
  northern_ireland: 'Northern Ireland',
};

export function describeCode(code: string | null | undefined): string {
  if (!code) return '';
  return specialWords[code] ?? humanise(code);
}

export function sectionName(section: string): string {
  return section === 'other' ? 'Other section' : `Section ${section}`;
}

/** "1 August 2019 to 3 June 2020", or "from 1 August 2019" for an open period. */
export function period(from: string, to?: string | null): string {
  return to ? `${formatCivilDate(from)} to ${formatCivilDate(to)}` : `From ${formatCivilDate(from)}`;
}

/** The same period inside a sentence or a title: "since 1 August 2019" or "1 August 2019 to 3 June 2020". */
export function periodPhrase(from: string, to?: string | null): string {
  return to ? `${formatCivilDate(from)} to ${formatCivilDate(to)}` : `since ${formatCivilDate(from)}`;
}

const fieldLabels: Record<string, string> = {
  to: 'End date',
  from: 'Start date',
  start: 'Start date',
  end: 'End date',
  endReason: 'Why it ended',
  localAuthorityId: 'Responsible council',
  healthBodyId: 'Responsible ICB or health board',
  detentionId: 'Detention',
  givenName: 'Given name',
  familyName: 'Family name',
  nhsNumber: 'NHS number',
  dateOfBirth: 'Date of birth',
};

/** A record's fields for the conflict page: labels people read, civil dates written out, bookkeeping as it is. */
export function readableRecord(record: unknown): Record<string, unknown> | unknown {
  if (!record || typeof record !== 'object') return record;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
    const label = ['version', 'updatedAt', 'createdAt'].includes(key) ? key : (fieldLabels[key] ?? humanise(key));
    out[label] = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCivilDate(value) : key === 'endReason' ? humanise(value as string) : value;
  }
  return out;
}
