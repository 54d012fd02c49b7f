/**
 * Case-file complaints and Ombudsman cases ↔ rows, both ways, with nothing lost. The product's own fields
 * (a corporate complaint's stage, who signs the response, a point's answer, the enquiry and draft decision
 * dates) have columns and travel in the record's `ext` under fixed keys, so an export imported elsewhere
 * and exported again is unchanged. Pure functions.
 */
import type { Complaint, OmbudsmanCase, Remedy } from '../../domain/case-file/schema.ts';
import { compact } from '../register/case-file-mapping.ts';
import type { complaintPoints, complaints, ombudsmanCases, ombudsmanRemedies } from './tables.ts';

/** A stored row as a case-file record needs it: its timestamps and version are not part of a case file. */
type Row<T extends { $inferSelect: unknown }> = Omit<T['$inferSelect'], 'createdAt' | 'updatedAt' | 'version'>;
type NewRow<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type Ext = Record<string, unknown> | undefined;

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** The product's fields in `ext`: these keys are read into columns on import and written back on export. */
export const extKeys = {
  complaint: ['corporateStage', 'responseSignedBy'],
  point: ['answer'],
  ombudsmanCase: ['enquiryOn', 'draftDecisionOn'],
} as const;

/** Splits the product's keys out of an `ext`; what is left is kept as it came (null when nothing is). */
export function takeExt<K extends string>(ext: Ext, keys: readonly K[]): { taken: Partial<Record<K, unknown>>; rest: Record<string, unknown> | null } {
  if (!ext) return { taken: {}, rest: null };
  const taken: Partial<Record<K, unknown>> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ext)) {
    if ((keys as readonly string[]).includes(key)) taken[key as K] = value;
    else rest[key] = value;
  }
  return { taken, rest: Object.keys(rest).length ? rest : null };
}

/** The stored `ext` with the product's fields added back (absent when both are empty). */
export function giveExt(rest: Record<string, unknown> | null, fields: Record<string, unknown>): Ext {
  const merged = { ...(rest ?? {}), ...compact(fields) };
  return Object.keys(merged).length ? merged : undefined;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const stage = (value: unknown): number | null => (value === 1 || value === 2 ? value : null);

export function complaintToRow(personId: string, complaint: Omit<Complaint, 'points'>): NewRow<typeof complaints> {
  const { taken, rest } = takeExt(complaint.ext, extKeys.complaint);
  return {
    personId,
    id: complaint.id,
    receivedOn: complaint.receivedOn,
    complainant: complaint.complainant,
    organisationIds: complaint.organisationIds,
    leadOrganisationId: orNull(complaint.leadOrganisationId),
    procedure: complaint.procedure,
    corporateStage: stage(taken.corporateStage),
    acknowledgedOn: orNull(complaint.acknowledgedOn),
    responseDue: orNull(complaint.responseDue),
    respondedOn: orNull(complaint.respondedOn),
    responseSignedBy: str(taken.responseSignedBy),
    outcome: orNull(complaint.outcome),
    ext: rest,
  };
}

export function pointToRow(personId: string, complaintId: string, position: number, point: Complaint['points'][number]): NewRow<typeof complaintPoints> {
  const { taken, rest } = takeExt(point.ext, extKeys.point);
  return { personId, id: point.id, complaintId, position, text: point.text, answered: point.answered, answer: str(taken.answer), ext: rest };
}

export function pointFromRow(row: Row<typeof complaintPoints>): Complaint['points'][number] {
  return compact({ id: row.id, text: row.text, answered: row.answered, ext: giveExt(row.ext, { answer: row.answer }) }) as Complaint['points'][number];
}

export function complaintFromRow(row: Row<typeof complaints>, points: Row<typeof complaintPoints>[]): Complaint {
  return compact({
    id: row.id,
    receivedOn: row.receivedOn,
    complainant: row.complainant,
    organisationIds: row.organisationIds,
    leadOrganisationId: row.leadOrganisationId,
    procedure: row.procedure,
    points: [...points].sort((a, b) => a.position - b.position).map(pointFromRow),
    acknowledgedOn: row.acknowledgedOn,
    responseDue: row.responseDue,
    respondedOn: row.respondedOn,
    outcome: row.outcome,
    ext: giveExt(row.ext, { corporateStage: row.corporateStage, responseSignedBy: row.responseSignedBy }),
  }) as Complaint;
}

export function ombudsmanCaseToRow(personId: string, ombudsmanCase: Omit<OmbudsmanCase, 'remedies'>): NewRow<typeof ombudsmanCases> {
  const { taken, rest } = takeExt(ombudsmanCase.ext, extKeys.ombudsmanCase);
  return {
    personId,
    id: ombudsmanCase.id,
    body: ombudsmanCase.body,
    reference: ombudsmanCase.reference,
    complaintId: orNull(ombudsmanCase.complaintId),
    enquiryOn: str(taken.enquiryOn),
    draftDecisionOn: str(taken.draftDecisionOn),
    finalDecisionOn: orNull(ombudsmanCase.finalDecisionOn),
    findings: ombudsmanCase.findings,
    ext: rest,
  };
}

export function remedyToRow(personId: string, caseId: string, position: number, remedy: Remedy): NewRow<typeof ombudsmanRemedies> {
  return {
    personId,
    id: remedy.id,
    caseId,
    position,
    text: remedy.text,
    kind: remedy.kind,
    dueWithin: orNull(remedy.dueWithin),
    due: orNull(remedy.due),
    amountPence: orNull(remedy.amountPence),
    ownerId: orNull(remedy.ownerId),
    completedOn: orNull(remedy.completedOn),
    evidence: orNull(remedy.evidence),
    evidenceSentOn: orNull(remedy.evidenceSentOn),
    ext: orNull(remedy.ext),
  };
}

export function remedyFromRow(row: Row<typeof ombudsmanRemedies>): Remedy {
  const { id, text, kind, dueWithin, due, amountPence, ownerId, completedOn, evidence, evidenceSentOn, ext } = row;
  return compact({ id, text, kind, dueWithin, due, amountPence, ownerId, completedOn, evidence, evidenceSentOn, ext }) as Remedy;
}

export function ombudsmanCaseFromRow(row: Row<typeof ombudsmanCases>, remedies: Row<typeof ombudsmanRemedies>[]): OmbudsmanCase {
  return compact({
    id: row.id,
    body: row.body,
    reference: row.reference,
    complaintId: row.complaintId,
    finalDecisionOn: row.finalDecisionOn,
    findings: row.findings,
    remedies: [...remedies].sort((a, b) => a.position - b.position).map(remedyFromRow),
    ext: giveExt(row.ext, { enquiryOn: row.enquiryOn, draftDecisionOn: row.draftDecisionOn }),
  }) as OmbudsmanCase;
}
