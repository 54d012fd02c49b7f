import type { ResponsibilityDispute } from '../../../case-file/schema.ts';
import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import { longDate, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';

/** A dispute is open on asOf when it was opened on or before asOf and not resolved on or before it. */
export function isOpenDispute(dispute: ResponsibilityDispute, ctx: AlertContext): boolean {
  return dispute.openedOn <= ctx.asOf && (dispute.resolvedOn === undefined || dispute.resolvedOn > ctx.asOf);
}

/**
 * Catalogue row `dispute-leaves-nobody-providing` (LA-12, ICB-06): an open responsibility dispute names no lead body
 * providing aftercare in the meantime. `since` is `openedOn`.
 */
export const disputeLeavesNobodyProviding: AlertRule = {
  id: 'dispute-leaves-nobody-providing',
  severity: 'high',
  subjectKind: 'dispute',
  summary:
    'A dispute about who is responsible is open and no body has been named to provide aftercare while it lasts.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const dispute of ctx.view.disputes) {
      if (!isOpenDispute(dispute, ctx) || dispute.leadOrganisationId !== undefined) continue;
      alerts.push(
        raise(
          disputeLeavesNobodyProviding,
          dispute.openedOn,
          dispute.id,
          `Dispute ${dispute.id} about duty ${dispute.dutyId}, opened on ${longDate(dispute.openedOn)}, names no body to provide aftercare while it is settled.`,
        ),
      );
    }
    return alerts;
  },
};
