import type { Alert } from '../../evaluation.ts';
import type { AlertContext } from '../context.ts';
import type { AlertRule } from '../types.ts';
import { mismatchAlerts } from './mismatch.ts';

/**
 * Catalogue row `responsible-authority-mismatch` (LA-01 to LA-10): an active duty's recorded council differs from
 * the one the law gives, and no LA- flag asks a person to decide. `since` is the duty start.
 */
export const responsibleAuthorityMismatch: AlertRule = {
  id: 'responsible-authority-mismatch',
  severity: 'high',
  subjectKind: 'duty',
  summary: 'The council recorded as responsible for an active duty is not the one the law makes responsible.',
  evaluate(ctx: AlertContext): Alert[] {
    return mismatchAlerts(responsibleAuthorityMismatch, ctx, {
      flagFamily: 'LA-',
      law: 'localAuthority',
      recorded: (duty) => duty.localAuthorityId,
      noun: 'council',
    });
  },
};
