/**
 * The care-records forms, one spec each: where it lives, its template, how its answers become the
 * service's input, its choices, and where it returns. The rules themselves are the service's.
 */
import { dutyChoices, radioItems, selectItems, yesNoChoices } from '../register/view-shaping/options.ts';
import type { FormBody } from '../register/view-shaping/forms.ts';
import type { CareRecordsView } from './care-reads.ts';
import { formatDate } from '../../domain/care-records/wording.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Charge } from '../../domain/case-file/schema.ts';
import type { CareFormSpec, Organisation, Params } from './form-routes.ts';
import { endChargeRows, endingProposalRows, endServiceRows } from './view-shaping/check-answers.ts';
import { needValues, serviceValues } from './view-shaping/record-values.ts';
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
/** The need a change or removal is about, with its plan, or NotFound. */
function findNeed(view: CareRecordsView, params: Params) {
  const plan = findOrThrow(view.carePlans, params.planId);
  const need = plan.record.needs.find((candidate) => candidate.id === params.needId);
  if (!need) throw new NotFoundError('No such need');
  return { plan, need };
}
const chargeName = (view: CareRecordsView, charge: Charge) => {
  const service = charge.serviceId ? view.services.find(({ record }) => record.id === charge.serviceId)?.record.description : undefined;
  return `${choices.chargeKindLabels[charge.kind]}${service ? ` for ${service}` : ''}`;
};

