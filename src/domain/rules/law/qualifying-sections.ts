/**
 * Which MHA sections give rise to s117 (ELIG-01) and which do not (ELIG-02), and the groupings the
 * council and health-body rules need (Part 3 bases, restricted orders, transfers from custody).
 */
import type { Detention, Section } from '../../case-file/schema.ts';

/** ELIG-01: s3, s37 (with or without s41), s45A, s47 and s48 (with or without s49). */
const QUALIFYING: ReadonlySet<Section> = new Set<Section>(['3', '37', '37/41', '45A', '47', '47/49', '48', '48/49']);
/** ICB-07: court orders and transfer directions are not "applications". */
const PART_3: ReadonlySet<Section> = new Set<Section>(['37', '37/41', '45A', '47', '47/49', '48', '48/49']);
/** ELIG-07: restricted patients who may be conditionally discharged. */
const RESTRICTED: ReadonlySet<Section> = new Set<Section>(['37/41', '45A', '47/49', '48/49']);
/** LA-10: transfer directions always come from custody. */
const FROM_CUSTODY: ReadonlySet<Section> = new Set<Section>(['47', '47/49', '48', '48/49']);

type DetentionKind = NonNullable<Detention['kind']>;
const RECALL_KINDS: ReadonlySet<DetentionKind> = new Set<DetentionKind>(['cto_recall', 'cto_revocation', 'conditional_discharge_recall']);

export function isQualifyingSection(section: Section): boolean {
  return QUALIFYING.has(section);
}

export function isPart3Section(section: Section): boolean {
  return PART_3.has(section);
}

export function isRestrictedSection(section: Section): boolean {
  return RESTRICTED.has(section);
}

export function isTransferFromCustody(section: Section): boolean {
  return FROM_CUSTODY.has(section);
}

/** A recall or revocation under an order that stayed in force (RECALL_POLICY, U-03). */
export function isRecall(detention: Detention): boolean {
  return detention.kind !== undefined && RECALL_KINDS.has(detention.kind);
}

/** How the section reads in a sentence: "section 3", "section 37/41". */
export function sectionName(section: Section): string {
  return section === 'other' ? 'another power' : `section ${section}`;
}
