import type { Alert } from '../../evaluation.ts';
import { reaches, type AlertContext } from '../context.ts';
import { listOf, raise } from '../format.ts';
import type { AlertRule } from '../types.ts';
import { decisionsDueToBeTold, describeDecision } from './decisions.ts';

/**
 * Catalogue row `decision-not-shared-with-representative` (PLAN-03: representatives, deputies and attorneys are
 * involved): 5 working days after a decision that affects the person, some representative in force on the decision
 * date has not been reached by a communication about it. One alert per decision; `since` is the decision date.
 */
export const decisionNotSharedWithRepresentative: AlertRule = {
  id: 'decision-not-shared-with-representative',
  severity: 'high',
  subjectKind: 'decision',
  summary:
    'A decision that affects the person has not been sent to every representative acting for them within 5 working days.',
  evaluate(ctx: AlertContext): Alert[] {
    const alerts: Alert[] = [];
    for (const decision of decisionsDueToBeTold(ctx)) {
      const representatives = ctx.representativesOn(decision.date);
      if (representatives.length === 0) continue;
      const communications = ctx.communicationsAbout(decision.id);
      const missed = representatives.filter(
        (contact) => !communications.some((communication) => reaches(communication, contact.id)),
      );
      if (missed.length === 0) continue;
      alerts.push(
        raise(
          decisionNotSharedWithRepresentative,
          decision.date,
          decision.id,
          `${describeDecision(decision)} affects ${ctx.personName} but has not been sent to ${listOf(missed.map((contact) => contact.name))}, who acts for them.`,
        ),
      );
    }
    return alerts;
  },
};
