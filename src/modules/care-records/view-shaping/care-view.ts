/**
 * A person's care records as the pages show them: per duty, the payment-offer prompt, the plans and the
 * services as GOV.UK summary cards (with the suggested classification and any conflict, the funding split
 * and what each body pays); the charges with the guard's warning on any that would be refused now; the
 * offers; and the ending workflow as a task list. Pure, so it is tested alone; templates only lay it out.
 */
import { formatDate as date, formatPounds as pounds } from '../../../domain/care-records/wording.ts';
import type { CarePlan, Duty, Service } from '../../../domain/case-file/schema.ts';
import type { CareRecordsView } from '../care-reads.ts';
import { careRecordsPaths as paths } from '../paths.ts';
import { chargeKindLabels, frameworkLabels, groundLabels, needCategoryLabels, offerKindLabels, responseLabels, serviceKindLabels } from './choices.ts';

type Tag = { text: string; classes: string };
type Action = { href: string; text: string; visuallyHiddenText: string };
export interface SummaryRow {
  key: { text: string };
  value: { text: string } | { html: string };
  actions?: { items: Action[] };
}
export interface SummaryCard {
  title: string;
  tag?: Tag;
  rows: SummaryRow[];
  actions?: Action[];
}
const row = (key: string, value: string | undefined): SummaryRow => ({ key: { text: key }, value: { text: value || 'Not recorded' } });
const htmlRow = (key: string, items: string[]): SummaryRow => ({ key: { text: key }, value: { html: items.length ? `<ul class="govuk-list">${items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>` : 'None' } });
/**
 * A row's own "Change" link. The hidden text names what changes; the summary card adds its title (the
 * record) after it, so a screen reader hears "Change weekly cost (Supported living, Elm House …)".
 */
const withChange = (summary: SummaryRow, href: string | undefined, what: string): SummaryRow => (href ? { ...summary, actions: { items: [{ href, text: 'Change', visuallyHiddenText: what }] } } : summary);
const period = (from?: string, to?: string) => (from ? (to ? `${date(from)} to ${date(to)}` : `From ${date(from)}`) : 'Not started');

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function namer(view: Pick<CareRecordsView, 'organisations'>) {
  const names = new Map(view.organisations.map((o) => [o.id, o.name]));
  return (id: string | undefined) => (id === undefined ? undefined : id === 'person' ? 'The person' : (names.get(id) ?? id));
}

export const planStatusTag: Record<CarePlan['status'], Tag> = {
  draft: { text: 'Draft', classes: 'govuk-tag--blue' },
  agreed: { text: 'Agreed', classes: 'govuk-tag--green' },
  superseded: { text: 'Replaced', classes: 'govuk-tag--grey' },
};

export function dutyTitle(duty: Duty, name: (id: string) => string | undefined): string {
  return `Section 117 duty from ${date(duty.start)}: ${name(duty.localAuthorityId)} and ${name(duty.healthBodyId)}`;
}

