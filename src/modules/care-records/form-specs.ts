/**
 * The care-records forms, one spec each: where it lives, its template, how its answers become the
 * service's input, its choices, and where it returns. The rules themselves are the service's.
 */
import { dutyChoices, radioItems, selectItems, yesNoChoices } from '../register/view-shaping/options.ts';
import type { FormBody } from '../register/view-shaping/forms.ts';
import type { CareRecordsView } from './care-reads.ts';
import { formatDate } from '../../domain/care-records/wording.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { CareFormSpec, Params } from './form-routes.ts';
import { careRecordsPaths as paths, careRecordsRoutes as routes } from './paths.ts';
import * as choices from './view-shaping/choices.ts';
import { needText } from './view-shaping/care-view.ts';
import * as forms from './view-shaping/form-inputs.ts';

const plan = (params: Params) => paths.plan(params.personId);
const money = (params: Params) => paths.money(params.personId);
const ending = (params: Params) => paths.ending.show(params.personId, params.dutyId ?? '');
const versionOf = (version: number): FormBody => ({ version: String(version) });

/** The record a form is about, or NotFound. */
function findOrThrow<T extends { record: { id: string } }>(list: readonly T[], id: string | undefined): T {
  const found = list.find((item) => item.record.id === id);
  if (!found) throw new NotFoundError('No such record');
  return found;
}
const duties = (view: CareRecordsView, values: FormBody) => selectItems(dutyChoices(view.duties.map((d) => d.record)), values.dutyId, 'Select a duty');
const yesNo = (values: FormBody, name: string) => radioItems(yesNoChoices, values[name]);

