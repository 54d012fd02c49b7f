/**
 * The identity bar and sub-navigation of a person's case on coordination's pages: the register's sections,
 * then every section the capabilities add (src/app/person-sections.ts), without repeats.
 */
import { personSections } from '../../../app/person-sections.ts';
import { formatCivilDate, formatNhsNumber } from '../../register/view-shaping/format.ts';
import { subNavigation } from '../../register/view-shaping/case-view.ts';
import { statusTag } from '../../register/view-shaping/status-tags.ts';
import type { CoordinationCase } from '../case-reads.ts';

export function identityOf(c: CoordinationCase, today: string) {
  return {
    name: `${c.person.givenName} ${c.person.familyName}`,
    nhsNumber: c.person.nhsNumber ? formatNhsNumber(c.person.nhsNumber) : 'Not recorded',
    dateOfBirth: c.person.dateOfBirth ? formatCivilDate(c.person.dateOfBirth) : 'Not recorded',
    dateOfDeath: c.person.dateOfDeath ? formatCivilDate(c.person.dateOfDeath) : undefined,
    tags: c.duties.filter((d) => d.start <= today && (!d.end || d.end > today)).map((d) => ({ ...statusTag('open', 'Open duty'), detail: ` from ${formatCivilDate(d.start)}` })),
  };
}

export function caseSubNavigation(personId: string, activeHref: string) {
  const items = [
    ...subNavigation(personId, 'overview').map((item) => ({ text: item.text, href: item.href })),
    ...personSections.map((section) => ({ text: section.text, href: section.href(personId) })),
  ];
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.href) && seen.add(item.href)).map((item) => ({ ...item, active: item.href === activeHref }));
}
