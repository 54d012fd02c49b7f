/**
 * The register's sections of a case file (contacts, detentions, CTOs, residences, GP registrations, duties,
 * disputes, allocations) as a section store: write them for an imported person with the organisation and
 * staff ids the import matched, read them back as the contract shapes them, and name the organisations and
 * staff they refer to. Other capabilities provide stores of the same shape for their sections, and the
 * import and export hand each section to the store that owns it.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { CaseFile, Duty } from '../../domain/case-file/schema.ts';
import * as map from './case-file-mapping.ts';
import { referencedOrganisationIds, referencedStaffIds } from './case-references.ts';
import { loadCaseRows } from './repository.ts';
import { loadCaseRowsOfMany, type CaseFileRows } from './case-rows-of-many.ts';
import { allocations, contacts, ctos, detentions, disputes, duties, gpRegistrations, residences } from './tables.ts';

// The store shape is the shared seam of src/modules/case-files/section-store.ts; these names stay for the register's callers.
export type { CaseFileSection, CaseFileSectionStore as SectionStore, ImportIdMap as ImportIds } from '../case-files/section-store.ts';
import type { CaseFileSection, CaseFileSectionStore as SectionStore } from '../case-files/section-store.ts';

export const registerSections = ['contacts', 'detentions', 'ctos', 'residences', 'gpRegistrations', 'duties', 'disputes', 'allocations'] as const satisfies readonly CaseFileSection[];

function remapSignOffs(ending: Duty['ending'], staff: (id: string) => string): Duty['ending'] {
  if (!ending) return ending;
  const remapped = { ...ending };
  if (ending.localAuthoritySignOff) remapped.localAuthoritySignOff = { ...ending.localAuthoritySignOff, staffId: staff(ending.localAuthoritySignOff.staffId) };
  if (ending.healthBodySignOff) remapped.healthBodySignOff = { ...ending.healthBodySignOff, staffId: staff(ending.healthBodySignOff.staffId) };
  return remapped;
}

function sectionsFromRows(rows: CaseFileRows) {
  return {
    contacts: rows.contacts.map(map.contactFromRow),
    detentions: rows.detentions.map(map.detentionFromRow),
    ctos: rows.ctos.map(map.ctoFromRow),
    residences: rows.residences.map(map.residenceFromRow),
    gpRegistrations: rows.gpRegistrations.map(map.gpRegistrationFromRow),
    duties: rows.duties.map(map.dutyFromRow),
    disputes: rows.disputes.map(map.disputeFromRow),
    allocations: rows.allocations.map(map.allocationFromRow),
  };
}

export const registerSectionStore: SectionStore = {
  sections: registerSections,

  async importSections(tx, _ctx, personId, file, ids) {
    const org = (id: string) => ids.organisation(id);
    const orgOrNone = (id: string | undefined) => (id === undefined ? undefined : org(id));
    const insert = async (table: Parameters<DbOrTx['insert']>[0], rows: unknown[]) => {
      if (rows.length > 0) await tx.insert(table).values(rows as never);
    };
    await insert(contacts, file.contacts.map((c) => map.contactToRow(personId, { ...c, organisationId: orgOrNone(c.organisationId) })));
    await insert(detentions, file.detentions.map((d) => map.detentionToRow(personId, d)));
    await insert(ctos, file.ctos.map((c) => map.ctoToRow(personId, c)));
    await insert(
      residences,
      file.residences.map((r) =>
        map.residenceToRow(personId, randomUUID(), { ...r, localAuthorityId: orgOrNone(r.localAuthorityId), healthBodyId: orgOrNone(r.healthBodyId), placedById: orgOrNone(r.placedById) }),
      ),
    );
    await insert(gpRegistrations, file.gpRegistrations.map((g) => map.gpRegistrationToRow(personId, randomUUID(), { ...g, healthBodyId: org(g.healthBodyId) })));
    await insert(
      duties,
      file.duties.map((d) =>
        map.dutyToRow(personId, { ...d, localAuthorityId: org(d.localAuthorityId), healthBodyId: org(d.healthBodyId), ending: remapSignOffs(d.ending, (id) => ids.staff(id)) }),
      ),
    );
    await insert(
      disputes,
      file.disputes.map((d) => map.disputeToRow(personId, { ...d, withOrganisationId: org(d.withOrganisationId), leadOrganisationId: orgOrNone(d.leadOrganisationId) })),
    );
    await insert(allocations, file.allocations.map((a) => map.allocationToRow(personId, randomUUID(), { ...a, staffId: ids.staff(a.staffId) })));
  },

  async exportSections(tx, personId) {
    return sectionsFromRows(await loadCaseRows(tx, personId));
  },

  async exportSectionsOfMany(tx, personIds, range) {
    const out = new Map<string, Partial<CaseFile>>();
    for (const [id, own] of await loadCaseRowsOfMany(tx, personIds, range)) out.set(id, sectionsFromRows(own));
    return out;
  },

  referencedIds(sections) {
    return { organisationIds: referencedOrganisationIds(sections), staffIds: referencedStaffIds(sections) };
  },
};
