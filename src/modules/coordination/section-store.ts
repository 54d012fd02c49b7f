/**
 * Coordination's sections of a case file (panel requests, placement searches, meetings, decisions, actions,
 * communication plans, communications, appointments) as a case-file section store. Import writes what the
 * file says, with its ids and `ext`, mapping organisation, staff and `Ref` ids to those the import matched,
 * and without the guards that refuse a user's new action (a decision without reasons is stored, and raises
 * its alert). Export gives the records back in the contract's shape.
 */
import type { Action, Appointment, CaseFile, Communication, Meeting, PanelRequest, PlacementSearch } from '../../domain/case-file/schema.ts';
import type { CaseFileSectionStore, ImportIdMap } from '../case-files/section-store.ts';
import { loadCoordinationRecords } from './case-reads.ts';
import { insertRecords } from './repository.ts';
import { coordinationSections, sectionDefinitions, type CoordinationSection } from './sections.ts';
import { pickedRowsByIds } from '../../platform/db/rows-by-ids.ts';

const withProvider = <T extends { providerId?: string }>(record: T, ids: ImportIdMap): T =>
  record.providerId === undefined ? record : { ...record, providerId: ids.organisation(record.providerId) };
const refs = (list: readonly string[], ids: ImportIdMap) => list.map((ref) => ids.ref(ref));

/** Each section's records with their organisation, staff and Ref ids as stored. */
function remap(file: CaseFile, ids: ImportIdMap): Record<CoordinationSection, readonly object[]> {
  return {
    panelRequests: file.panelRequests.map((r: PanelRequest) => withProvider(r, ids)),
    placementSearches: file.placementSearches.map((s: PlacementSearch) => withProvider(s, ids)),
    meetings: file.meetings.map((m: Meeting) => ({ ...m, invited: refs(m.invited, ids), attended: refs(m.attended, ids) })),
    decisions: file.decisions,
    actions: file.actions.map((a: Action) => ({ ...a, ownerId: ids.ref(a.ownerId) })),
    communicationPlans: file.communicationPlans,
    communications: file.communications.map((c: Communication) => ({ ...c, with: refs(c.with, ids), ...(c.staffId ? { staffId: ids.staff(c.staffId) } : {}) })),
    appointments: file.appointments.map((a: Appointment) => ({ ...a, staffId: ids.staff(a.staffId), with: refs(a.with, ids) })),
  };
}

const stripVersion = ({ version: _version, ...record }: { version: number }) => record;

/**
 * Each section's rows of many people (the sweep): only what a record is made of (person, id, record, ext;
 * not the timestamps, version or the index columns that copy the record's fields), in `listRecords`' order.
 */
const readers = Object.fromEntries(
  coordinationSections.map((section) => [section, pickedRowsByIds(sectionDefinitions[section].table, { by: (t) => t.personId, orderBy: (t) => [t.createdAt, t.id], pick: ['personId', 'id', 'record', 'ext'] })]),
) as Record<CoordinationSection, ReturnType<typeof pickedRowsByIds<(typeof sectionDefinitions)[CoordinationSection]['table'], 'personId' | 'id' | 'record' | 'ext'>>>;

export const coordinationSectionStore: CaseFileSectionStore = {
  sections: coordinationSections,

  async importSections(tx, _ctx, personId, file, ids) {
    const sections = remap(file, ids);
    for (const section of coordinationSections) await insertRecords(tx, section, personId, sections[section] as Record<string, unknown>[]);
  },

  async exportSections(tx, personId) {
    const records = await loadCoordinationRecords(tx, personId);
    const out: Partial<Record<CoordinationSection, unknown[]>> = {};
    for (const section of coordinationSections) out[section] = records[section].map(stripVersion);
    return out as Partial<CaseFile>;
  },

  async exportSectionsOfMany(tx, personIds, range) {
    const out = new Map<string, Record<CoordinationSection, object[]>>();
    for (const id of personIds) out.set(id, { panelRequests: [], placementSearches: [], meetings: [], decisions: [], actions: [], communicationPlans: [], communications: [], appointments: [] });
    for (const section of coordinationSections) {
      // The record as `recordFromRow` builds it, without the version: id, the stored shape, then ext.
      for (const row of await readers[section].read(tx, personIds, range)) out.get(row.personId)?.[section].push(row.ext ? { id: row.id, ...row.record, ext: row.ext } : { id: row.id, ...row.record });
    }
    return out as unknown as Map<string, Partial<CaseFile>>;
  },

  referencedIds(sections) {
    // Lists, not sets: the callers de-duplicate (the sweep asks this of every case it reads, ~100 ids a case).
    const organisationIds: string[] = [];
    const staffIds: string[] = [];
    for (const r of sections.panelRequests ?? []) if (r.providerId) organisationIds.push(r.providerId);
    for (const r of sections.placementSearches ?? []) if (r.providerId) organisationIds.push(r.providerId);
    for (const a of sections.appointments ?? []) staffIds.push(a.staffId);
    for (const c of sections.communications ?? []) if (c.staffId) staffIds.push(c.staffId);
    // A Ref may name staff or an organisation; the export keeps those it can resolve among them.
    const ref = (id: string) => {
      if (id === 'person') return;
      staffIds.push(id);
      organisationIds.push(id);
    };
    for (const a of sections.actions ?? []) ref(a.ownerId);
    for (const m of sections.meetings ?? []) {
      for (const id of m.invited) ref(id);
      for (const id of m.attended) ref(id);
    }
    for (const c of sections.communications ?? []) for (const id of c.with) ref(id);
    for (const a of sections.appointments ?? []) for (const id of a.with) ref(id);
    return { organisationIds, staffIds };
  },
};
