/**
 * What the two charging alerts share (SERV-05: no charge can be made for s117 aftercare). A charge is "on an active
 * duty" when any day of its period up to asOf falls within the active period (start ≤ day < end) of a duty, recorded
 * or given by the law, whether or not that duty is still active; it is refunded when it has a refund on or before asOf.
 */
import type { Charge } from '../../../case-file/schema.ts';
import type { AlertContext } from '../context.ts';

function overlaps(charge: Charge, start: string, end: string | undefined, ctx: AlertContext): boolean {
  if (start > ctx.asOf) return false;
  const chargeEnd = charge.to !== undefined && charge.to <= ctx.asOf ? charge.to : ctx.dayAfterAsOf;
  const dutyEnd = end !== undefined && end <= ctx.asOf ? end : undefined;
  return (dutyEnd === undefined || charge.from < dutyEnd) && start < chargeEnd;
}

export function chargeOverlapsDuty(charge: Charge, ctx: AlertContext): boolean {
  if (charge.from > ctx.asOf) return false;
  return (
    ctx.view.duties.some((duty) => overlaps(charge, duty.start, duty.end, ctx)) ||
    ctx.law.duties.some((duty) => overlaps(charge, duty.start, duty.end, ctx))
  );
}

export function isRefunded(charge: Charge, ctx: AlertContext): boolean {
  return charge.refund !== undefined && charge.refund.date <= ctx.asOf;
}

export function pounds(pence: number): string {
  return `£${(pence / 100).toFixed(2).replace(/\.00$/, '')}`;
}

export function describeCharge(charge: Charge): string {
  const weekly = charge.weeklyPence === undefined ? '' : ` of ${pounds(charge.weeklyPence)} a week`;
  return `${charge.kind.replaceAll('_', ' ')} charge ${charge.id}${weekly}`;
}
