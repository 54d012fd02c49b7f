/**
 * CarePlan per case-file care plan. The duty's services are the activities of its current plan (the agreed
 * one, else the latest draft); superseded plans carry no activities. A plan's needs are the reasons given on
 * each activity that meets them.
 */
import type { CarePlan, Service } from '../../case-file/schema.ts';
import { compact, type ExportContext } from './context.ts';
import type { Resource } from './types.ts';

const planStatus: Record<CarePlan['status'], string> = { draft: 'draft', agreed: 'active', superseded: 'revoked' };
const activityStatus: Record<Service['status'], string> = { planned: 'scheduled', active: 'in-progress', ended: 'completed' };

/** The plan of a duty that its services belong to. */
export function currentPlanOf(plans: readonly CarePlan[], dutyId: string): CarePlan | undefined {
  const ofDuty = plans.filter((p) => p.dutyId === dutyId);
  return ofDuty.filter((p) => p.status === 'agreed').at(-1) ?? ofDuty.filter((p) => p.status === 'draft').at(-1);
}

function activity(ctx: ExportContext, plan: CarePlan, service: Service) {
  const needs = plan.needs.filter((n) => service.needIds.includes(n.id));
  return {
    detail: compact({
      kind: 'ServiceRequest',
      code: { coding: [{ system: ctx.systems.serviceKind, code: service.kind }], text: service.kind.replace(/_/g, ' ') },
      reasonCode: needs.map((n) => ({ text: n.description })),
      status: activityStatus[service.status],
      scheduledPeriod: compact({ start: service.start, end: service.end }),
      performer: service.providerId ? [ctx.refFor(service.providerId)].filter((r) => r !== undefined) : undefined,
      description: `${service.description}${service.aftercare ? ' (section 117 aftercare, free of charge)' : ''}`,
    }),
  };
}

export function carePlan(ctx: ExportContext, plan: CarePlan): Resource {
  const duty = ctx.file.duties.find((d) => d.id === plan.dutyId);
  const current = currentPlanOf(ctx.file.carePlans, plan.dutyId)?.id === plan.id;
  const services = current ? ctx.file.services.filter((s) => s.dutyId === plan.dutyId) : [];
  const ended = duty?.end !== undefined && duty.end <= ctx.today && plan.status === 'agreed';
  return ctx.resource('CarePlan', plan.id, compact({
    identifier: [{ system: ctx.systems.recordId, value: plan.id }],
    status: ended ? 'completed' : planStatus[plan.status],
    intent: 'plan',
    title: 'Section 117 aftercare plan',
    subject: ctx.refFor('person'),
    period: plan.agreedOn ? { start: plan.agreedOn } : undefined,
    careTeam: duty ? [ctx.ref('CareTeam', duty.id)] : undefined,
    supportingInfo: duty ? [ctx.ref('EpisodeOfCare', duty.id)] : undefined,
    activity: services.map((s) => activity(ctx, plan, s)),
    note: plan.reviewDue ? [{ text: `Review due ${plan.reviewDue}` }] : undefined,
  }));
}
