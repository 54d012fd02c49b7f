/**
 * Checks that what an input names exists on the person's case (a duty, a contact, a meeting, a decision) or
 * in the register (a provider), reported as validation issues against the field, so a form shows every
 * problem at once.
 */
import type { ValidationIssue } from '../../platform/errors.ts';
import type { CoordinationCase } from './case-reads.ts';

export interface ReferenceCheck {
  path: string;
  id: unknown;
  among: 'duty' | 'meeting' | 'decision' | 'contact' | 'ref' | 'provider' | 'panelRequest';
  message: string;
}

export function referenceIssues(c: CoordinationCase, checks: ReferenceCheck[], providerIds: ReadonlySet<string> = new Set(), staffIds: ReadonlySet<string> = new Set()): ValidationIssue[] {
  const has = {
    duty: (id: string) => c.duties.some((d) => d.id === id),
    meeting: (id: string) => c.meetings.some((m) => m.id === id),
    decision: (id: string) => c.decisions.some((d) => d.id === id),
    panelRequest: (id: string) => c.panelRequests.some((r) => r.id === id),
    contact: (id: string) => c.contacts.some((k) => k.id === id),
    provider: (id: string) => providerIds.has(id),
    ref: (id: string) => id === 'person' || c.contacts.some((k) => k.id === id) || staffIds.has(id),
  };
  const issues: ValidationIssue[] = [];
  for (const check of checks) {
    const ids = Array.isArray(check.id) ? check.id : [check.id];
    for (const id of ids) {
      if (typeof id !== 'string' || id === '') continue;
      if (!has[check.among](id)) {
        issues.push({ path: check.path, message: check.message });
        break;
      }
    }
  }
  return issues;
}
