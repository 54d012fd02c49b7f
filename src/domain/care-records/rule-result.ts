/**
 * What a care-records rule returns: allowed or refused, always with the rule ids and plain-English reasons
 * (GOV.UK content style) that a page shows as an error summary or a banner. A refusal lists every reason
 * found, not just the first (ADR 0001 "Services": all errors at once).
 */

/** One rule's finding. `field` names the form field or record path the reason is about, where there is one. */
export interface RuleReason {
  ruleId: string;
  reason: string;
  field?: string;
}

/** A yes/no decision with its reasons. */
export type Verdict = { allowed: true; reasons: RuleReason[] } | { allowed: false; reasons: RuleReason[] };

/** A decision that, when allowed, also gives the changed record(s). */
export type Outcome<T> = { allowed: true; result: T; reasons: RuleReason[] } | { allowed: false; reasons: RuleReason[] };

export function allow(reasons: RuleReason[]): Verdict {
  return { allowed: true, reasons };
}

export function refuse(reasons: RuleReason[]): Verdict & { allowed: false } {
  return { allowed: false, reasons };
}
