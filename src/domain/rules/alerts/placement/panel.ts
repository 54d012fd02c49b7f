/** Panel request facts shared by the `panel-*` alerts. */
import type { PanelRequest } from '../../../case-file/schema.ts';
import type { AlertContext } from '../context.ts';

/** A rejection that had happened by asOf. */
export function isRejected(
  request: PanelRequest,
  ctx: AlertContext,
): request is PanelRequest & { decidedOn: string } {
  return request.decision === 'rejected' && request.decidedOn !== undefined && request.decidedOn <= ctx.asOf;
}

export function describeRequest(request: PanelRequest): string {
  return `Panel request ${request.id} ("${request.proposal}")`;
}
