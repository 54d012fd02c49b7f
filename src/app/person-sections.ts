/**
 * The sections of a person's case page, in the order of its sub-navigation. Each capability adds its
 * section here; the sub-navigation shows only these, so it never has a dead link.
 */
import { careRecordsPaths } from '../modules/care-records/paths.ts';
import { complaintsPaths } from '../modules/complaints/paths.ts';

import { alertsPaths } from '../modules/alerts/paths.ts';
import { chronologyPaths } from '../modules/chronology/paths.ts';
import { coordinationPaths } from '../modules/coordination/paths.ts';

export interface PersonSection {
  key: string;
  text: string;
  /** The section's path for a person (from the module's typed paths). */
  href(personId: string): string;
}

export const personSections: PersonSection[] = [
  { key: 'alerts', text: 'Alerts', href: alertsPaths.person },
  { key: 'chronology', text: 'Chronology', href: chronologyPaths.chronology },
  { key: 'journey', text: 'Journey', href: chronologyPaths.journey },
  { key: 'plan', text: 'Plan and services', href: careRecordsPaths.plan },
  { key: 'money', text: 'Money', href: careRecordsPaths.money },
  { key: 'complaints', text: 'Complaints', href: complaintsPaths.section },
  { key: 'panels', text: 'Panels and placements', href: (id) => coordinationPaths.section(id, 'panels') },
  { key: 'meetings', text: 'Meetings and decisions', href: (id) => coordinationPaths.section(id, 'meetings') },
  { key: 'letters', text: 'Letters and contact', href: (id) => coordinationPaths.section(id, 'letters') },
];
