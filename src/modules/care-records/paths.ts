/**
 * Typed path builders for care records: every URL of this capability is written once, here, beside the
 * Fastify route patterns. Ids are encoded so a case-file id with odd characters cannot leave its segment.
 */
const e = encodeURIComponent;
const person = (id: string) => `/people/${e(id)}`;
const plan = (id: string, planId: string) => `${person(id)}/care-plans/${e(planId)}`;
const service = (id: string, serviceId: string) => `${person(id)}/services/${e(serviceId)}`;
const ending = (id: string, dutyId: string) => `${person(id)}/duties/${e(dutyId)}/ending`;

export const careRecordsPaths = {
  plan: (id: string) => `${person(id)}/plan`,
  money: (id: string) => `${person(id)}/money`,
  /** The money page after a service change left charges to refund: it lists them. */
  moneyAfterChange: (id: string, serviceId: string) => `${person(id)}/money?changedService=${e(serviceId)}`,
  carePlans: {
    new: (id: string, dutyId?: string, copyFrom?: string) => `${person(id)}/care-plans/new${dutyId ? `?dutyId=${e(dutyId)}${copyFrom ? `&copyFrom=${e(copyFrom)}` : ''}` : ''}`,
    addNeed: (id: string, planId: string) => `${plan(id, planId)}/needs/new`,
    changeNeed: (id: string, planId: string, needId: string) => `${plan(id, planId)}/needs/${e(needId)}/change`,
    removeNeed: (id: string, planId: string, needId: string) => `${plan(id, planId)}/needs/${e(needId)}/remove`,
    agree: (id: string, planId: string) => `${plan(id, planId)}/agree`,
    review: (id: string, planId: string) => `${plan(id, planId)}/review`,
    share: (id: string, planId: string) => `${plan(id, planId)}/share`,
    print: (id: string, planId: string) => `${plan(id, planId)}/print`,
  },
  services: {
    new: (id: string) => `${person(id)}/services/new`,
    funding: (id: string, serviceId: string) => `${service(id, serviceId)}/funding/new`,
    topUp: (id: string, serviceId: string) => `${service(id, serviceId)}/top-up`,
    /** `field` opens the form at that question (a Change link on one row of the service's summary). */
    change: (id: string, serviceId: string, field?: string) => `${service(id, serviceId)}/change${field ? `#${field}` : ''}`,
    end: (id: string, serviceId: string) => `${service(id, serviceId)}/end`,
  },
  charges: {
    new: (id: string) => `${person(id)}/charges/new`,
    refund: (id: string, chargeId: string) => `${person(id)}/charges/${e(chargeId)}/refund`,
    end: (id: string, chargeId: string) => `${person(id)}/charges/${e(chargeId)}/end`,
  },
  refundCalculator: (id: string) => `${person(id)}/refund-calculator`,
  offers: { new: (id: string) => `${person(id)}/payment-offers/new`, response: (id: string, offerId: string) => `${person(id)}/payment-offers/${e(offerId)}/response` },
  ending: {
    show: ending,
    propose: (id: string, dutyId: string) => `${ending(id, dutyId)}/propose`,
    signOff: (id: string, dutyId: string) => `${ending(id, dutyId)}/sign-off`,
    withdraw: (id: string, dutyId: string) => `${ending(id, dutyId)}/withdraw`,
    reinstate: (id: string, dutyId: string) => `${ending(id, dutyId)}/reinstate`,
  },
} as const;

export const careRecordsRoutes = {
  plan: '/people/:personId/plan',
  money: '/people/:personId/money',
  newPlan: '/people/:personId/care-plans/new',
  addNeed: '/people/:personId/care-plans/:planId/needs/new',
  changeNeed: '/people/:personId/care-plans/:planId/needs/:needId/change',
  removeNeed: '/people/:personId/care-plans/:planId/needs/:needId/remove',
  agreePlan: '/people/:personId/care-plans/:planId/agree',
  reviewPlan: '/people/:personId/care-plans/:planId/review',
  sharePlan: '/people/:personId/care-plans/:planId/share',
  printPlan: '/people/:personId/care-plans/:planId/print',
  newService: '/people/:personId/services/new',
  fundingShare: '/people/:personId/services/:serviceId/funding/new',
  topUp: '/people/:personId/services/:serviceId/top-up',
  changeService: '/people/:personId/services/:serviceId/change',
  endService: '/people/:personId/services/:serviceId/end',
  newCharge: '/people/:personId/charges/new',
  refund: '/people/:personId/charges/:chargeId/refund',
  endCharge: '/people/:personId/charges/:chargeId/end',
  refundCalculator: '/people/:personId/refund-calculator',
  newOffer: '/people/:personId/payment-offers/new',
  offerResponse: '/people/:personId/payment-offers/:offerId/response',
  ending: '/people/:personId/duties/:dutyId/ending',
  proposeEnding: '/people/:personId/duties/:dutyId/ending/propose',
  signOff: '/people/:personId/duties/:dutyId/ending/sign-off',
  withdrawEnding: '/people/:personId/duties/:dutyId/ending/withdraw',
  reinstate: '/people/:personId/duties/:dutyId/ending/reinstate',
} as const;

/** `/api/v1` patterns; records hang off the person. */
export const careRecordsApiRoutes = {
  careRecords: '/api/v1/people/:personId/care-records',
  refundCalculation: '/api/v1/people/:personId/refund-calculation',
  personRecords: '/api/v1/people/:personId',
} as const;
