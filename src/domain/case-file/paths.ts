/**
 * JSON paths as the contract writes them in errors: `duties[0].start`, `carePlans[1].needs[0].id`.
 * A key that is not a plain identifier is quoted: `ext["my-field"]`.
 */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path === '' ? '(the file)' : path;
}

/**
 * Calls `visit` for each item of `list` that is present, skipping a `list` that is not an array and items
 * that are null or undefined. The cross-reference checks use it so they can also run, defensively, on a
 * file that failed the schema (and so report every error at once).
 */
export function forEachIn<T>(list: readonly T[] | undefined, visit: (item: T, index: number) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item: T | null | undefined, index) => {
    if (item !== null && item !== undefined) visit(item, index);
  });
}
