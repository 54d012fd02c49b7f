/**
 * The person's sub-navigation on care-records pages: the register's sections, then every capability's
 * section from src/app/person-sections.ts (so no link is dead), with this page's section active.
 */
import { personSections } from '../../../app/person-sections.ts';
import { subNavigation } from '../../register/view-shaping/case-view.ts';

export function careSubNavigation(personId: string, activeKey: string) {
  return subNavigation(personId, activeKey, personSections);
}
