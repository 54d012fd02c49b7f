/**
 * The pages that look across cases: the provider directory as summary cards with the CQC ratings, the
 * funding panel's agenda for a date, and a user's open actions. Pure.
 */
import { previousRejectionBanner } from '../../../domain/coordination/panel-requests.ts';
import type { PanelRequest } from '../../../domain/case-file/schema.ts';
import { formatCivilDate } from '../../register/view-shaping/format.ts';
import { coordinationPaths as paths } from '../paths.ts';
import type { Action } from '../../../domain/case-file/schema.ts';
import { escapeHtml, pounds } from './case-sections.ts';
import * as tags from './tags.ts';

interface ProviderRow {
  organisation: { id: string; name: string; code: string | null; cqc: unknown };
  location: { providerName: string | null; address: string[] | null; postcode: string | null; localAuthority: string | null; serviceTypes: string[] | null; source: string } | null;
}
const keyQuestions = [['safe', 'Safe'], ['effective', 'Effective'], ['caring', 'Caring'], ['responsive', 'Responsive'], ['wellLed', 'Well-led']] as const;
const tagHtml = (tag: { text: string; classes: string }) => `<strong class="govuk-tag ${tag.classes}">${tag.text}</strong>`;
const text = (key: string, value: string | undefined | null) => ({ key: { text: key }, value: { text: value || 'Not recorded' } });

export function providerCards(rows: readonly ProviderRow[]) {
  return rows.map(({ organisation, location }) => {
    const cqc = (organisation.cqc ?? {}) as Record<string, string | undefined>;
    return {
      title: organisation.name,
      tag: tags.ratingTag(cqc.overall),
      rows: [
        text('CQC location ID', organisation.code),
        ...(location?.providerName ? [text('Provider', location.providerName)] : []),
        text('Address', [...(location?.address ?? []), location?.postcode].filter(Boolean).join(', ')),
        ...(location?.localAuthority ? [text('Council area', location.localAuthority)] : []),
        { key: { text: 'Overall rating' }, value: { html: tagHtml(tags.ratingTag(cqc.overall)) } },
        ...keyQuestions.map(([field, label]) => ({ key: { text: label }, value: { html: tagHtml(tags.ratingTag(cqc[field])) } })),
        text('Report date', cqc.reportDate ? formatCivilDate(cqc.reportDate) : undefined),
      ],
    };
  });
}

export function agendaItems(items: readonly { personId: string; personName: string; request: PanelRequest }[], allByPerson: Map<string, PanelRequest[]>, canDecide: boolean) {
  return items.map(({ personId, personName, request }) => ({
    banner: previousRejectionBanner(request, allByPerson.get(personId) ?? [request]),
    card: {
      title: `${personName}: request of ${formatCivilDate(request.submittedOn)}`,
      tag: tags.panelStatusTag(request.decision ?? 'submitted'),
      rows: [text('Proposed service', request.proposal), text('Weekly cost', pounds(request.weeklyCostPence)), ...(request.reasons ? [text('Panel’s reasons', request.reasons)] : [])],
      actions: [
        { href: paths.section(personId, 'panels'), text: 'View case', visuallyHiddenText: ` of ${personName}` },
        ...(canDecide && (!request.decision || request.decision === 'deferred') ? [{ href: paths.form(personId, 'decidePanelRequest', request.id), text: 'Record decision', visuallyHiddenText: ` for ${personName}` }] : []),
      ],
    },
  }));
}

export function myActionRows(items: readonly { personId: string; personName: string; action: Action }[], today: string) {
  return items.map(({ personId, personName, action }) => {
    const tag = tags.actionTag(action.completedOn, action.due, today);
    return [
      { html: `<a class="govuk-link" href="${paths.section(personId, 'meetings')}">${escapeHtml(personName)}</a>` },
      { text: action.text },
      { text: formatCivilDate(action.due) },
      { html: tagHtml(tag) },
    ];
  });
}

