/**
 * The rows of the conflict page: for each field the user tried to change, what is saved now and what they
 * tried to save. Bookkeeping columns are left out.
 */
const hidden = new Set(['version', 'updatedAt', 'createdAt', 'passwordHash']);

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function conflictRows(current: unknown, attempted: unknown): { field: string; current: string; attempted: string }[] {
  if (!attempted || typeof attempted !== 'object') return [];
  const saved = (current && typeof current === 'object' ? current : {}) as Record<string, unknown>;
  return Object.entries(attempted as Record<string, unknown>)
    .filter(([field]) => !hidden.has(field))
    .map(([field, value]) => ({ field, current: shown(saved[field]), attempted: shown(value) }));
}
