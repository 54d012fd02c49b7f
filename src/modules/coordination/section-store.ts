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
import { insertRecords, listRecordsOfMany } from './repository.ts';
import { coordinationSections, type CoordinationSection } from './sections.ts';

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

  async exportSectionsOfMany(tx, personIds) {
    const out = new Map<string, Partial<Record<CoordinationSection, unknown[]>>>(personIds.map((id) => [id, {}]));
    for (const section of coordinationSections) {
      for (const [id, records] of await listRecordsOfMany(tx, section, personIds)) {
        const own = out.get(id);
        if (own) own[section] = records.map(stripVersion);
      }
    }
    return out as Map<string, Partial<CaseFile>>;
  },

  referencedIds(sections) {
    const organisationIds = new Set<string>();
    const staffIds = new Set<string>();
    for (const r of [...(sections.panelRequests ?? []), ...(sections.placementSearches ?? [])]) if (r.providerId) organisationIds.add(r.providerId);
    for (const a of sections.appointments ?? []) staffIds.add(a.staffId);
    for (const c of sections.communications ?? []) if (c.staffId) staffIds.add(c.staffId);
    // A Ref may name staff or an organisation; the export keeps those it can resolve among them.
    const refIds = [
      ...(sections.actions ?? []).map((a) => a.ownerId),
      ...(sections.meetings ?? []).flatMap((m) => [...m.invited, ...m.attended]),
      ...(sections.communications ?? []).flatMap((c) => c.with),
      ...(sections.appointments ?? []).flatMap((a) => a.with),
    ].filter((ref) => ref !== 'person');
    for (const ref of refIds) {
      staffIds.add(ref);
      organisationIds.add(ref);
    }
    return { organisationIds: [...organisationIds], staffIds: [...staffIds] };
  },
};
