/**
 * Reads a CQC-style CSV of care locations (the "care directory with ratings" export) into provider
 * locations: the CQC location id, name, provider, address and the ratings (overall and the five key
 * questions) with their report date. Accepts the wide layout (a column per key question) and the long one
 * (a row per location and "Domain" with its "Latest Rating"), headers in any order and case. Pure; every
 * problem is reported with its line.
 */
import { parseCsv } from '../../../domain/interop/legacy-register/csv.ts';
import { readDate } from '../../../domain/interop/legacy-register/dates.ts';
import type { CqcRatings } from '../../../platform/organisations/tables.ts';

export interface ProviderLocation {
  locationId: string;
  name: string;
  providerName?: string;
  address: string[];
  postcode?: string;
  localAuthority?: string;
  serviceTypes: string[];
  ratings: CqcRatings;
}

export type ProviderCsvResult = { locations: ProviderLocation[]; problems: { line: number; message: string }[] };

const ratingWords: Record<string, string> = { outstanding: 'outstanding', good: 'good', 'requires improvement': 'requires_improvement', inadequate: 'inadequate' };
/** Key question names as CQC writes them → the contract's `cqc` fields. */
const keyQuestions: Record<string, keyof CqcRatings> = { overall: 'overall', 'overall rating': 'overall', safe: 'safe', effective: 'effective', caring: 'caring', responsive: 'responsive', 'well led': 'wellLed', 'well-led': 'wellLed' };

const normalise = (header: string) => header.trim().toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export function readRating(value: string | undefined): string | undefined {
  return value ? ratingWords[value.trim().toLowerCase().replace(/[^a-z ]/g, '')] : undefined;
}

function readPublicationDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  for (const format of ['YYYY-MM-DD', 'DD/MM/YYYY', 'D MMM YYYY'] as const) {
    const reading = readDate(text, format);
    if (reading.ok) return reading.date;
  }
  return undefined;
}

export function readProviderCsv(text: string): ProviderCsvResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { locations: [], problems: [{ line: parsed.line, message: parsed.message }] };
  const [header, ...rows] = parsed.records;
  if (!header) return { locations: [], problems: [{ line: 1, message: 'The file is empty' }] };
  const columns = header.fields.map(normalise);
  const index = (...names: string[]) => columns.findIndex((c) => names.includes(c));
  const at = {
    id: index('location id', 'cqc location id'), name: index('location name', 'name'), provider: index('provider name', 'brand name'),
    street: index('location street address', 'address line 1', 'address'), line2: index('location address line 2', 'address line 2'),
    city: index('location city', 'town', 'city'), postcode: index('location post code', 'location postcode', 'postcode'),
    authority: index('location local authority', 'local authority'), service: index('service types', 'location type sector', 'location primary inspection category'),
    domain: index('domain', 'key question'), rating: index('latest rating', 'rating'), date: index('publication date', 'report date', 'location latest overall rating publication date'),
  };
  const problems: ProviderCsvResult['problems'] = [];
  if (at.id < 0) problems.push({ line: header.line, message: 'The file has no "Location ID" column' });
  if (at.name < 0) problems.push({ line: header.line, message: 'The file has no "Location Name" column' });
  if (problems.length > 0) return { locations: [], problems };
  const wide = Object.entries(keyQuestions).map(([name, field]) => ({ column: columns.indexOf(name), field })).filter((w) => w.column >= 0);

  const byId = new Map<string, ProviderLocation>();
  for (const row of rows) {
    const cell = (i: number) => (i >= 0 ? row.fields[i]?.trim() || undefined : undefined);
    const locationId = cell(at.id);
    if (!locationId) {
      problems.push({ line: row.line, message: 'The location ID is missing' });
      continue;
    }
    if (!/^1-\d{6,12}$/.test(locationId)) problems.push({ line: row.line, message: `"${locationId}" does not look like a CQC location ID (like 1-123456789)` });
    const location = byId.get(locationId) ?? {
      locationId, name: cell(at.name) ?? locationId, providerName: cell(at.provider),
      address: [cell(at.street), cell(at.line2), cell(at.city)].filter((l): l is string => Boolean(l)),
      postcode: cell(at.postcode), localAuthority: cell(at.authority), serviceTypes: cell(at.service)?.split('|').map((s) => s.trim()).filter(Boolean) ?? [], ratings: {},
    };
    byId.set(locationId, location);
    const set = (field: keyof CqcRatings, value: string | undefined, line: number) => {
      if (!value) return;
      const rating = readRating(value);
      if (rating) location.ratings[field] = rating;
      else if (!/^not (yet )?rated|^$/i.test(value)) problems.push({ line, message: `"${value}" is not a CQC rating` });
    };
    for (const w of wide) set(w.field, cell(w.column), row.line);
    const domain = cell(at.domain);
    if (domain) {
      const field = keyQuestions[normalise(domain)] ?? keyQuestions[domain.trim().toLowerCase()];
      if (field) set(field, cell(at.rating), row.line);
    }
    const reportDate = readPublicationDate(cell(at.date));
    if (cell(at.date) && !reportDate) problems.push({ line: row.line, message: `"${cell(at.date)}" is not a date` });
    if (reportDate && (!location.ratings.reportDate || reportDate > location.ratings.reportDate)) location.ratings.reportDate = reportDate;
  }
  return { locations: [...byId.values()], problems };
}
