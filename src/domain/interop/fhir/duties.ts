/**
 * EpisodeOfCare per s117 duty, its CareTeam, and an Encounter per detention with the UK Core legal status.
 * The council is the episode's managing organisation; the health body shares the duty, and R4's
 * EpisodeOfCare has one managing organisation, so the health body is a member of the duty's CareTeam (named
 * in `EpisodeOfCare.team`) rather than a new extension.
 */
import type { Detention, Duty } from '../../case-file/schema.ts';
import { legalStatusCodeForSection } from '../legal-status.ts';
import { compact, type ExportContext } from './context.ts';
import { extensions, systems } from './profiles.ts';
import type { Extension, Resource } from './types.ts';

const period = (start: string | undefined, end: string | undefined) => compact({ start, end });

function dutyStatus(ctx: ExportContext, duty: Duty): string {
  if (duty.end !== undefined && duty.end <= ctx.today) return 'finished';
  return duty.start > ctx.today ? 'planned' : 'active';
}

export function episodeOfCare(ctx: ExportContext, duty: Duty): Resource {
  const allocation = ctx.file.allocations.filter((a) => a.dutyId === duty.id && a.from <= ctx.today && (a.to === undefined || ctx.today < a.to)).at(-1);
  const detention = ctx.file.detentions.find((d) => d.id === duty.detentionId);
  return ctx.resource('EpisodeOfCare', duty.id, compact({
    identifier: [{ system: ctx.systems.recordId, value: duty.id }],
    status: dutyStatus(ctx, duty),
    type: [
      {
        coding: [{ system: ctx.systems.episodeType, code: 's117-aftercare', display: 'Section 117 aftercare (Mental Health Act 1983)' }],
        text: `Section 117 aftercare${detention ? ` after detention under section ${detention.section}` : ''}`,
      },
    ],
    patient: ctx.refFor('person'),
    managingOrganization: ctx.refFor(duty.localAuthorityId),
    period: period(duty.start, duty.end),
    careManager: allocation ? ctx.refFor(allocation.staffId) : undefined,
    team: [ctx.ref('CareTeam', duty.id)],
  }));
}

export function careTeam(ctx: ExportContext, duty: Duty): Resource {
  const role = (code: string, display: string) => [{ coding: [{ system: ctx.systems.careTeamRole, code, display }], text: display }];
  const staff = ctx.file.allocations
    .filter((a) => a.dutyId === duty.id)
    .map((a) => compact({ role: role('allocated_worker', 'Allocated worker'), member: ctx.refFor(a.staffId), period: period(a.from, a.to) }));
  return ctx.resource('CareTeam', duty.id, compact({
    status: dutyStatus(ctx, duty) === 'finished' ? 'inactive' : 'active',
    name: 'Section 117 aftercare',
    subject: ctx.refFor('person'),
    period: period(duty.start, duty.end),
    participant: [
      { role: role('responsible_local_authority', 'Council responsible under section 117'), member: ctx.refFor(duty.localAuthorityId) },
      { role: role('responsible_health_body', 'ICB or local health board responsible under section 117'), member: ctx.refFor(duty.healthBodyId) },
      ...staff,
    ],
    managingOrganization: [ctx.refFor(duty.localAuthorityId), ctx.refFor(duty.healthBodyId)].filter((r) => r !== undefined),
  }));
}

/**
 * Each section is its own Encounter (a chain 136 → 2 → 3 gives three), so the legal status is recorded with
 * context "admission": the status at the start of detention under that section. A section with no code
 * (`other`) carries its words in `type` and no extension, since the extension needs a classification.
 */
export function encounter(ctx: ExportContext, detention: Detention): Resource {
  const code = legalStatusCodeForSection(detention.section);
  const legalStatus: Extension | undefined = code && {
    url: extensions.legalStatus,
    extension: [
      { url: 'legalStatusContext', valueCodeableConcept: { coding: [{ system: systems.legalStatusContext, code: 'admission', display: 'Admission' }] } },
      { url: 'legalStatusClassification', valueCodeableConcept: { coding: [{ system: systems.legalStatusClassificationEngland, code: code.code, display: code.display }] } },
    ],
  };
  // the period is the detention under this section; leaving hospital later (an informal stay) is the duty's start
  const end = detention.end;
  const duty = ctx.file.duties.find((d) => d.detentionId === detention.id);
  return ctx.resource('Encounter', detention.id, compact({
    extension: legalStatus ? [legalStatus] : undefined,
    identifier: [{ system: ctx.systems.recordId, value: detention.id }],
    status: end !== undefined && end <= ctx.today ? 'finished' : 'in-progress',
    class: { system: systems.actCode, code: 'IMP', display: 'inpatient encounter' },
    type: [{ text: detention.section === 'other' ? 'Detention (other power)' : `Detention under section ${detention.section} of the Mental Health Act 1983` }],
    subject: ctx.refFor('person'),
    episodeOfCare: duty ? [ctx.ref('EpisodeOfCare', duty.id)] : undefined,
    period: period(detention.start, end),
    location: detention.hospital ? [{ location: { display: detention.hospital } }] : undefined,
  }));
}
