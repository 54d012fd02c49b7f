/**
 * Reads `reference-data/organisations.json` (councils, ICBs, Welsh LHBs): the file the repository ships,
 * or another given by path. Only the records are returned; the metadata (sources, licence) stays in the file.
 */
import { readFile } from 'node:fs/promises';
import type { Organisation } from '../../domain/case-file/schema.ts';

export const REFERENCE_ORGANISATIONS_FILE = new URL('../../../reference-data/organisations.json', import.meta.url);

export async function readReferenceOrganisations(path: string | URL = REFERENCE_ORGANISATIONS_FILE): Promise<Organisation[]> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as { schema?: unknown; organisations?: unknown };
  if (parsed.schema !== 'aftercare.reference.organisations/v1' || !Array.isArray(parsed.organisations)) {
    throw new Error(`${String(path)} is not an aftercare.reference.organisations/v1 file`);
  }
  return parsed.organisations as Organisation[];
}
