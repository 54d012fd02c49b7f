/**
 * Nunjucks' own `trim` filter is `str.replace(/^\s*|\s*$/g, '')`, whose `\s*$` is tried again from every
 * whitespace run, so its time grows with the square of the markup's indentation: GOV.UK Frontend's page
 * template trims its whole header and footer (`caller() | trim`) on every page, ~2 ms of CPU a page.
 * `String.prototype.trim` removes the same characters (JavaScript's `\s` and `trim` both mean WhiteSpace and
 * LineTerminator) in one pass. A SafeString stays safe, as nunjucks' own filter keeps it; any other value goes
 * to nunjucks' own filter, unchanged.
 */
import nunjucks from 'nunjucks';

export function linearTrim(nunjucksTrim: (value: unknown) => unknown): (value: unknown) => unknown {
  const { SafeString } = nunjucks.runtime;
  return (value) => {
    if (typeof value === 'string') return value.trim();
    if (value instanceof SafeString) return new SafeString(value.toString().trim());
    return nunjucksTrim(value);
  };
}
