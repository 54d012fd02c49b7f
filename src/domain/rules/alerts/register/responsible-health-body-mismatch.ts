import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import type { AlertRule } from '../types.ts';
import { mismatchAlerts } from './mismatch.ts';

/**
 * Catalogue row `responsible-health-body-mismatch` (ICB-01 to ICB-09): an active duty's recorded ICB or Local Health
 * Board differs from the one the law gives, and no ICB- flag asks a person to decide. `since` is the duty start.
 */
export const responsibleHealthBodyMismatch: AlertRule = {
  id: 'responsible-health-body-mismatch',
  severity: 'high',
  subjectKind: 'duty',
  summary:
    'The ICB or Local Health Board recorded as responsible for an active duty is not the one the law makes responsible.',
  evaluate(ctx: AlertContext): Alert[] {
    return mismatchAlerts(responsibleHealthBodyMismatch, ctx, {
      flagFamily: 'ICB-',
      law: 'healthBody',
      recorded: (duty) => duty.healthBodyId,
      noun: 'health body',
    });
  },
};
