/**
 * The sections of a person's case page, in the order of its sub-navigation. Each capability adds its
 * section here; the sub-navigation shows only these, so it never has a dead link. Sections are grouped
 * (Case, Plan and money, Coordination, Complaints, History): the page shows the groups, then the pages
 * of the current group.
 */
import { careRecordsPaths } from '../modules/care-records/paths.ts';
import { complaintsPaths } from '../modules/complaints/paths.ts';

import { alertsPaths } from '../modules/alerts/paths.ts';
import { chronologyPaths } from '../modules/chronology/paths.ts';
import { coordinationPaths } from '../modules/coordination/paths.ts';
import { registerPaths, type PersonSection as RegisterSection } from '../modules/register/paths.ts';

export const personSectionGroups = ['Case', 'Plan and money', 'Coordination', 'Complaints', 'History'] as const;
export type PersonSectionGroup = (typeof personSectionGroups)[number];

export interface PersonSection {
  key: string;
  text: string;
  group: PersonSectionGroup;
  /** The section's path for a person (from the module's typed paths). */
  href(personId: string): string;
}

export const personSections: PersonSection[] = [
  { key: 'alerts', text: 'Alerts', group: 'Case', href: alertsPaths.person },
  { key: 'plan', text: 'Plan and services', group: 'Plan and money', href: careRecordsPaths.plan },
  { key: 'money', text: 'Money', group: 'Plan and money', href: careRecordsPaths.money },
  { key: 'panels', text: 'Panels and placements', group: 'Coordination', href: (id) => coordinationPaths.section(id, 'panels') },
  { key: 'meetings', text: 'Meetings and decisions', group: 'Coordination', href: (id) => coordinationPaths.section(id, 'meetings') },
  { key: 'letters', text: 'Letters and contact', group: 'Coordination', href: (id) => coordinationPaths.section(id, 'letters') },
  { key: 'complaints', text: 'Complaints', group: 'Complaints', href: complaintsPaths.section },
  { key: 'chronology', text: 'Chronology', group: 'History', href: chronologyPaths.chronology },
  { key: 'journey', text: 'Journey', group: 'History', href: chronologyPaths.journey },
];

const registerSections: RegisterSection[] = ['overview', 'duties', 'contacts', 'residence', 'allocation'];

export interface NavigationLink {
  text: string;
  href: string;
  active?: boolean;
}

export interface PersonNavigationGroup {
  text: string;
  /** The group's first page. */
  href: string;
  /** The current page is in this group. */
  active: boolean;
  items: NavigationLink[];
}

/**
 * Groups a person's flat sub-navigation (what every capability's page passes as `subNavigation`) by
 * section group, in the order of `personSectionGroups`, keeping each group's pages in their order. The
 * group of a link is found by its href, so pages need not know the groups; a link no section claims goes
 * under "More". Used by the person layout (the `personNavigation` filter).
 */
export function personNavigation(items: readonly NavigationLink[]): PersonNavigationGroup[] {
  const personId = items.map((item) => /^\/people\/([^/?#]+)/.exec(item.href)?.[1]).find(Boolean);
  const groupOf = new Map<string, string>();
  if (personId) {
    const id = decodeURIComponent(personId);
    for (const section of registerSections) groupOf.set(registerPaths.people.section(id, section), 'Case');
    for (const section of personSections) groupOf.set(section.href(id), section.group);
  }
  const groups = new Map<string, NavigationLink[]>();
  for (const item of items) {
    const group = groupOf.get(item.href) ?? 'More';
    groups.set(group, [...(groups.get(group) ?? []), item]);
  }
  const order = [...personSectionGroups, 'More'];
  return [...groups.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([text, links]) => ({ text, href: links[0]!.href, active: links.some((link) => link.active), items: links }));
}