/** A service's choices. Changing one offers the needs of its own duty's current plans, and any it already meets. */
function serviceOptions(view: CareRecordsView, values: FormBody, organisations: Organisation[], dutyId?: string) {
  const chosen = forms.listField(values, 'needIds');
  const plans = view.carePlans.filter(({ record }) => (dutyId === undefined || record.dutyId === dutyId) && (record.status !== 'superseded' || record.needs.some((need) => chosen.includes(need.id))));
  return {
    duties: duties(view, values),
    needs: choices.checkboxItems(plans.flatMap(({ record }) => record.needs.map((need) => ({ value: need.id, text: needText(need) }))), chosen),
    kinds: selectItems(choices.serviceKindChoices, values.kind, 'Select the kind of service'),
    providers: selectItems(organisations.filter((o) => ['provider', 'voluntary', 'nhs_trust'].includes(o.kind)).map((o) => ({ value: o.id, text: o.name })), values.providerId, 'Not known yet'),
    statuses: radioItems(choices.serviceStatusChoices, values.status),
    aftercare: yesNo(values, 'aftercare'),
    relatedToOriginalCondition: yesNo(values, 'relatedToOriginalCondition'),
    enhancedSpecialised: yesNo(values, 'enhancedSpecialised'),
    reducesRisk: yesNo(values, 'reducesRisk'),
  };
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
      return { values: { dutyId: query.dutyId ?? view.duties.find((d) => d.record.end === undefined)?.record.id ?? '', copyFromPlanId: from?.id ?? '', coordinatingFramework: (from?.ext?.coordinatingFramework as string | undefined) ?? '' }, locals: { copyFromPlan: from && (from.agreedOn ? `the plan agreed on ${formatDate(from.agreedOn)}` : 'the earlier plan') } };
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
    url: routes.changeNeed,
    template: 'care-records/views/forms/need.njk',
    title: 'Change the need',
    returnTo: plan,
    form: forms.needForm,
    initial: (view, params) => {
      const { plan: found, need } = findNeed(view, params);
      return { values: needValues(need, found.version) };
    },
    options: (_view, values) => ({ related: yesNo(values, 'relatedToMentalDisorder'), categories: selectItems(choices.needCategoryChoices, values.category, 'Select the kind of need') }),
    submit: (care, ctx, params, input) => care.changeNeed(ctx, params.personId, params.planId ?? '', params.needId ?? '', input),
  },
  {
    // The page is the confirmation: it shows the need and one button to remove it.
    url: routes.removeNeed,
    template: 'care-records/views/forms/remove-need.njk',
    title: 'Are you sure you want to remove this need from the plan?',
    submitText: 'Remove the need',
    submitClasses: 'govuk-button--warning',
    returnTo: plan,
    form: forms.removeNeedForm,
    initial: (view, params) => {
      const { plan: found, need } = findNeed(view, params);
      return { values: versionOf(found.version), locals: { needText: needText(need) } };
    },
    submit: (care, ctx, params, input) => care.removeNeed(ctx, params.personId, params.planId ?? '', params.needId ?? '', input),
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
    options: (view, values, _params, organisations) => serviceOptions(view, values, organisations),
    submit: (care, ctx, params, input) => care.addService(ctx, params.personId, input),
  },
  {
    // The classification is re-run by the service; charges it now refuses are listed on the money page.
    url: routes.changeService,
    template: 'care-records/views/forms/service.njk',
    title: 'Change the service',
    returnTo: plan,
    redirectTo: (params, result) => ((result as { chargesToRefund: unknown[] }).chargesToRefund.length ? paths.moneyAfterChange(params.personId, params.serviceId ?? '') : plan(params)),
    form: forms.changeServiceForm,
    needsOrganisations: true,
    initial: (view, params) => {
      const service = findOrThrow(view.services, params.serviceId);
      return { values: serviceValues(service.record, service.version), locals: { changing: true } };
    },
    options: (view, values, params, organisations) => serviceOptions(view, values, organisations, findOrThrow(view.services, params.serviceId).record.dutyId),
    submit: (care, ctx, params, input) => care.changeService(ctx, params.personId, params.serviceId ?? '', input),
  },
  {
    url: routes.endService,
    template: 'care-records/views/forms/end-service.njk',
    title: 'End the service',
    submitText: 'Continue',
    returnTo: plan,
    form: forms.endServiceForm,
    initial: (view, params) => {
      const service = findOrThrow(view.services, params.serviceId);
      return { values: versionOf(service.version), locals: { serviceDescription: service.record.description, startedOn: service.record.start ? formatDate(service.record.start) : '' } };
    },
    confirm: {
      title: 'Are you sure you want to end this service?',
      submitText: 'End the service',
      warning: () => 'The service will be recorded as ended on this date.',
      rows: (view, values, params) => endServiceRows(findOrThrow(view.services, params.serviceId).record.description, values),
      rehearse: (care, ctx, params, input) => care.rehearse.endService(ctx, params.personId, params.serviceId ?? '', input),
    },
    submit: (care, ctx, params, input) => care.endService(ctx, params.personId, params.serviceId ?? '', input),
  },
  {
    url: routes.fundingShare,
    template: 'care-records/views/forms/funding-share.njk',
    title: 'Add a funding share',
    returnTo: plan,
    form: forms.fundingShareForm,
    initial: (view, params) => {
      const service = findOrThrow(view.services, params.serviceId);
      return { values: versionOf(service.version), locals: { serviceDescription: service.record.description } };
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
      return { values: versionOf(service.version), locals: { serviceDescription: service.record.description } };
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
    url: routes.endCharge,
    template: 'care-records/views/forms/end-charge.njk',
    title: 'End the charge',
    submitText: 'Continue',
    returnTo: money,
    form: forms.endChargeForm,
    initial: (view, params) => {
      const charge = findOrThrow(view.charges, params.chargeId);
      return { values: versionOf(charge.version), locals: { chargeName: chargeName(view, charge.record), chargeFrom: formatDate(charge.record.from) } };
    },
    confirm: {
      title: 'Are you sure you want to end this charge?',
      submitText: 'End the charge',
      warning: () => 'The person will not be asked to pay this charge after that date.',
      rows: (view, values, params) => {
        const charge = findOrThrow(view.charges, params.chargeId).record;
        return endChargeRows(chargeName(view, charge), charge.from, values);
      },
      rehearse: (care, ctx, params, input) => care.rehearse.endCharge(ctx, params.personId, params.chargeId ?? '', input),
    },
    submit: (care, ctx, params, input) => care.endCharge(ctx, params.personId, params.chargeId ?? '', input),
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
    submitText: 'Continue',
    returnTo: ending,
    form: forms.proposeEndingForm,
    // Check your answers first; a refusal (a CTO in force, improper grounds) shows on the form, naming why.
    confirm: {
      title: 'Check your answers before proposing to end aftercare',
      submitText: 'Propose ending aftercare',
      rows: (_view, values) => endingProposalRows(values),
      rehearse: (care, ctx, params, input) => care.rehearse.proposeEnding(ctx, params.personId, params.dutyId ?? '', input),
    },
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
