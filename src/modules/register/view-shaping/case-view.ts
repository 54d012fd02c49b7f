/**
 * A person's case as the pages show it: the MoJ identity bar (name, NHS number as 3 3 4, date of birth, a
 * tag per open duty), the sub-navigation (only sections that exist), and each record as a GOV.UK summary
 * card. Pure, so it is tested alone; templates only lay these out.
 */
import type { Organisation } from '../../../domain/case-file/schema.ts';
import { organisationLabel } from '../../../domain/interop/successor-display.ts';
import type { PersonCaseDto } from '../api-schemas.ts';
import { registerPaths, type PersonSection } from '../paths.ts';
import { describeCode, formatCivilDate, formatNhsNumber, fullName, humanise, period, periodPhrase, sectionName } from './format.ts';
import { isOpenOn, statusTag, type TagView } from './status-tags.ts';

export interface SummaryRow {
  key: { text: string };
  /** Text, or HTML that the caller has already escaped (a tag, a link). */
  value: { text: string } | { html: string };
}
export interface SummaryCard {
  title: string;
  tag?: TagView;
  rows: SummaryRow[];
  actions?: { href: string; text: string; visuallyHiddenText: string }[];
}

const row = (key: string, value: string | undefined | null): SummaryRow => ({ key: { text: key }, value: { text: value || 'Not recorded' } });

export function identityBar(view: PersonCaseDto, today: string) {
  const orgName = organisationNamer(view, today);
  return {
    name: fullName(view.person),
    nhsNumber: view.person.nhsNumber ? formatNhsNumber(view.person.nhsNumber) : 'Not recorded',
    dateOfBirth: view.person.dateOfBirth ? formatCivilDate(view.person.dateOfBirth) : 'Not recorded',
    dateOfDeath: view.person.dateOfDeath ? formatCivilDate(view.person.dateOfDeath) : undefined,
    tags: view.duties
      .filter((duty) => duty.start <= today && isOpenOn(duty.end as string | undefined, today))
      // Tags stay short (GOV.UK tags are narrow); the bodies responsible are read out to screen readers.
      .map((duty) => ({
        ...statusTag('open', 'Open duty'),
        detail: ` from ${formatCivilDate(duty.start)}: ${orgName(duty.localAuthorityId)} and ${orgName(duty.healthBodyId)}`,
      })),
  };
}

const sectionLabels: Record<PersonSection, string> = {
  overview: 'Overview',
  duties: 'Detentions and duties',
  contacts: 'Contacts',
  residence: 'Residence and GP',
  allocation: 'Allocation',
};

/** A section another capability adds to the case page (its key, its link text, its path for a person). */
export interface ExtraPersonSection {
  key: string;
  text: string;
  href(personId: string): string;
}

/** The register's sections, then those other capabilities add: only sections that exist, so no dead link. */
export function subNavigation(personId: string, active: string, extra: readonly ExtraPersonSection[] = []) {
  return [
    ...(Object.keys(sectionLabels) as PersonSection[]).map((section) => ({
      text: sectionLabels[section],
      href: registerPaths.people.section(personId, section),
      active: section === active,
    })),
    ...extra.map((section) => ({ text: section.text, href: section.href(personId), active: section.key === active })),
  ];
}

/**
 * Names organisations by id. Given today, a body that has since ceased is named as recorded with who answers
 * for it now ("… (now part of NHS Central East Integrated Care Board from 1 April 2026)").
 */
export function organisationNamer(view: Pick<PersonCaseDto, 'organisations'>, today?: string) {
  const byId = new Map(view.organisations.map((o) => [o.id, o as Organisation]));
  return (id: unknown) => {
    if (typeof id !== 'string') return '';
    const org = byId.get(id);
    if (!org) return id;
    return today === undefined ? org.name : organisationLabel(org, byId, today);
  };
}

export function personCard(view: PersonCaseDto): SummaryCard {
  const p = view.person;
  return {
    title: 'Personal details',
    rows: [
      row('Name', fullName(p)),
      row('NHS number', p.nhsNumber ? formatNhsNumber(p.nhsNumber) : undefined),
      row('Date of birth', p.dateOfBirth ? formatCivilDate(p.dateOfBirth) : undefined),
      ...(p.dateOfDeath ? [row('Date of death', formatCivilDate(p.dateOfDeath))] : []),
      row('Address', p.address?.join(', ')),
      row('Communication needs', p.communicationNeeds?.join('; ')),
      row('Email', p.email),
      row('Phone', p.phone),
    ],
  };
}

export function detentionCards(view: PersonCaseDto): SummaryCard[] {
  return view.detentions.map((d) => {
    const leave = (d.leave as { from: string; to?: string; kind: string }[] | undefined) ?? [];
    return {
      title: `${sectionName(d.section)}, ${periodPhrase(d.start, d.end as string | undefined)}`,
      rows: [
        row('Began', formatCivilDate(d.start)),
        row('Ended', d.end ? formatCivilDate(d.end as string) : 'Still detained'),
        ...(d.leftHospital ? [row('Left hospital', formatCivilDate(d.leftHospital as string))] : []),
        row('Hospital', d.hospital as string | undefined),
        ...(d.kind ? [row('Kind', humanise(d.kind as string))] : []),
        ...(leave.length ? [row('Section 17 leave', leave.map((l) => `${humanise(l.kind)}: ${period(l.from, l.to)}`).join('; '))] : []),
      ],
    };
  });
}

