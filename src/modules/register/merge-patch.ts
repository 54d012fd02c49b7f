/**
 * A change request applied to a record as it stands: fields given replace the current ones, `null` clears
 * an optional field (RFC 7396 merge patch, one level deep), and absent fields are kept. The merged record is
 * then validated whole, so an update can never leave a record that a create would refuse.
 */
export function mergePatch(current: Record<string, unknown>, patch: unknown): Record<string, unknown> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return { ...current };
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
