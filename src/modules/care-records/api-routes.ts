/**
 * `/api/v1/people/{id}/…` for care records. The service validates bodies itself (every error at once, a 422
 * problem naming each field, a refused rule included); the zod schemas here document the API in OpenAPI.
 * Unknown people and people the caller may not see are both 404; a stale `version` is a 409.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceContext } from '../../platform/http/request-context.ts';
import * as schemas from './api-schemas.ts';
import { careRecordsApiRoutes as routes } from './paths.ts';
import type { CareRecordsService } from './service.ts';

const problem = z
  .looseObject({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string().optional(), errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() })
  .describe('RFC 9457 problem details');
const problems = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const written = z.looseObject({ id: z.string(), version: z.number().int() });
const personParams = z.object({ personId: z.string() });
const passThrough = () => (data: unknown) => ({ value: data });

type Run = (care: CareRecordsService, ctx: ReturnType<typeof serviceContext>, p: Record<string, string>, body: unknown) => Promise<{ id: string; version: number }>;
interface Write {
  method: 'POST' | 'PUT';
  path: string;
  /** The record ids in the path, after the person's. */
  param?: string | string[];
  summary: string;
  body: z.ZodType;
  status: 200 | 201;
  run: Run;
}

const id = (p: Record<string, string>, name: string) => p[name] ?? '';
const writes: Write[] = [
  { method: 'POST', path: '/care-plans', summary: 'Start a draft aftercare plan (or a new version of one)', body: schemas.newPlanInput, status: 201, run: (c, x, p, b) => c.createPlan(x, id(p, 'personId'), b) },
  { method: 'POST', path: '/care-plans/:planId/needs', param: 'planId', summary: 'Add a need to a draft plan', body: schemas.needInput, status: 200, run: (c, x, p, b) => c.addNeed(x, id(p, 'personId'), id(p, 'planId'), b) },
  { method: 'PUT', path: '/care-plans/:planId/needs/:needId', param: ['planId', 'needId'], summary: 'Change a need of a draft plan (an agreed plan changes in a new version)', body: schemas.changeNeedInput, status: 200, run: (c, x, p, b) => c.changeNeed(x, id(p, 'personId'), id(p, 'planId'), id(p, 'needId'), b) },
  { method: 'POST', path: '/care-plans/:planId/needs/:needId/removal', param: ['planId', 'needId'], summary: 'Remove a need from a draft plan', body: schemas.removeNeedInput, status: 200, run: (c, x, p, b) => c.removeNeed(x, id(p, 'personId'), id(p, 'planId'), id(p, 'needId'), b) },
  { method: 'POST', path: '/care-plans/:planId/agreement', param: 'planId', summary: 'Agree a draft plan (supersedes the agreed one)', body: schemas.agreePlanInput, status: 200, run: (c, x, p, b) => c.agreePlan(x, id(p, 'personId'), id(p, 'planId'), b) },
  { method: 'POST', path: '/care-plans/:planId/reviews', param: 'planId', summary: 'Record a review of the agreed plan', body: schemas.planReviewInput, status: 200, run: (c, x, p, b) => c.recordReview(x, id(p, 'personId'), id(p, 'planId'), b) },
  { method: 'POST', path: '/care-plans/:planId/shares', param: 'planId', summary: 'Record who the agreed plan was sent to', body: schemas.planShareInput, status: 200, run: (c, x, p, b) => c.recordPlanShared(x, id(p, 'personId'), id(p, 'planId'), b) },
  { method: 'POST', path: '/services', summary: 'Add a service meeting needs of the plan', body: schemas.serviceInput, status: 201, run: (c, x, p, b) => c.addService(x, id(p, 'personId'), b) },
  { method: 'PUT', path: '/services/:serviceId', param: 'serviceId', summary: 'Change a service (classification re-checked; charges now refused are listed to refund)', body: schemas.changeServiceInput, status: 200, run: (c, x, p, b) => c.changeService(x, id(p, 'personId'), id(p, 'serviceId'), b) },
  { method: 'POST', path: '/services/:serviceId/end', param: 'serviceId', summary: 'End a service (end date on or after it started)', body: schemas.endServiceInput, status: 200, run: (c, x, p, b) => c.endService(x, id(p, 'personId'), id(p, 'serviceId'), b) },
  { method: 'POST', path: '/services/:serviceId/funding-shares', param: 'serviceId', summary: 'Add a dated funding share (each period totals 100%)', body: schemas.fundingShareInput, status: 200, run: (c, x, p, b) => c.addFundingShare(x, id(p, 'personId'), id(p, 'serviceId'), b) },
  { method: 'PUT', path: '/services/:serviceId/top-up', param: 'serviceId', summary: 'Record a top-up (refused unless SERV-07…09 allow it)', body: schemas.topUpInput, status: 200, run: (c, x, p, b) => c.setTopUp(x, id(p, 'personId'), id(p, 'serviceId'), b) },
  { method: 'POST', path: '/charges', summary: 'Record a charge (refused for aftercare: SERV-04, SERV-05)', body: schemas.chargeInput, status: 201, run: (c, x, p, b) => c.addCharge(x, id(p, 'personId'), b) },
  { method: 'POST', path: '/charges/:chargeId/end', param: 'chargeId', summary: 'End a charge (always allowed; the guard is for new charges)', body: schemas.endChargeInput, status: 200, run: (c, x, p, b) => c.endCharge(x, id(p, 'personId'), id(p, 'chargeId'), b) },
  { method: 'POST', path: '/charges/:chargeId/refund', param: 'chargeId', summary: 'Work out and record the refund of a charge, with interest', body: schemas.recordRefundInput, status: 200, run: (c, x, p, b) => c.recordRefund(x, id(p, 'personId'), id(p, 'chargeId'), b) },
  { method: 'POST', path: '/payment-offers', summary: 'Record a direct payment or personal health budget offer', body: schemas.offerInput, status: 201, run: (c, x, p, b) => c.addPaymentOffer(x, id(p, 'personId'), b) },
  { method: 'POST', path: '/payment-offers/:offerId/response', param: 'offerId', summary: 'Record the person’s answer to an offer', body: schemas.offerResponseInput, status: 200, run: (c, x, p, b) => c.recordOfferResponse(x, id(p, 'personId'), id(p, 'offerId'), b) },
  { method: 'POST', path: '/duties/:dutyId/ending', param: 'dutyId', summary: 'Propose ending a duty (refused on improper grounds or during a CTO)', body: schemas.proposeEndingInput, status: 200, run: (c, x, p, b) => c.proposeEnding(x, id(p, 'personId'), id(p, 'dutyId'), b) },
  { method: 'POST', path: '/duties/:dutyId/ending/sign-offs', param: 'dutyId', summary: 'Sign off the ending for the council or the health body (the second ends the duty)', body: schemas.signOffInput, status: 200, run: (c, x, p, b) => c.signOffEnding(x, id(p, 'personId'), id(p, 'dutyId'), b) },
  { method: 'POST', path: '/duties/:dutyId/ending/withdrawal', param: 'dutyId', summary: 'Withdraw a proposed ending', body: schemas.withdrawEndingInput, status: 200, run: (c, x, p, b) => c.withdrawEnding(x, id(p, 'personId'), id(p, 'dutyId'), b) },
  { method: 'POST', path: '/duties/:dutyId/reinstatement', param: 'dutyId', summary: 'Reinstate an ended duty from its end date (the ending is kept in the history)', body: schemas.reinstateInput, status: 200, run: (c, x, p, b) => c.reinstateDuty(x, id(p, 'personId'), id(p, 'dutyId'), b) },
];