export function planCards(personId: string, view: CareRecordsView, dutyId: string, canWrite: boolean): SummaryCard[] {
  return view.carePlans
    .filter(({ record }) => record.dutyId === dutyId)
    .map(({ record: plan, reviewDue }) => {
      const ext = plan.ext ?? {};
      const shared = (ext.sharedWith as { sentTo: string[]; sentOn: string }[] | undefined) ?? [];
      const actions: NonNullable<SummaryCard['actions']> = [];
      const hidden = `the plan ${plan.agreedOn ? `agreed on ${date(plan.agreedOn)}` : 'in draft'}`;
      if (canWrite && plan.status === 'draft') {
        actions.push({ href: paths.carePlans.addNeed(personId, plan.id), text: 'Add a need', visuallyHiddenText: `to ${hidden}` });
        actions.push({ href: paths.carePlans.agree(personId, plan.id), text: 'Agree', visuallyHiddenText: hidden });
      }
      if (canWrite && plan.status === 'agreed') {
        actions.push({ href: paths.carePlans.review(personId, plan.id), text: 'Record a review', visuallyHiddenText: `of ${hidden}` });
        actions.push({ href: paths.carePlans.share(personId, plan.id), text: 'Record who it was sent to', visuallyHiddenText: `: ${hidden}` });
        actions.push({ href: paths.carePlans.new(personId, dutyId, plan.id), text: 'Start a new version', visuallyHiddenText: `of ${hidden}` });
      }
      if (plan.status !== 'draft') actions.push({ href: paths.carePlans.print(personId, plan.id), text: 'Print', visuallyHiddenText: hidden });
      return {
        title: plan.agreedOn ? `Aftercare plan agreed on ${date(plan.agreedOn)}` : 'Draft aftercare plan',
        tag: planStatusTag[plan.status],
        rows: [
          row('Coordinating framework', frameworkLabels[String(ext.coordinatingFramework)]),
          htmlRow('Who was involved', (ext.involved as string[] | undefined) ?? []),
          ...needRows(personId, plan, canWrite),
          row('Review due', reviewDue ? date(reviewDue) : plan.status === 'draft' ? '12 months after the plan is agreed' : undefined),
          row('Reviews held', (plan.reviewedOn ?? []).map(date).join(', ') || 'None yet'),
          htmlRow('Sent to', shared.map((s) => `${s.sentTo.join(', ')} on ${date(s.sentOn)}`)),
        ],
        actions,
      };
    });
}

/**
 * The plan's needs: one list, or — on a draft, for a user who may change it — one row per need, each with
 * "Change" and "Remove" (an agreed plan changes only in a new version, PLAN-04).
 */
function needRows(personId: string, plan: CarePlan, canWrite: boolean): SummaryRow[] {
  if (!canWrite || plan.status !== 'draft' || plan.needs.length === 0) return [htmlRow('Needs', plan.needs.map(needText))];
  return plan.needs.map((need, index) => ({
    key: { text: `Need ${index + 1}` },
    value: { text: needText(need) },
    actions: {
      items: [
        { href: paths.carePlans.changeNeed(personId, plan.id, need.id), text: 'Change', visuallyHiddenText: `need ${index + 1}: ${need.description}` },
        { href: paths.carePlans.removeNeed(personId, plan.id, need.id), text: 'Remove', visuallyHiddenText: `need ${index + 1}: ${need.description}` },
      ],
    },
  }));
}

export function needText(need: CarePlan['needs'][number]): string {
  const category = need.category ? `${needCategoryLabels[need.category]}: ` : '';
  return `${category}${need.description}${need.relatedToMentalDisorder ? ' (related to the mental disorder)' : ' (not related to the mental disorder)'}`;
}

