/**
 * The complaints and ombudsmanCases sections of a case file (with their points and remedies) as a section
 * store: written for an imported person as the file gives them (history as it was: no workflow guards),
 * read back as the contract shapes them with the file's ids and `ext`, and the organisations and staff
 * they refer to named for the export.
 */
import type { CaseFile } from '../../domain/case-file/schema.ts';
import type { CaseFileSectionStore } from '../case-files/section-store.ts';
import { complaintToRow, pointToRow, ombudsmanCaseToRow, remedyToRow } from './mapping.ts';
import { complaintsAndCasesOfMany, complaintsOf, ombudsmanCasesOf } from './repository.ts';
import { complaintPoints, complaints, ombudsmanCases, ombudsmanRemedies } from './tables.ts';

const isRef = (ref: string | undefined): ref is string => ref !== undefined && ref !== 'person';

export const complaintsSectionStore: CaseFileSectionStore = {
  sections: ['complaints', 'ombudsmanCases'],

  async importSections(tx, _ctx, personId, file, ids) {
    for (const complaint of file.complaints) {
      const { points, ...rest } = complaint;
      const stored = {
        ...rest,
        complainant: ids.ref(rest.complainant),
        organisationIds: rest.organisationIds.map((id) => ids.organisation(id)),
        ...(rest.leadOrganisationId ? { leadOrganisationId: ids.organisation(rest.leadOrganisationId) } : {}),
      };
      await tx.insert(complaints).values(complaintToRow(personId, stored));
      if (points.length) await tx.insert(complaintPoints).values(points.map((p, i) => pointToRow(personId, complaint.id, i, p)));
    }
    for (const ombudsmanCase of file.ombudsmanCases) {
      const { remedies, ...rest } = ombudsmanCase;
      await tx.insert(ombudsmanCases).values(ombudsmanCaseToRow(personId, rest));
      const rows = remedies.map((r, i) => remedyToRow(personId, rest.id, i, r.ownerId ? { ...r, ownerId: ids.ref(r.ownerId) } : r));
      if (rows.length) await tx.insert(ombudsmanRemedies).values(rows);
    }
  },

  async exportSections(tx, personId) {
    return {
      complaints: (await complaintsOf(tx, personId)).map((entry) => entry.record),
      ombudsmanCases: (await ombudsmanCasesOf(tx, personId)).map((entry) => entry.record),
    };
  },

  async exportSectionsOfMany(tx, personIds, range) {
    return complaintsAndCasesOfMany(tx, personIds, range);
  },

  /**
   * The bodies a complaint names, and the Refs of complainants and remedy owners, which may be a worker or
   * an organisation (a contact id matches neither, and the export looks each up among those it holds).
   */
  referencedIds(sections: Partial<CaseFile>) {
    const organisationIds = new Set<string>();
    const refs = new Set<string>();
    for (const c of sections.complaints ?? []) {
      for (const id of c.organisationIds) organisationIds.add(id);
      if (c.leadOrganisationId) organisationIds.add(c.leadOrganisationId);
      if (isRef(c.complainant)) refs.add(c.complainant);
    }
    for (const o of sections.ombudsmanCases ?? []) for (const r of o.remedies) if (isRef(r.ownerId)) refs.add(r.ownerId);
    const contactIds = new Set((sections.contacts ?? []).map((c) => c.id));
    const candidates = [...refs].filter((ref) => !contactIds.has(ref));
    return { organisationIds: [...new Set([...organisationIds, ...candidates])], staffIds: candidates };
  },
};