export const careForms: CareFormSpec[] = [
  {
    url: routes.newPlan,
    template: 'care-records/views/forms/new-plan.njk',
    title: 'Start an aftercare plan',
    returnTo: plan,
    form: forms.newPlanForm,
    initial: (view, _params, query) => {
      const from = query.copyFrom ? findOrThrow(view.carePlans, query.copyFrom).record : undefined;
      return { values: { dutyId: query.dutyId ?? view.duties.find((d) => d.record.end === undefined)?.record.id ?? '', copyFromPlanId: from?.id ?? '', coordinatingFramework: (from?.ext?.coordinatingFramework as string | undefined) ?? '' }, locals: { copyFrom: from } };
    },
    options: (view, values) => ({ duties: duties(view, values), frameworks: radioItems(choices.frameworkChoices, values.coordinatingFramework) }),
    submit: (care, ctx, params, input) => care.createPlan(ctx, params.personId, input),
  },
  {
    url: routes.addNeed,
    template: 'care-records/views/forms/need.njk',
    title: 'Add a need',
    returnTo: plan,
    form: forms.needForm,
    initial: (view, params) => ({ values: versionOf(findOrThrow(view.carePlans, params.planId).version) }),
    options: (_view, values) => ({ related: yesNo(values, 'relatedToMentalDisorder'), categories: selectItems(choices.needCategoryChoices, values.category, 'Select the kind of need') }),
    submit: (care, ctx, params, input) => care.addNeed(ctx, params.personId, params.planId ?? '', input),
  },
  {
    url: routes.agreePlan,
    template: 'care-records/views/forms/agree-plan.njk',
    title: 'Agree the aftercare plan',
    submitText: 'Agree the plan',
    returnTo: plan,
    form: forms.agreePlanForm,
    initial: (view, params) => ({ values: versionOf(findOrThrow(view.carePlans, params.planId).version) }),
    submit: (care, ctx, params, input) => care.agreePlan(ctx, params.personId, params.planId ?? '', input),
  },
  {
    url: routes.reviewPlan,
    template: 'care-records/views/forms/review-plan.njk',
    title: 'Record a review of the plan',
    returnTo: plan,
    form: forms.reviewPlanForm,
    initial: (view, params) => ({ values: versionOf(findOrThrow(view.carePlans, params.planId).version) }),
    submit: (care, ctx, params, input) => care.recordReview(ctx, params.personId, params.planId ?? '', input),
  },
  {
    url: routes.sharePlan,
    template: 'care-records/views/forms/share-plan.njk',
    title: 'Record who the plan was sent to',
    returnTo: plan,
    form: forms.sharePlanForm,
    initial: (view, params) => ({ values: versionOf(findOrThrow(view.carePlans, params.planId).version) }),
    options: (_view, values) => ({ channels: radioItems(['letter', 'email', 'visit', 'meeting', 'other'].map((c) => ({ value: c, text: c === 'visit' ? 'Given in person' : c[0]!.toUpperCase() + c.slice(1) })), values.channel) }),
    submit: (care, ctx, params, input) => care.recordPlanShared(ctx, params.personId, params.planId ?? '', input),
  },
  {
    url: routes.newService,
    template: 'care-records/views/forms/service.njk',
    title: 'Add a service',
    returnTo: plan,
    form: forms.serviceForm,
    needsOrganisations: true,
    initial: (view) => ({ values: { dutyId: view.duties.find((d) => d.record.end === undefined)?.record.id ?? '' } }),
    options: (view, values, _params, organisations) => ({
      duties: duties(view, values),
      needs: choices.checkboxItems(
        view.carePlans.filter(({ record }) => record.status !== 'superseded').flatMap(({ record }) => record.needs.map((need) => ({ value: need.id, text: needText(need) }))),
        forms.listField(values, 'needIds'),
      ),
      kinds: selectItems(choices.serviceKindChoices, values.kind, 'Select the kind of service'),
      providers: selectItems(organisations.filter((o) => ['provider', 'voluntary', 'nhs_trust'].includes(o.kind)).map((o) => ({ value: o.id, text: o.name })), values.providerId, 'Not known yet'),
      statuses: radioItems(choices.serviceStatusChoices, values.status),
      aftercare: yesNo(values, 'aftercare'),
      relatedToOriginalCondition: yesNo(values, 'relatedToOriginalCondition'),
      enhancedSpecialised: yesNo(values, 'enhancedSpecialised'),
      reducesRisk: yesNo(values, 'reducesRisk'),
    }),
    submit: (care, ctx, params, input) => care.addService(ctx, params.personId, input),
  },
  {
    url: routes.fundingShare,
    template: 'care-records/views/forms/funding-share.njk',
    title: 'Add a funding share',
    returnTo: plan,
    form: forms.fundingShareForm,
    initial: (view, params) => {
      const service = findOrThrow(view.services, params.serviceId);
      return { values: versionOf(service.version), locals: { serviceName: service.record.description } };
    },
    submit: (care, ctx, params, input) => care.addFundingShare(ctx, params.personId, params.serviceId ?? '', input),
  },
  {
    url: routes.topUp,
    template: 'care-records/views/forms/top-up.njk',
    title: 'Record a top-up',
    returnTo: plan,
    form: forms.topUpForm,
    initial: (view, params) => {
      const service = findOrThrow(view.services, params.serviceId);
      return { values: versionOf(service.version), locals: { serviceName: service.record.description } };
    },
    options: (_view, values) => ({ chosen: yesNo(values, 'preferredAccommodationChosen'), offered: yesNo(values, 'suitableAlternativeOffered') }),
    submit: (care, ctx, params, input) => care.setTopUp(ctx, params.personId, params.serviceId ?? '', input),
  },
  {
    url: routes.newCharge,
    template: 'care-records/views/forms/charge.njk',
    title: 'Record a charge',
    returnTo: money,
    form: forms.chargeForm,
    initial: () => ({ values: { payer: 'person' } }),
    options: (view, values) => ({
      services: selectItems(view.services.map(({ record }) => ({ value: record.id, text: record.description })), values.serviceId, 'Not for a service in the plan'),
      kinds: radioItems(choices.chargeKindChoices, values.kind),
    }),
    submit: (care, ctx, params, input) => care.addCharge(ctx, params.personId, input),
  },
  {
    url: routes.refund,
    template: 'care-records/views/forms/refund.njk',
    title: 'Record a refund',
    submitText: 'Record the refund',
    returnTo: money,
    form: forms.refundForm,
    initial: (view, params) => ({ values: { ...versionOf(findOrThrow(view.charges, params.chargeId).version), method: 'simple_daily' } }),
    options: (_view, values) => ({ methods: radioItems(choices.interestMethodChoices, values.method) }),
    submit: (care, ctx, params, input) => care.recordRefund(ctx, params.personId, params.chargeId ?? '', input),
  },
  {
    url: routes.newOffer,
    template: 'care-records/views/forms/offer.njk',
    title: 'Record a direct payment or personal health budget offer',
    returnTo: money,
    form: forms.offerForm,
    initial: (view) => ({ values: { dutyId: view.duties.find((d) => d.record.end === undefined)?.record.id ?? '', response: 'pending' } }),
    options: (view, values) => ({ duties: duties(view, values), kinds: radioItems(choices.offerKindChoices, values.kind), responses: radioItems(choices.responseChoices, values.response) }),
    submit: (care, ctx, params, input) => care.addPaymentOffer(ctx, params.personId, input),
  },
  {
    url: routes.offerResponse,
    template: 'care-records/views/forms/offer-response.njk',
    title: 'Record the person’s answer',
    returnTo: money,
    form: forms.offerResponseForm,
    initial: (view, params) => ({ values: versionOf(findOrThrow(view.paymentOffers, params.offerId).version) }),
    options: (_view, values) => ({ responses: radioItems(choices.responseChoices, values.response) }),
    submit: (care, ctx, params, input) => care.recordOfferResponse(ctx, params.personId, params.offerId ?? '', input),
  },
  {
    url: routes.proposeEnding,
    template: 'care-records/views/forms/propose-ending.njk',
    title: 'Propose ending aftercare',
    returnTo: ending,
    form: forms.proposeEndingForm,
    initial: (view, params) => ({ values: versionOf(findOrThrow(view.duties, params.dutyId).version) }),
    options: (_view, values) => ({
      grounds: choices.checkboxItems(choices.groundChoices, forms.listField(values, 'grounds')),
      personInvolved: yesNo(values, 'personInvolved'),
      moveOnPlanInPlace: yesNo(values, 'moveOnPlanInPlace'),
      legalSignOff: yesNo(values, 'legalSignOff'),
    }),
    submit: (care, ctx, params, input) => care.proposeEnding(ctx, params.personId, params.dutyId ?? '', input),
  },
  {
    // The second sign-off ends aftercare: the page says so and asks to confirm (MoJ "confirm an action").
    url: routes.signOff,
    template: 'care-records/views/forms/sign-off.njk',
    title: 'Sign off the ending of aftercare',
    returnTo: ending,
    form: forms.signOffForm,
    initial: (view, params, query) => {
      const duty = findOrThrow(view.duties, params.dutyId);
      const body = query.body === 'health_body' ? 'health_body' : 'local_authority';
      const other = body === 'local_authority' ? duty.record.ending?.healthBodySignOff : duty.record.ending?.localAuthoritySignOff;
      return { values: { ...versionOf(duty.version), body }, locals: { endsAftercare: other !== undefined, bodyName: view.organisations.find((o) => o.id === (body === 'local_authority' ? duty.record.localAuthorityId : duty.record.healthBodyId))?.name } };
    },
    submit: (care, ctx, params, input) => care.signOffEnding(ctx, params.personId, params.dutyId ?? '', input),
  },
  {
    url: routes.withdrawEnding,
    template: 'care-records/views/forms/withdraw-ending.njk',
    title: 'Withdraw the proposal to end aftercare',
    submitText: 'Withdraw the proposal',
    returnTo: ending,
    form: forms.withdrawEndingForm,
    initial: (view, params) => ({ values: versionOf(findOrThrow(view.duties, params.dutyId).version) }),
    submit: (care, ctx, params, input) => care.withdrawEnding(ctx, params.personId, params.dutyId ?? '', input),
  },
  {
    url: routes.reinstate,
    template: 'care-records/views/forms/reinstate.njk',
    title: 'Reinstate aftercare',
    submitText: 'Reinstate aftercare',
    returnTo: ending,
    form: forms.reinstateForm,
    initial: (view, params) => {
      const duty = findOrThrow(view.duties, params.dutyId);
      return { values: versionOf(duty.version), locals: { endedOn: duty.record.end ? formatDate(duty.record.end) : '' } };
    },
    submit: (care, ctx, params, input) => care.reinstateDuty(ctx, params.personId, params.dutyId ?? '', input),
  },
];
