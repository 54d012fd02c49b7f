/**
 * Facts shared by the ending alerts (END-01 to END-03). A duty ended without `ending` has no sign-offs and no
 * grounds, and the person was not involved; a sign-off or date recorded after asOf counts as absent.
 */
import type { Duty } from '../../../case-file/schema.ts';
import type { AlertContext } from '../context.ts';
import { longDate } from '../format.ts';

export function signedOff(signOff: { date: string } | undefined, ctx: AlertContext): boolean {
  return signOff !== undefined && signOff.date <= ctx.asOf;
}

export function describeEnding(duty: Duty & { end: string }): string {
  return `Duty ${duty.id} was ended on ${longDate(duty.end)}`;
}
