/**
 * Half-open periods (`from` up to the day before `to`; an open period has no `to`), as the case-file
 * contract defines them. A person lives in one place at a time, so residences may not overlap.
 */
import type { ValidationIssue } from '../../platform/errors.ts';

export interface Period {
  from: string;
  to?: string | null | undefined;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsAfterBStarts = a.to === undefined || a.to === null || a.to > b.from;
  const bEndsAfterAStarts = b.to === undefined || b.to === null || b.to > a.from;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

export function overlapIssue(candidate: Period, existing: readonly Period[], path: string, message: string): ValidationIssue[] {
  return existing.some((period) => periodsOverlap(candidate, period)) ? [{ path, message }] : [];
}
