/**
 * Turning validation issues into what GOV.UK pages show: the error summary list (each linking to its
 * field) and the message beside each field. Field ids are the issue paths with `.`/`[n]` as `-`.
 */
import type { ValidationIssue } from '../errors.ts';

export function fieldId(path: string): string {
  return path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

export function errorSummary(issues: readonly ValidationIssue[]): { text: string; href: string }[] {
  return issues.map((issue) => ({ text: issue.message, href: `#${fieldId(issue.path)}` }));
}

/** The first message for each field, keyed by path. */
export function fieldErrors(issues: readonly ValidationIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path] ??= issue.message;
  return out;
}