export function dutyCards(view: PersonCaseDto, today: string): SummaryCard[] {
  const orgName = organisationNamer(view, today);
  const detentions = new Map(view.detentions.map((d) => [d.id, d]));
  return view.duties.map((duty) => {
    const open = isOpenOn(duty.end as string | undefined, today);
    const detention = detentions.get(duty.detentionId);
    return {
      title: `Section 117 duty from ${formatCivilDate(duty.start)}`,
      tag: open ? statusTag('open', 'Open') : statusTag('ended', 'Ended'),
      rows: [
        row('Arose from', detention ? `${sectionName(detention.section)} from ${formatCivilDate(detention.start)}` : duty.detentionId),
        row('Responsible council', orgName(duty.localAuthorityId)),
        row('Responsible ICB or health board', orgName(duty.healthBodyId)),
        row('Began', formatCivilDate(duty.start)),
        ...(duty.end ? [row('Ended', formatCivilDate(duty.end as string)), row('Why it ended', humanise(duty.endReason as string | undefined))] : []),
      ],
      ...(open ? { actions: [{ href: registerPaths.people.duties.end(view.person.id, duty.id), text: 'End', visuallyHiddenText: ` the duty from ${formatCivilDate(duty.start)}` }] } : {}),
    };
  });
}

export function contactCards(view: PersonCaseDto): SummaryCard[] {
  const orgName = organisationNamer(view);
  return view.contacts.map((c) => {
    const consent = c.consent as { given: boolean; date: string } | undefined;
    return {
      title: c.name,
      rows: [
        row('Role', humanise(c.role)),
        ...(c.organisationId ? [row('Organisation', orgName(c.organisationId))] : []),
        row('Acts for the person', c.actsForPerson ? 'Yes' : 'No'),
        row('Consent to share', consent ? `${consent.given ? 'Given' : 'Refused'} on ${formatCivilDate(consent.date)}` : 'Not recorded'),
        row('Phone', c.phone as string | undefined),
        row('Email', c.email as string | undefined),
        ...(c.address ? [row('Address', (c.address as string[]).join(', '))] : []),
      ],
    };
  });
}

export function residenceCards(view: PersonCaseDto): SummaryCard[] {
  const orgName = organisationNamer(view);
  return view.residences.map((r) => ({
    title: `${describeCode(r.kind)}, ${periodPhrase(r.from, r.to as string | undefined)}`,
    rows: [
      row('Nation', describeCode(r.nation)),
      row('Council area', orgName(r.localAuthorityId)),
      row('ICB or health board area', orgName(r.healthBodyId)),
      ...(r.ordinarilyResident ? [row('Ordinarily resident', humanise(r.ordinarilyResident as string))] : []),
      ...(r.placedById ? [row('Placed by', `${orgName(r.placedById)}${r.placedUnder ? ` under ${describeCode(r.placedUnder as string)}` : ''}`)] : []),
      ...(r.legalCondition ? [row('Legal condition', describeCode(r.legalCondition as string))] : []),
    ],
  }));
}

export function gpCards(view: PersonCaseDto): SummaryCard[] {
  const orgName = organisationNamer(view);
  return view.gpRegistrations.map((g) => ({
    title: `GP registration, ${periodPhrase(g.from, g.to as string | undefined)}`,
    rows: [row('Practice code', g.practiceCode as string | undefined), row('ICB or health board', orgName(g.healthBodyId))],
  }));
}

export function allocationCards(view: PersonCaseDto, today: string): SummaryCard[] {
  const staffNames = new Map(view.staff.map((s) => [s.id, s.name]));
  const duties = new Map(view.duties.map((d) => [d.id, d]));
  return view.allocations.map((a) => {
    const open = isOpenOn(a.to as string | undefined, today);
    const duty = duties.get(a.dutyId);
    return {
      title: staffNames.get(a.staffId) ?? a.staffId,
      tag: open ? statusTag('allocated', 'Allocated') : statusTag('ended', 'Ended'),
      rows: [
        row('Duty', duty ? `Section 117 duty from ${formatCivilDate(duty.start)}` : a.dutyId),
        row('Allocated', period(a.from, a.to as string | undefined)),
      ],
      ...(open ? { actions: [{ href: registerPaths.people.allocations.end(view.person.id, a.id), text: 'End', visuallyHiddenText: ` the allocation of ${staffNames.get(a.staffId) ?? a.staffId}` }] } : {}),
    };
  });
}

/** The overview's answer to "is anyone working with this person?". */
export function allocationStatus(view: PersonCaseDto, today: string): TagView {
  const current = view.allocations.filter((a) => isOpenOn(a.to as string | undefined, today));
  return current.length ? statusTag('allocated', 'Allocated') : statusTag('unallocated', 'Not allocated');
}
