/**
 * Mental Health Act legal status: the MHSDS / NHS Data Dictionary "Mental Health Act Legal Status
 * Classification Code" and the section names people write, mapped to the case file's `section`.
 *
 * Source of the code table: NHS Data Dictionary, data element MENTAL HEALTH ACT LEGAL STATUS CLASSIFICATION
 * CODE, as copied into the HL7 UK Core CodeSystem `UKCore-LegalStatusClassificationEngland` (version 1.0.1,
 * 2023-04-28). The same codes are used by MHSDS table MHS401 (Mental Health Act Legal Status Classification
 * Period). A CTO is not a legal status code: MHSDS records it in its own table (MHS404).
 */
import type { Section } from '../case-file/schema.ts';

export const LEGAL_STATUS_CODE_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-LegalStatusClassificationEngland';

export interface LegalStatusCode {
  code: string;
  display: string;
  /** The case-file section, or null when the code is not a detention the case file records as one. */
  section: Section | null;
}

export const legalStatusCodes: readonly LegalStatusCode[] = [
  { code: '01', display: 'Informal', section: null },
  { code: '02', display: 'Formally detained under Mental Health Act Section 2', section: '2' },
  { code: '03', display: 'Formally detained under Mental Health Act Section 3', section: '3' },
  { code: '04', display: 'Formally detained under Mental Health Act Section 4', section: '4' },
  { code: '05', display: 'Formally detained under Mental Health Act Section 5(2)', section: '5(2)' },
  { code: '06', display: 'Formally detained under Mental Health Act Section 5(4)', section: '5(4)' },
  { code: '07', display: 'Formally detained under Mental Health Act Section 35', section: '35' },
  { code: '08', display: 'Formally detained under Mental Health Act Section 36', section: '36' },
  { code: '09', display: 'Formally detained under Mental Health Act Section 37 with section 41 restrictions', section: '37/41' },
  { code: '10', display: 'Formally detained under Mental Health Act Section 37', section: '37' },
  { code: '12', display: 'Formally detained under Mental Health Act Section 38', section: '38' },
  { code: '13', display: 'Formally detained under Mental Health Act Section 44', section: 'other' },
  { code: '14', display: 'Formally detained under Mental Health Act Section 46', section: 'other' },
  { code: '15', display: 'Formally detained under Mental Health Act Section 47 with section 49 restrictions', section: '47/49' },
  { code: '16', display: 'Formally detained under Mental Health Act Section 47', section: '47' },
  { code: '17', display: 'Formally detained under Mental Health Act Section 48 with section 49 restrictions', section: '48/49' },
  { code: '18', display: 'Formally detained under Mental Health Act Section 48', section: '48' },
  { code: '19', display: 'Formally detained under Mental Health Act Section 135', section: '135' },
  { code: '20', display: 'Formally detained under Mental Health Act Section 136', section: '136' },
  {
    code: '31',
    display: 'Formally detained under Criminal Procedure(Insanity) Act 1964 as amended by the Criminal Procedures (Insanity and Unfitness to Plead) Act 1991',
    section: 'other',
  },
  { code: '32', display: 'Formally detained under other acts', section: 'other' },
  { code: '35', display: 'Subject to guardianship under Mental Health Act Section 7', section: null },
  { code: '36', display: 'Subject to guardianship under Mental Health Act Section 37', section: null },
  { code: '37', display: 'Formally detained under Mental Health Act Section 45A (Limited direction in force)', section: '45A' },
  { code: '38', display: 'Formally detained under Mental Health Act Section 45A (Limitation direction ended)', section: '45A' },
  { code: '98', display: 'Not Applicable', section: null },
  { code: '99', display: 'Not Known', section: null },
];

const byCode = new Map(legalStatusCodes.map((c) => [c.code, c]));

/** The legal status code for a case-file section (the first code giving it; `other` and absent sections have none). */
export function legalStatusCodeForSection(section: Section): LegalStatusCode | undefined {
  if (section === 'other') return undefined;
  return legalStatusCodes.find((c) => c.section === section);
}