export function serviceCards(personId: string, view: CareRecordsView, dutyId: string, canWrite: boolean): (SummaryCard & { warnings: string[] })[] {
  const name = namer(view);
  return view.services
    .filter(({ record }) => record.dutyId === dutyId)
    .map(({ record: service, classification, funding }) => {
      const suggestion = { aftercare: 'Aftercare', not_aftercare: 'Not aftercare', undecided: 'Cannot tell yet' }[classification.suggested];
      const warnings = [
        ...(classification.conflictsWithRecord || classification.classificationUnclear ? classification.reasons.filter((r) => r.field === 'aftercare' || r.ruleId === 'SERV-04').map((r) => r.reason) : []),
        ...(funding?.reasons.map((r) => r.reason) ?? []),
      ];
      const actions: NonNullable<SummaryCard['actions']> = canWrite
        ? [
            { href: paths.services.funding(personId, service.id), text: 'Add a funding share', visuallyHiddenText: `for ${service.description}` },
            { href: paths.services.topUp(personId, service.id), text: 'Record a top-up', visuallyHiddenText: `for ${service.description}` },
            ...(service.status === 'ended' ? [] : [{ href: paths.services.end(personId, service.id), text: 'End', visuallyHiddenText: 'the service' }]),
          ]
        : [];
      const change = (field: string) => (canWrite ? paths.services.change(personId, service.id, field) : undefined);
      return {
        title: service.description,
        tag: service.aftercare ? { text: 'Aftercare: free', classes: 'govuk-tag--green' } : { text: 'Not aftercare', classes: 'govuk-tag--grey' },
        rows: [
          withChange(row('Service', service.description), change('description'), 'name'),
          withChange(row('Kind', serviceKindLabels[service.kind]), change('kind'), 'kind'),
          withChange(row('Provider', name(service.providerId)), change('providerId'), 'provider'),
          withChange(row('Dates', period(service.start, service.end)), change('start'), 'dates'),
          withChange(row('Status', { planned: 'Planned', active: 'In place', ended: 'Ended' }[service.status]), change('status'), 'status'),
          withChange(row('Weekly cost', service.weeklyCostPence === undefined ? undefined : pounds(service.weeklyCostPence)), change('weeklyCost'), 'weekly cost'),
          withChange(row('Section 117 aftercare', service.aftercare ? 'Yes: it must be free' : 'No'), change('aftercare'), 'whether it is section 117 aftercare'),
          withChange(row('Why it is classified so', service.ext?.classificationReason as string | undefined), change('classificationReason'), 'why it is classified so'),
          htmlRow(`Suggested: ${suggestion}`, classification.reasons.map((r) => `${r.reason} (${r.ruleId})`)),
          ...accommodationRows(service).map((answer, index) => withChange(answer, change(accommodationFields[index] ?? 'aftercare'), answer.key.text.toLowerCase())),
          htmlRow('Funding split', (service.funding ?? []).map((share) => `${period(share.from, share.to)}: council ${share.localAuthorityPercent}%, health body ${share.healthBodyPercent}%${fundingBasis(service, share.from, share.panelRequestId)}`)),
          row('Paid so far', funding ? `Council ${pounds(funding.localAuthorityPence)}, health body ${pounds(funding.healthBodyPence)}${funding.unfundedPence ? `, no agreed split ${pounds(funding.unfundedPence)}` : ''}` : undefined),
          row('Top-up', service.topUp ? `${name(service.topUp.payer)} pays ${pounds(service.topUp.weeklyPence)} a week, ${period(service.topUp.from, service.topUp.to).toLowerCase()}` : 'None'),
        ],
        actions,
        warnings,
      };
    });
}

function fundingBasis(service: Service, from: string, panelRequestId?: string): string {
  const agreement = (service.ext?.fundingAgreements as Record<string, string> | undefined)?.[from];
  const basis = [panelRequestId ? `panel request ${panelRequestId}` : undefined, agreement].filter(Boolean);
  return basis.length ? ` (${basis.join('; ')})` : ' (no agreement recorded)';
}

const accommodationFields = ['relatedToOriginalCondition', 'enhancedSpecialised', 'reducesRisk'];
function accommodationRows(service: Service): SummaryRow[] {
  if (!['accommodation', 'supported_living', 'residential_care', 'nursing_care'].includes(service.kind)) return [];
  const answer = (value: boolean | undefined) => (value === undefined ? 'Not answered' : value ? 'Yes' : 'No');
  const plus = service.accommodationPlus ?? {};
  return [
    row('Need comes from the reason for detention', answer(plus.relatedToOriginalCondition)),
    row('Enhanced, specialised accommodation', answer(plus.enhancedSpecialised)),
    row('Reduces the risk of deterioration', answer(plus.reducesRisk)),
  ];
}

