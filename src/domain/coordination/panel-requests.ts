/**
 * Funding panel requests: submitted → decided (approved, approved with conditions, rejected) or deferred, and
 * a deferred request can be decided later. Every decision carries non-blank reasons (alert
 * panel-decision-without-reasons). A rejected or deferred request can be resubmitted; the chain of
 * resubmissions feeds the "refused before" banner (alert panel-repeat-rejection).
 */
import type { CivilDate } from '../calendar/civil-date.ts';
import type { PanelRequest } from '../case-file/schema.ts';

export type PanelDecision = NonNullable<PanelRequest['decision']>;
export type PanelStatus = 'submitted' | PanelDecision;

export type PanelStepResult = { ok: true; request: PanelRequest } | { ok: false; refusals: string[] };

/** Status as of a date: a decision dated after asOf has not happened yet. */
export function panelStatus(request: PanelRequest, asOf?: CivilDate): PanelStatus {
  if (!request.decision || (asOf !== undefined && (request.decidedOn === undefined || request.decidedOn > asOf))) return 'submitted';
  return request.decision;
}

export function isFinal(status: PanelStatus): boolean {
  return status === 'approved' || status === 'approved_with_conditions' || status === 'rejected';
}

export function decidePanelRequest(
  request: PanelRequest,
  decision: { decision: PanelDecision; decidedOn: CivilDate; reasons: string },
): PanelStepResult {
  const status = panelStatus(request);
  const refusals: string[] = [];
  if (isFinal(status)) refusals.push(`The panel already decided this request on ${request.decidedOn}. Submit a new request to ask again.`);
  const reasons = decision.reasons.trim();
  if (!reasons) refusals.push("Enter the panel's reasons for its decision.");
  if (decision.decidedOn < request.submittedOn) refusals.push(`The decision date must be on or after the date the request was submitted (${request.submittedOn}).`);
  if (status === 'deferred' && request.decidedOn !== undefined && decision.decidedOn < request.decidedOn) {
    refusals.push(`The decision date must be on or after the date the panel deferred it (${request.decidedOn}).`);
  }
  if (refusals.length > 0) return { ok: false, refusals };
  return { ok: true, request: { ...request, decision: decision.decision, decidedOn: decision.decidedOn, reasons } };
}

/** Checks a new request that follows an earlier one; the new request names it in `resubmissionOf`. */
export function checkResubmission(newRequest: PanelRequest, earlier: PanelRequest): string[] {
  const refusals: string[] = [];
  const status = panelStatus(earlier);
  if (status === 'submitted') refusals.push('The panel has not decided the earlier request yet.');
  if (status === 'approved' || status === 'approved_with_conditions') refusals.push('The panel approved the earlier request, so there is nothing to resubmit.');
  if (newRequest.dutyId !== earlier.dutyId) refusals.push('A resubmission must be for the same duty as the request it follows.');
  if (earlier.decidedOn && newRequest.submittedOn < earlier.decidedOn) {
    refusals.push(`A resubmission must be submitted on or after the earlier decision (${earlier.decidedOn}).`);
  }
  return refusals;
}

/** The requests this one follows, nearest first, through `resubmissionOf` (a broken or circular chain stops). */
export function resubmissionChain(request: PanelRequest, all: readonly PanelRequest[]): PanelRequest[] {
  const byId = new Map(all.map((r) => [r.id, r]));
  const chain: PanelRequest[] = [];
  const seen = new Set([request.id]);
  let next = request.resubmissionOf ? byId.get(request.resubmissionOf) : undefined;
  while (next && !seen.has(next.id)) {
    chain.push(next);
    seen.add(next.id);
    next = next.resubmissionOf ? byId.get(next.resubmissionOf) : undefined;
  }
  return chain;
}

/** Earlier requests in the chain that the panel rejected on or before asOf, oldest first. */
export function previousRejections(request: PanelRequest, all: readonly PanelRequest[], asOf?: CivilDate): PanelRequest[] {
  return resubmissionChain(request, all)
    .filter((earlier) => panelStatus(earlier, asOf) === 'rejected')
    .reverse();
}

/** panel-repeat-rejection: this request was rejected and something it resubmits was rejected too. */
export function isRepeatRejection(request: PanelRequest, all: readonly PanelRequest[], asOf?: CivilDate): boolean {
  return panelStatus(request, asOf) === 'rejected' && previousRejections(request, all, asOf).length > 0;
}

/** The banner over a request whose proposal was refused before, or null. */
export function previousRejectionBanner(request: PanelRequest, all: readonly PanelRequest[], asOf?: CivilDate): string | null {
  const rejections = previousRejections(request, all, asOf);
  if (rejections.length === 0) return null;
  const times = rejections.length === 1 ? 'once' : rejections.length === 2 ? 'twice' : `${rejections.length} times`;
  const details = rejections.map((r) => `on ${r.decidedOn}: ${r.reasons?.trim() || 'no reasons recorded'}`).join('; ');
  return `The panel has refused this proposal ${times} before (${details}). Say what has changed since.`;
}