export type LegalStatusScheme = 'auto' | 'mhsds' | 'section';
export type LegalStatusReading = { ok: true; section: Section; code?: string } | { ok: false; reason: string };

/** Detention sections of the Act as written, keyed by their compact form ("37/41", "5(2)"). */
const sectionsByCompactName = new Map<string, Section>([
  ['2', '2'], ['3', '3'], ['4', '4'], ['5(2)', '5(2)'], ['5(4)', '5(4)'], ['35', '35'], ['36', '36'], ['37', '37'],
  ['37/41', '37/41'], ['38', '38'], ['45a', '45A'], ['47', '47'], ['47/49', '47/49'], ['48', '48'], ['48/49', '48/49'],
  ['135', '135'], ['136', '136'],
]);

/** "Section 37 with s.41" → "37/41"; "S 5 (2)" → "5(2)"; "sec.3" → "3". */
function compactSectionName(input: string): string {
  return input
    .toLowerCase()
    .replace(/mental health act( 1983)?|\bmha\b/g, ' ')
    .replace(/\b(sections?|sec|ss?)\.?\s*(?=\d)/g, '')
    .replace(/(?<!\d)5\s*[(.\-_ ]?\s*([24])\s*\)?/, '5($1)')
    .replace(/\b(with|and|plus|restrictions?|restricted|order)\b|[-+&]/g, '/')
    .replace(/\(\s*\)|\s+/g, '')
    .replace(/\/+/g, '/')
    .replace(/^\/|\/$/g, '');
}

const notDetentions: { pattern: RegExp; reason: string }[] = [
  { pattern: /^(informal|voluntary)$/i, reason: 'is an informal admission, not a detention' },
  { pattern: /\bcto\b|community treatment|^s?\.?\s*17a$/i, reason: 'is a community treatment order, not a detention: record the section 3 or 37 detention it followed' },
  { pattern: /guardianship|^(s(ection)?\.?\s*)?7$/i, reason: 'is guardianship, not a detention' },
  { pattern: /^(s(ection)?\.?\s*)?117$/i, reason: 'is the aftercare duty itself, not the section the person was detained under' },
  { pattern: /conditional(ly)? discharge/i, reason: 'is a conditional discharge, not a detention: record the section 37/41 detention it followed' },
];

/**
 * Reads a legal status as a spreadsheet holds it: an MHSDS code ("03") or a section name ("s3", "Section 3",
 * "37/41", "s.5(2)"). With scheme 'auto', a two-digit zero-padded value is an MHSDS code and anything else a
 * section name, so "37" means section 37 (in MHSDS, code 37 is s45A: set scheme 'mhsds' for such a column).
 */
export function readLegalStatus(input: string, scheme: LegalStatusScheme = 'auto'): LegalStatusReading {
  const value = input.trim();
  if (value === '') return { ok: false, reason: 'is empty' };
  const asCode = scheme === 'mhsds' || (scheme === 'auto' && /^0\d$/.test(value));
  if (asCode) {
    const entry = byCode.get(/^\d$/.test(value) ? `0${value}` : value);
    if (!entry) return { ok: false, reason: `${value} is not an MHSDS legal status code` };
    if (entry.section === null) return { ok: false, reason: `MHSDS code ${entry.code} (${entry.display}) is not a detention` };
    return { ok: true, section: entry.section, code: entry.code };
  }
  const refusal = notDetentions.find((n) => n.pattern.test(value));
  if (refusal) return { ok: false, reason: `${value} ${refusal.reason}` };
  const compact = compactSectionName(value);
  // "37 with restrictions" names the restriction order without its section number
  const restricted = /restrict/i.test(value) ? ({ '37': '37/41', '47': '47/49', '48': '48/49' } as Record<string, string>)[compact] : undefined;
  const section = sectionsByCompactName.get(restricted ?? compact);
  if (!section) {
    const hint = byCode.has(value) ? ` (if this column holds MHSDS codes, set the mapping's legalStatusScheme to "mhsds")` : '';
    return { ok: false, reason: `${value} is not a section of the Mental Health Act that detains a person${hint}` };
  }
  return { ok: true, section, code: legalStatusCodeForSection(section)?.code };
}
