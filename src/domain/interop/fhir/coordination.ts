/** Task per action and Communication per communication. */
import type { Action, Communication } from '../../case-file/schema.ts';
import { compact, type ExportContext } from './context.ts';
import { systems } from './profiles.ts';
import type { Resource } from './types.ts';

export function task(ctx: ExportContext, action: Action): Resource {
  const meeting = action.meetingId ? ctx.file.meetings.find((m) => m.id === action.meetingId) : undefined;
  return ctx.resource('Task', action.id, compact({
    identifier: [{ system: ctx.systems.recordId, value: action.id }],
    status: action.completedOn ? 'completed' : 'requested',
    intent: 'plan',
    description: action.text,
    for: ctx.refFor('person'),
    authoredOn: meeting?.date,
    executionPeriod: action.completedOn ? { end: action.completedOn } : undefined,
    owner: ctx.refFor(action.ownerId),
    restriction: { period: { end: action.due } },
    output: action.evidence ? [{ type: { text: 'Evidence' }, valueString: action.evidence }] : undefined,
  }));
}

const media: Partial<Record<Communication['channel'], { code: string; display: string }>> = {
  letter: { code: 'MAILWRIT', display: 'mail' },
  email: { code: 'EMAILWRIT', display: 'email' },
  phone: { code: 'PHONE', display: 'telephone' },
  visit: { code: 'FACE', display: 'face-to-face' },
  meeting: { code: 'FACE', display: 'face-to-face' },
};

export function communication(ctx: ExportContext, message: Communication): Resource {
  const parties = message.with.map((w) => ctx.refFor(w)).filter((r) => r !== undefined);
  const staff = message.staffId ? ctx.refFor(message.staffId) : undefined;
  const outbound = message.direction === 'outbound';
  const medium = media[message.channel];
  return ctx.resource('Communication', message.id, compact({
    identifier: [{ system: ctx.systems.recordId, value: message.id }],
    status: 'completed',
    subject: ctx.refFor('person'),
    about: (message.aboutCarePlanIds ?? []).map((id) => ctx.ref('CarePlan', id)),
    medium: [{ ...(medium && { coding: [{ system: systems.participationMode, ...medium }] }), text: message.channel }],
    sent: outbound ? message.date : undefined,
    received: outbound ? undefined : message.date,
    sender: outbound ? staff : parties[0],
    recipient: outbound ? parties : staff ? [staff] : undefined,
    payload: message.summary ? [{ contentString: message.summary }] : undefined,
  }));
}
