/**
 * The alerts' schemas: the `aftercare.alerts/v1` document (contract "Commands and endpoints"), its query,
 * and acknowledging an alert (a reason and a date to look again).
 */
import { z } from 'zod';
import { isCivilDate } from '../../domain/calendar/civil-date.ts';

export const ALERTS_SCHEMA_ID = 'aftercare.alerts/v1';

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const alertsQuery = z.object({
  asOf: z.preprocess(blankToUndefined, z.string().refine(isCivilDate, { message: 'asOf must be a real date written YYYY-MM-DD' }).optional()),
  /** Optional paging (an extension of the contract's document): at most `limit` alerts, the next page by `after=` the answer's `nextCursor`. */
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).optional()),
  after: z.preprocess(blankToUndefined, z.string().max(1000).optional()),
});
export type AlertsQuery = z.infer<typeof alertsQuery>;

export const listedAlert = z.object({
  personId: z.string(),
  id: z.string(),
  severity: z.enum(['high', 'medium', 'low']),
  since: z.string(),
  subject: z.object({ kind: z.string(), id: z.string() }),
  message: z.string(),
  acknowledged: z.boolean(),
});
export type ListedAlert = z.infer<typeof listedAlert>;

export const alertsDocument = z.object({
  schema: z.literal(ALERTS_SCHEMA_ID),
  asOf: z.string(),
  alerts: z.array(listedAlert),
  /** Only when paged (`limit` or `after` given): the cursor of the next page, null on the last. */
  nextCursor: z.string().nullable().optional(),
});
export type AlertsDocument = z.infer<typeof alertsDocument>;

export const acknowledgeInput = z.object({
  ruleId: z.preprocess(trimmed, z.string({ error: 'Say which alert' }).min(1, 'Say which alert')),
  subjectKind: z.preprocess(trimmed, z.string({ error: 'Say which alert' }).min(1, 'Say which alert')),
  subjectId: z.preprocess(trimmed, z.string({ error: 'Say which alert' }).min(1, 'Say which alert')),
  reason: z.preprocess(trimmed, z.string({ error: 'Enter why you are acknowledging this alert' }).min(1, 'Enter why you are acknowledging this alert').max(1000, 'Reason must be 1000 characters or fewer')),
  lookAgainOn: z.preprocess(
    trimmed,
    z.string({ error: 'Enter the date to look again' }).min(1, 'Enter the date to look again').refine(isCivilDate, { message: 'The date to look again must be a real date' }),
  ),
});
export type AcknowledgeInput = z.infer<typeof acknowledgeInput>;
