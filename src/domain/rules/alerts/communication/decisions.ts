/** Decision facts shared by the `decision-*` alerts (PLAN-03: the person and their representatives are involved). */
import type { Decision } from '../../../case-file/schema.ts';
import type { AlertContext } from '../context.ts';
import { longDate } from '../format.ts';

/** Decisions that affect the person and whose `decisionCommunicatedWorkingDays` have run by asOf. */
export function decisionsDueToBeTold(ctx: AlertContext): readonly Decision[] {
  return ctx.shared('decisionsDueToBeTold', findDecisionsDueToBeTold);
}

function findDecisionsDueToBeTold(ctx: AlertContext): Decision[] {
  const due: Decision[] = [];
  for (const decision of ctx.view.decisions) {
    if (!decision.affectsPerson || decision.date > ctx.asOf) continue;
    if (ctx.asOf >= ctx.workingDaysAfter(decision.date, ctx.thresholds.decisionCommunicatedWorkingDays))
      due.push(decision);
  }
  return due;
}

export function describeDecision(decision: Decision): string {
  return `Decision ${decision.id} of ${longDate(decision.date)}`;
}