export function registerCareApiRoutes(app: FastifyInstance, services: { careRecords: CareRecordsService }): void {
  const { careRecords } = services;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care records'];

  api.get(routes.careRecords, {
    config: { permission: 'case:read', audit: 'case.view' },
    schema: { tags, summary: 'A person’s plans, services, charges and offers, with versions and what the rules say about each', params: personParams, response: { 200: z.looseObject({}), ...problems } },
  }, async (request) => careRecords.getCareRecords(serviceContext(request), request.params.personId));

  app.get<{ Params: { personId: string }; Querystring: Record<string, unknown> }>(routes.refundCalculation, {
    config: { permission: 'case:read', audit: 'case.view' },
    schema: { tags, summary: 'Refund of the person’s charges (or those named) up to a date, per charge period with interest', params: personParams, querystring: schemas.refundQuery, response: { 200: z.looseObject({}), ...problems } },
    validatorCompiler: ({ httpPart }) => (httpPart === 'params' ? (data: unknown) => ({ value: data }) : passThrough()),
  }, async (request) => {
    const query = request.query;
    const rate = query.annualRatePercent;
    const chargeIds = query.chargeIds;
    return careRecords.refundCalculation(serviceContext(request), request.params.personId, {
      ...query,
      ...(typeof rate === 'string' && rate !== '' ? { annualRatePercent: Number(rate) } : {}),
      ...(typeof chargeIds === 'string' ? { chargeIds: chargeIds.split(',') } : {}),
    });
  });

  for (const write of writes) {
    app.route<{ Params: Record<string, string> }>({
      method: write.method,
      url: `${routes.personRecords}${write.path}`,
      config: { permission: 'case:write' },
      schema: { tags, summary: write.summary, params: write.param ? personParams.extend(Object.fromEntries([write.param].flat().map((name) => [name, z.string()]))) : personParams, body: write.body, response: { [write.status]: written, ...problems } },
      validatorCompiler: ({ httpPart }) => (httpPart === 'params' ? (data: unknown) => ({ value: data }) : passThrough()),
      handler: async (request, reply) => reply.code(write.status).send(await write.run(careRecords, serviceContext(request), request.params, request.body)),
    });
  }
}