export function chargeRows(personId: string, view: CareRecordsView, canWrite: boolean) {
  const name = namer(view);
  const services = new Map(view.services.map(({ record }) => [record.id, record.description]));
  return view.charges.map(({ record: charge, guard }) => ({
    id: charge.id,
    kind: chargeKindLabels[charge.kind],
    service: charge.serviceId ? (services.get(charge.serviceId) ?? charge.serviceId) : 'No service',
    payer: name(charge.payer),
    period: period(charge.from, charge.to),
    weekly: charge.weeklyPence === undefined ? 'Not recorded' : pounds(charge.weeklyPence),
    refund: charge.refund ? `${pounds(charge.refund.pence)} and ${pounds(charge.refund.interestPence ?? 0)} interest, ${date(charge.refund.date)}` : undefined,
    warning: guard.refused && !guard.refunded ? guard.reasons.map((r) => r.reason).join(' ') : undefined,
    refundHref: canWrite && !charge.refund ? paths.charges.refund(personId, charge.id) : undefined,
    endHref: canWrite && charge.to === undefined ? paths.charges.end(personId, charge.id) : undefined,
    serviceId: charge.serviceId,
  }));
}

export function offerRows(personId: string, view: CareRecordsView, canWrite: boolean) {
  return view.paymentOffers.map(({ record: offer, version }) => ({
    kind: offerKindLabels[offer.kind],
    offeredOn: date(offer.offeredOn),
    weekly: offer.weeklyPence === undefined ? 'Not recorded' : pounds(offer.weeklyPence),
    response: `${responseLabels[offer.response]}${offer.respondedOn ? ` on ${date(offer.respondedOn)}` : ''}`,
    reviewOn: offer.reviewOn ? date(offer.reviewOn) : 'Not set',
    responseHref: canWrite ? paths.offers.response(personId, offer.id) : undefined,
    version,
  }));
}

const done = { text: 'Completed', classes: 'govuk-tag--green' };
const waiting = { text: 'Not yet', classes: 'govuk-tag--grey' };

/** The ending workflow as a GOV.UK task list: propose, both sign-offs (either order), ended. */
export function endingTasks(personId: string, duty: Duty, state: string, name: (id: string) => string | undefined, canWrite: boolean) {
  const ending = duty.ending;
  const signed = (signOff: { staffId: string; date: string } | undefined) => (signOff ? `Signed off on ${date(signOff.date)}` : undefined);
  const canSign = canWrite && ['proposed', 'council_signed_off', 'health_body_signed_off'].includes(state);
  return [
    { title: { text: 'Propose ending aftercare' }, hint: { text: ending ? `Reasons: ${ending.grounds.map((g) => groundLabels[g]).join('; ')}` : 'Record the review, the person’s involvement and the reasons' }, href: canWrite && state === 'open' ? paths.ending.propose(personId, duty.id) : undefined, status: { tag: ending ? done : waiting } },
    { title: { text: `Sign-off by ${name(duty.localAuthorityId)}` }, hint: { text: signed(ending?.localAuthoritySignOff) ?? 'The council must agree the person no longer needs aftercare' }, href: canSign && !ending?.localAuthoritySignOff ? `${paths.ending.signOff(personId, duty.id)}?body=local_authority` : undefined, status: { tag: ending?.localAuthoritySignOff ? done : waiting } },
    { title: { text: `Sign-off by ${name(duty.healthBodyId)}` }, hint: { text: signed(ending?.healthBodySignOff) ?? 'The health body must agree too' }, href: canSign && !ending?.healthBodySignOff ? `${paths.ending.signOff(personId, duty.id)}?body=health_body` : undefined, status: { tag: ending?.healthBodySignOff ? done : waiting } },
    { title: { text: 'Aftercare ended' }, hint: { text: duty.end ? `Ended on ${date(duty.end)}${duty.endReason === 'redetained' ? ' because the person was detained again' : ''}` : 'Ends when both bodies have signed off' }, status: { tag: duty.end ? { text: 'Ended', classes: 'govuk-tag--grey' } : waiting } },
  ];
}

export const endingStateTag: Record<string, Tag> = {
  open: { text: 'Open', classes: 'govuk-tag--green' },
  proposed: { text: 'Ending proposed', classes: 'govuk-tag--yellow' },
  council_signed_off: { text: 'Council signed off', classes: 'govuk-tag--yellow' },
  health_body_signed_off: { text: 'Health body signed off', classes: 'govuk-tag--yellow' },
  ended: { text: 'Ended', classes: 'govuk-tag--grey' },
};
