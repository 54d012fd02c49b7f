/**
 * Care records' pages: "Plan and services" and "Money" sections of a person's case, the ending workflow of
 * a duty (a task list), the printable agreed plan, and the refund calculator. Forms are in form-routes.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { RefundCalculation } from '../../domain/care-records/refund-calculator.ts';
import { formatDate, formatPounds } from '../../domain/care-records/wording.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { serviceContext } from '../../platform/http/request-context.ts';
import { hasPermission } from '../../platform/permissions.ts';
import type { RegisterService } from '../register/service.ts';
import { identityBar } from '../register/view-shaping/case-view.ts';
import { radioItems } from '../register/view-shaping/options.ts';
import type { FormBody } from '../register/view-shaping/forms.ts';
import { careRecordsPaths as paths, careRecordsRoutes as routes } from './paths.ts';
import type { CareRecordsService } from './service.ts';
import * as view from './view-shaping/care-view.ts';
import { frameworkLabels, interestMethodChoices } from './view-shaping/choices.ts';
import { everyError } from './view-shaping/form-errors.ts';
import { refundForm } from './view-shaping/form-inputs.ts';
import { careSubNavigation } from './view-shaping/sub-navigation.ts';

type PersonRequest = FastifyRequest<{ Params: Record<string, string> & { personId: string }; Querystring: FormBody }>;

export function registerCarePageRoutes(app: FastifyInstance, services: { register: RegisterService; careRecords: CareRecordsService }): void {
  const { register, careRecords } = services;

  async function caseLocals(request: PersonRequest, section: string) {
    const ctx = serviceContext(request);
    const records = await careRecords.getCareRecords(ctx, request.params.personId);
    const person = await register.getCase(ctx, request.params.personId);
    return {
      ctx,
      records,
      locals: {
        identity: identityBar(person, todayInLondon(ctx.now)),
        subNavigation: careSubNavigation(request.params.personId, section),
        canWrite: hasPermission(ctx.actor, 'case:write'),
      },
    };
  }

  app.get(routes.plan, { config: { permission: 'case:read', audit: 'case.view' } }, async (request: PersonRequest, reply) => {
    const { records, locals } = await caseLocals(request, 'plan');
    const personId = request.params.personId;
    const name = view.namer(records);
    return reply.view('care-records/views/plan.njk', {
      ...locals,
      sectionTitle: 'Plan and services',
      duties: records.duties.map((duty) => ({
        title: view.dutyTitle(duty.record, (id) => name(id)),
        tag: view.endingStateTag[duty.endingState],
        endingHref: paths.ending.show(personId, duty.record.id),
        offerPrompt: duty.offerPrompt?.prompt ? duty.offerPrompt.reasons.map((r) => r.reason) : [],
        newPlanHref: paths.carePlans.new(personId, duty.record.id),
        planCards: view.planCards(personId, records, duty.record.id, locals.canWrite),
        serviceCards: view.serviceCards(personId, records, duty.record.id, locals.canWrite),
      })),
      links: { newService: paths.services.new(personId), newOffer: paths.offers.new(personId) },
    });
  });

  app.get(routes.money, { config: { permission: 'case:read', audit: 'case.view' } }, async (request: PersonRequest, reply) => {
    const { records, locals } = await caseLocals(request, 'money');
    const personId = request.params.personId;
    const charges = view.chargeRows(personId, records, locals.canWrite);
    // After a change made a service aftercare: its charges the guard now refuses, listed to refund.
    const changed = records.services.find(({ record }) => record.id === request.query?.changedService)?.record;
    const toRefund = changed ? charges.filter((charge) => charge.serviceId === changed.id && charge.warning) : [];
    return reply.view('care-records/views/money.njk', {
      ...locals,
      sectionTitle: 'Money',
      changedService: toRefund.length ? { name: changed?.description, charges: toRefund } : undefined,
      charges,
      offers: view.offerRows(personId, records, locals.canWrite),
      links: { newCharge: paths.charges.new(personId), newOffer: paths.offers.new(personId), refundCalculator: paths.refundCalculator(personId) },
    });
  });

  app.get(routes.ending, { config: { permission: 'case:read', audit: 'case.view' } }, async (request: PersonRequest, reply) => {
    const { records, locals } = await caseLocals(request, 'plan');
    const { personId, dutyId = '' } = request.params;
    const duty = records.duties.find((d) => d.record.id === dutyId);
    if (!duty) throw new NotFoundError('No such duty');
    const name = view.namer(records);
    const state = duty.endingState;
    return reply.view('care-records/views/ending.njk', {
      ...locals,
      sectionTitle: 'Ending aftercare',
      dutyTitle: view.dutyTitle(duty.record, (id) => name(id)),
      tag: view.endingStateTag[state],
      tasks: view.endingTasks(personId, duty.record, state, (id) => name(id), locals.canWrite),
      history: ((duty.record.ext?.endingHistory as Record<string, unknown>[] | undefined) ?? []).length,
      links: {
        withdraw: locals.canWrite && !['open', 'ended'].includes(state) ? paths.ending.withdraw(personId, dutyId) : undefined,
        reinstate: locals.canWrite && state === 'ended' && duty.record.endReason !== 'death' ? paths.ending.reinstate(personId, dutyId) : undefined,
        back: paths.plan(personId),
      },
    });
  });

  app.get(routes.printPlan, { config: { permission: 'case:read', audit: 'case.view' } }, async (request: PersonRequest, reply) => {
    const { records, locals } = await caseLocals(request, 'plan');
    const plan = records.carePlans.find((p) => p.record.id === request.params.planId);
    if (!plan || plan.record.status === 'draft') throw new NotFoundError('No such agreed plan');
    const name = view.namer(records);
    const duty = records.duties.find((d) => d.record.id === plan.record.dutyId)?.record;
    return reply.view('care-records/views/print-plan.njk', {
      identity: locals.identity,
      plan: plan.record,
      agreedOn: plan.record.agreedOn ? formatDate(plan.record.agreedOn) : '',
      reviewDue: plan.reviewDue ? formatDate(plan.reviewDue) : 'Not set',
      framework: frameworkLabels[String(plan.record.ext?.coordinatingFramework)] ?? 'Not recorded',
      involved: (plan.record.ext?.involved as string[] | undefined) ?? [],
      responsible: duty ? `${name(duty.localAuthorityId)} and ${name(duty.healthBodyId)}` : '',
      needs: plan.record.needs.map((need) => ({
        text: view.needText(need),
        services: records.services.filter((s) => s.record.needIds.includes(need.id)).map((s) => `${s.record.description}${s.record.providerId ? `, ${name(s.record.providerId)}` : ''}${s.record.aftercare ? ' (aftercare: free)' : ''}`),
      })),
      backHref: paths.plan(request.params.personId),
    });
  });

  // The calculator: GET with the terms in the query shows the result per charge period; nothing is written.
  app.get(routes.refundCalculator, { config: { permission: 'case:read', audit: 'case.view' } }, async (request: PersonRequest, reply) => {
    const { ctx, locals } = await caseLocals(request, 'money');
    const query = request.query ?? {};
    const values = { method: 'simple_daily', ...query };
    let result;
    let issues: ValidationError['issues'] = [];
    if (query['refundDate-year'] !== undefined) {
      try {
        const { version: _v, ...terms } = refundForm.toInput(query);
        result = await careRecords.refundCalculation(ctx, request.params.personId, terms);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        issues = error.issues;
      }
    }
    return reply.code(issues.length ? 400 : 200).view('care-records/views/refund-calculator.njk', {
      ...locals,
      sectionTitle: 'Refund calculator',
      values,
      methods: radioItems(interestMethodChoices, values.method),
      ...everyError(issues, refundForm.dateFields),
      result: result && refundView(result),
      backHref: paths.money(request.params.personId),
    });
  });
}

function refundView(result: RefundCalculation) {
  return {
    method: interestMethodChoices.find((c) => c.value === result.method)?.text,
    rate: `${result.annualRatePercent}% a year`,
    refundDate: formatDate(result.refundDate),
    periods: result.periods.map((p) => ({ chargeId: p.chargeId, period: `${formatDate(p.from)} to ${formatDate(p.to)}`, weekly: formatPounds(p.weeklyPence), weeks: p.instalments.length, principal: formatPounds(p.principalPence), interest: formatPounds(p.interestPence) })),
    notCalculated: result.notCalculated,
    principal: formatPounds(result.principalPence),
    interest: formatPounds(result.interestPence),
    total: formatPounds(result.totalPence),
  };
}
