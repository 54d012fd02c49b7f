/** Ombudsman remedy facts shared by the `ombudsman-*` alerts (CMP-14, CMP-15). */
import { addMonths } from '../../../calendar/civil-date.ts';
import type { OmbudsmanCase, Remedy } from '../../../case-file/schema.ts';
import type { AlertContext } from '../context.ts';

const DUE_WITHIN_MONTHS = { P1M: 1, P2M: 2, P3M: 3, P6M: 6 } as const;

/**
 * A remedy's due date: its `due`, else `finalDecisionOn` + `dueWithin`, else one month after `finalDecisionOn`
 * (three for a service improvement). Undefined while there is no final decision to count from.
 */
export function remedyDueDate(
  remedy: Remedy,
  ombudsmanCase: OmbudsmanCase,
  ctx: AlertContext,
): string | undefined {
  if (remedy.due !== undefined) return remedy.due;
  const decidedOn = ombudsmanCase.finalDecisionOn;
  if (decidedOn === undefined || decidedOn > ctx.asOf) return undefined;
  if (remedy.dueWithin !== undefined) return addMonths(decidedOn, DUE_WITHIN_MONTHS[remedy.dueWithin]);
  const months =
    remedy.kind === 'service_improvement'
      ? ctx.thresholds.serviceImprovementRemedyMonths
      : ctx.thresholds.remedyDefaultMonths;
  return addMonths(decidedOn, months);
}

export function describeRemedy(remedy: Remedy, ombudsmanCase: OmbudsmanCase): string {
  return `Remedy ${remedy.id} ("${remedy.text}") from the ${ombudsmanCase.body} decision ${ombudsmanCase.reference}`;
}
