import type { Alert } from '../../evaluation.ts';
import { reaches, type AlertContext } from '../context.ts';
import { raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { decisionsDueToBeTold, describeDecision } from './decisions.ts';

/**
 * Catalogue row `decision-not-communicated` (PLAN-03, PLAN-04: the person is told and involved; CMP-01): 5 working
 * days after a decision that affects the person, no communication about it reaches the person or — where the
 * communication plan in force on the decision date routes via a contact — that contact. A decision changing how the
 * person is contacted (`communication_arrangement`) is cleared only by reaching the person or a representative in
 * force. `since` is the decision date.
 */
export const decisionNotCommunicated: AlertRule = {
  id: 'decision-not-communicated',
  severity: 'high',
  subjectKind: 'decision',
  summary:
    'A decision that affects the person has not been sent to them, or to the contact their communication plan names, within 5 working days.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const decision of decisionsDueToBeTold(ctx)) {
      const arrangement = decision.kind === 'communication_arrangement';
      const plan = ctx.communicationPlanOn(decision.date);
      const via = !arrangement && plan?.route === 'via_contact' ? plan.viaContactId : undefined;
      const told = ctx
        .communicationsAbout(decision.id)
        .some(
          (communication) =>
            reaches(communication, 'person') ||
            (via !== undefined && reaches(communication, via)) ||
            (arrangement &&
              communication.with.some(
                (ref) =>
                  ref !== 'person' &&
                  reaches(communication, ref) &&
                  ctx.isRepresentativeOn(ref, communication.date),
              )),
        );
      if (told) continue;
      const viaName = via === undefined ? undefined : (ctx.contact(via)?.name ?? via);
      const message = arrangement
        ? `${describeDecision(decision)} changes how ${ctx.personName} is contacted but has not been sent to them or a representative acting for them.`
        : viaName !== undefined
          ? `${describeDecision(decision)} affects ${ctx.personName} but has not been sent to them or to ${viaName}, the contact their communication plan names.`
          : `${describeDecision(decision)} affects ${ctx.personName} but has not been sent to them.`;
      alerts.push(raise(decisionNotCommunicated, decision.date, decision.id, message));
    }
    return alerts;
  },
};
