import { z } from 'zod';
import { isCivilDate } from '../calendar/civil-date.ts';

/** Primitive field types of the case-file contract (`../shared/contracts/case-file.md`, "Conventions"). */
export const id = z.string().min(1, 'must not be empty').max(200);
export const civilDateField = z.string().refine(isCivilDate, { message: 'must be a real date written YYYY-MM-DD' });
export const pence = z.number().int('must be a whole number of pence').min(0).max(Number.MAX_SAFE_INTEGER);
export const ref = id; // "person", or a contact, staff or organisation id
export const ext = z.record(z.string(), z.unknown()).optional();

export const nation = z.enum(['england', 'wales', 'scotland', 'northern_ireland', 'elsewhere']);
export const rating = z.enum(['outstanding', 'good', 'requires_improvement', 'inadequate']);
